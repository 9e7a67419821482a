import type { Ack, RefusedNotice } from './errors';
import type { AudiencePatch, AudienceState, JoinAck } from './audience-state';
import type { ParticipantBranding } from './branding';
import type { AudienceBatch, Presence } from './audience-messages';
import type { CommandAck, ResumeAck } from './regie-commands';
import type { ParticipantPlace, RoomsSummary } from './rooms';

/**
 * socket.io event maps of the two namespaces (for typed clients and the hub). Payloads a peer
 * sends are `unknown` here: the receiver validates them with the schemas of this folder.
 */

export interface ParticipantToHubEvents {
  join: (msg: unknown, ack: (r: JoinAck) => void) => void;
  'question.ask': (msg: unknown, ack: (r: Ack) => void) => void;
  'question.upvote': (msg: unknown, ack: (r: Ack) => void) => void;
  'poll.vote': (msg: unknown, ack: (r: Ack) => void) => void;
  'words.send': (msg: unknown, ack: (r: Ack) => void) => void;
  /** Ask for the full state again (after a patch with an unexpected `fromRev`). */
  resync: () => void;
}

export interface HubToParticipantEvents {
  state: (s: AudienceState) => void;
  patch: (p: AudiencePatch) => void;
  /** A message sent without an acknowledgement callback was refused. */
  refused: (r: RefusedNotice) => void;
  /** The event's look (branding.ts): after `join`, and when the régie changes it. */
  branding: (b: ParticipantBranding | null) => void;
  /** The rooms, for the chooser (rooms.ts): after `join`, and when they change. */
  rooms: (r: RoomsSummary) => void;
  /** Where the hub put this phone (rooms.ts): after `join`, and when it moves it. */
  place: (p: ParticipantPlace) => void;
}

export interface RegieToHubEvents {
  resume: (msg: unknown, ack: (r: ResumeAck) => void) => void;
  command: (envelope: unknown, ack: (r: CommandAck) => void) => void;
  ack: (msg: unknown) => void;
  /** Round-trip probe: the hub answers its clock (ms). */
  rtt: (ack: (hubNow: number) => void) => void;
}

export interface HubToRegieEvents {
  audience: (batch: AudienceBatch) => void;
  presence: (p: Presence) => void;
  refused: (r: RefusedNotice) => void;
}

/** The régie's socket.io `auth` on `/regie`. */
export interface RegieAuth {
  token: string;
}
