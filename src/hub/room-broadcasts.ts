import type { AudiencePatch, AudienceState } from '../shared/protocol/audience-state';
import type { RoomId } from '../shared/protocol/rooms';
import { Broadcaster, type BroadcasterOptions } from './broadcaster';
import type { RoomOps } from './hub-writer';

export interface RoomTargets {
  patch(room: RoomId, p: AudiencePatch): void;
  state(room: RoomId, s: AudienceState): void;
}

/** The socket.io room of a hub room's phones (one socket.io room per hub room: a phone gets its room's data only). */
export const phonesOf = (room: RoomId): string => `room:${room}`;

/**
 * One broadcaster per room (broadcaster.ts), made when a phone joins the room or the régie changes
 * it: each room's phones get that room's patches, with that room's revisions, and nothing of the
 * others. The notice goes to every room.
 */
export class RoomBroadcasts {
  private readonly byRoom = new Map<RoomId, Broadcaster>();

  constructor(
    private readonly targets: RoomTargets,
    private readonly stateAt: (room: RoomId, rev: number) => AudienceState,
    private readonly votesOf: (id: string) => number,
    private readonly isPublished: (room: RoomId, id: string) => boolean,
    private readonly opts: BroadcasterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get(room: RoomId): Broadcaster {
    let b = this.byRoom.get(room);
    if (!b) {
      b = new Broadcaster(
        { patch: (p) => this.targets.patch(room, p), state: (s) => this.targets.state(room, s) },
        (rev) => this.stateAt(room, rev),
        this.votesOf,
        (id) => this.isPublished(room, id),
        this.opts,
        this.now,
      );
      this.byRoom.set(room, b);
    }
    return b;
  }

  /** The state to send a phone of `room` that joins or asks to resync. */
  current(room: RoomId): AudienceState {
    return this.get(room).current();
  }

  /** Another node sent `room`'s phones this revision (broadcaster.ts). */
  adopt(room: RoomId, rev: number): void {
    this.get(room).adopt(rev);
  }

  push(ops: readonly RoomOps[], votes: readonly string[]): void {
    for (const { room, ops: roomOps } of ops) {
      if (room === null) for (const b of this.byRoom.values()) b.push(roomOps, []);
      else this.get(room).push(roomOps, []);
    }
    // An upvote count is sent by the room that shows the question (the others filter it out).
    if (votes.length > 0) for (const b of this.byRoom.values()) b.push([], votes);
  }

  close(): void {
    for (const b of this.byRoom.values()) b.close();
  }
}
