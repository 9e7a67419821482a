import type { Origin } from '../shared/protocol/fields';
import type { RoomId } from '../shared/protocol/rooms';

export interface PresenceCounts {
  room: number;
  remote: number;
}

/**
 * Participants connected now, by distinct participant id (a phone with two tabs counts once; a
 * client opening a hundred sockets under one id counts once), per room and origin as the hub
 * decided them. The latest join of a participant says where it is.
 */
export class PresenceCounter {
  private readonly byParticipant = new Map<string, { origin: Origin; room: RoomId; sockets: number }>();

  join(participantId: string, origin: Origin, room: RoomId): void {
    const known = this.byParticipant.get(participantId);
    // The latest place wins: someone who moves from the stream into the room counts in the room.
    this.byParticipant.set(participantId, { origin, room, sockets: (known?.sockets ?? 0) + 1 });
  }

  /** Where a participant is now (another socket of theirs moved them), without a new socket. */
  move(participantId: string, origin: Origin, room: RoomId): void {
    const known = this.byParticipant.get(participantId);
    if (known) this.byParticipant.set(participantId, { ...known, origin, room });
  }

  leave(participantId: string): void {
    const known = this.byParticipant.get(participantId);
    if (!known) return;
    if (known.sockets <= 1) this.byParticipant.delete(participantId);
    else known.sockets -= 1;
  }

  /** Sockets this participant holds joined now. */
  sockets(participantId: string): number {
    return this.byParticipant.get(participantId)?.sockets ?? 0;
  }

  counts(): PresenceCounts {
    let room = 0;
    let remote = 0;
    for (const p of this.byParticipant.values()) {
      if (p.origin === 'room') room += 1;
      else remote += 1;
    }
    return { room, remote };
  }

  byRoom(): Record<RoomId, PresenceCounts> {
    const out = new Map<RoomId, PresenceCounts>();
    for (const p of this.byParticipant.values()) {
      const c = out.get(p.room) ?? { room: 0, remote: 0 };
      out.set(p.room, c);
      if (p.origin === 'room') c.room += 1;
      else c.remote += 1;
    }
    return Object.fromEntries(out);
  }
}
