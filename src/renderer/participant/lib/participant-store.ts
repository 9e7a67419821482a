import { create } from 'zustand';
import type { AudiencePatch, AudienceState, Mine } from '../../../shared/protocol/audience-state';
import { applyPatch } from '../../../shared/protocol/audience-state';
import type { HubError } from '../../../shared/protocol/errors';
import type { Origin } from '../../../shared/protocol/fields';
import type { Interaction } from '../../../shared/protocol/interactions';
import type { ParticipantPlace, RoomsSummary } from '../../../shared/protocol/rooms';
import type { OutboxEntry } from './outbox';

/**
 * What the participant page shows: the audience state from the hub (join answer, then patches),
 * what this phone already did (acknowledged by the hub), what waits in the outbox, and the answer
 * to the last message of each kind. Written by the hub link only; components read it.
 */
export type Connection = 'idle' | 'connecting' | 'online' | 'offline';
export type FeedbackArea = 'vote' | 'ask' | 'words' | 'upvote';
/** The answer to the last message of an area; `target` is its poll, cloud or question. */
export type Feedback =
  | { kind: 'saved'; at: number; target: string; count?: number }
  | { kind: 'error'; at: number; target: string; error: HubError; text?: string };

export interface Ballot {
  choices: number[] | null;
  rating: number | null;
}

export interface ParticipantState {
  eventCode: string | null;
  origin: Origin | null;
  /** Why the last join was refused (wrong code, other version): the page asks again. */
  joinError: HubError | null;
  connection: Connection;
  /** The link came back after a loss a moment ago (« Connexion rétablie » for a few seconds). */
  back: boolean;
  audience: AudienceState | null;
  /** Acknowledged ballots, by poll id. */
  votes: Record<string, Ballot>;
  /** Questions this phone supported (acknowledged). */
  upvoted: string[];
  /** Words acknowledged, by cloud id (the hub's keys: cleaned, lower case). */
  words: Record<string, string[]>;
  /** Messages not acknowledged yet (mirror of the link's outbox). */
  outbox: OutboxEntry[];
  feedback: Partial<Record<FeedbackArea, Feedback>>;
  /** Interactions seen during this visit, by id: results of a closed poll keep their labels. */
  seen: Record<string, Interaction>;
  /** Where the hub put this phone (its room, « dans la salle » or not): null with a hub of before rooms. */
  place: ParticipantPlace | null;
  /** The event's rooms, for the chooser. */
  rooms: RoomsSummary['rooms'];
  /** Why the personal code typed was refused (the hub's sentence). */
  codeError: HubError | null;
}

export const initialParticipantState: ParticipantState = {
  eventCode: null,
  origin: null,
  joinError: null,
  connection: 'idle',
  back: false,
  audience: null,
  votes: {},
  upvoted: [],
  words: {},
  outbox: [],
  feedback: {},
  seen: {},
  place: null,
  rooms: [],
  codeError: null,
};

export const useParticipant = create<ParticipantState>(() => initialParticipantState);

const set = (partial: Partial<ParticipantState> | ((s: ParticipantState) => Partial<ParticipantState>)) => useParticipant.setState(partial);

function remember(seen: Record<string, Interaction>, interaction: Interaction | null): Record<string, Interaction> {
  if (!interaction || seen[interaction.id] === interaction) return seen;
  const entries = Object.entries({ ...seen, [interaction.id]: interaction });
  return Object.fromEntries(entries.slice(-20));
}

export function receiveState(audience: AudienceState): void {
  set((s) => ({ audience, seen: remember(s.seen, audience.interaction) }));
}

/** Applies a patch if it follows the state held; answers whether a full state must be asked for. */
export function receivePatch(patch: AudiencePatch): 'applied' | 'stale' | 'resync' {
  const current = useParticipant.getState().audience;
  if (!current) return 'resync';
  if (patch.rev <= current.rev) return 'stale';
  if (patch.fromRev !== current.rev) return 'resync';
  const audience = applyPatch(current, patch);
  set((s) => ({ audience, seen: remember(s.seen, audience.interaction) }));
  return 'applied';
}

/** The join answer: the state, and what this participant already did (merged with what the phone knows). */
export function receiveJoin(audience: AudienceState, mine: Mine): void {
  set((s) => {
    const votes = { ...s.votes };
    if (mine.vote) votes[mine.vote.pollId] = { choices: mine.vote.choices, rating: mine.vote.rating };
    const words = { ...s.words };
    const open = audience.interaction;
    if (open?.kind === 'cloud' && mine.words.length > 0) words[open.id] = [...new Set([...(words[open.id] ?? []), ...mine.words])];
    return {
      audience,
      votes,
      words,
      upvoted: [...new Set([...s.upvoted, ...mine.upvoted])],
      joinError: null,
      seen: remember(s.seen, open),
    };
  });
}

const BACK_SHOWN_MS = 4000;
let backTimer: ReturnType<typeof setTimeout> | null = null;

export function setConnection(connection: Connection): void {
  const was = useParticipant.getState().connection;
  if (backTimer) clearTimeout(backTimer);
  backTimer = null;
  const back = connection === 'online' && was === 'offline';
  if (back) {
    backTimer = setTimeout(() => {
      backTimer = null;
      set({ back: false });
    }, BACK_SHOWN_MS);
  }
  set({ connection, back });
}

export function setPlace(eventCode: string | null, origin: Origin | null): void {
  set({ eventCode, origin });
}

export function setHubPlace(place: ParticipantPlace | null): void {
  set({ place });
}

export function setRooms(rooms: RoomsSummary['rooms']): void {
  set({ rooms });
}

export function setCodeError(codeError: HubError | null): void {
  set({ codeError });
}

export function setJoinError(error: HubError | null): void {
  set({ joinError: error });
}

export function setOutbox(outbox: OutboxEntry[]): void {
  set({ outbox });
}

export function setFeedback(area: FeedbackArea, feedback: Feedback | null): void {
  set((s) => {
    const next = { ...s.feedback };
    if (feedback) next[area] = feedback;
    else delete next[area];
    return { feedback: next };
  });
}

export function recordVote(pollId: string, ballot: Ballot): void {
  set((s) => ({ votes: { ...s.votes, [pollId]: ballot } }));
}

export function recordUpvote(questionId: string): void {
  set((s) => (s.upvoted.includes(questionId) ? {} : { upvoted: [...s.upvoted, questionId] }));
}

export function recordWords(cloudId: string, keys: string[]): void {
  set((s) => ({ words: { ...s.words, [cloudId]: [...new Set([...(s.words[cloudId] ?? []), ...keys])] } }));
}

/** Leaving the event (another code): forget its state, keep nothing of it on screen. */
export function resetAudience(): void {
  set({ audience: null, votes: {}, upvoted: [], words: {}, feedback: {}, seen: {}, joinError: null, back: false, place: null, rooms: [], codeError: null });
}
