import type { Origin } from '../shared/protocol/fields';

/** Participants connected now, by distinct participant id (a phone with two tabs counts once). */
export class PresenceCounter {
  private readonly byParticipant = new Map<string, { origin: Origin; sockets: number }>();

  join(participantId: string, origin: Origin): void {
    const known = this.byParticipant.get(participantId);
    // The latest origin wins: someone who moves from the stream into the room counts in the room.
    this.byParticipant.set(participantId, { origin, sockets: (known?.sockets ?? 0) + 1 });
  }

  leave(participantId: string): void {
    const known = this.byParticipant.get(participantId);
    if (!known) return;
    if (known.sockets <= 1) this.byParticipant.delete(participantId);
    else known.sockets -= 1;
  }

  counts(): { room: number; remote: number } {
    let room = 0;
    let remote = 0;
    for (const p of this.byParticipant.values()) {
      if (p.origin === 'room') room += 1;
      else remote += 1;
    }
    return { room, remote };
  }
}
