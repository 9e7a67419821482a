/**
 * How much of the connected audience has voted in a poll: voters against the participants the hub
 * counts as connected right now, room and remote apart. Pure. A voter who has since left still
 * counts as a voter, so the share is capped at 100 %; `null` when nobody is connected (no rate).
 */

export interface Participation {
  voters: number;
  connected: number;
  /** Whole percent, 0 to 100, or null with nobody connected. */
  percent: number | null;
}

export interface ParticipationByOrigin {
  total: Participation;
  room: Participation;
  remote: Participation;
}

function rate(voters: number, connected: number): Participation {
  return { voters, connected, percent: connected > 0 ? Math.min(100, Math.round((voters * 100) / connected)) : null };
}

export function participationOf(
  voters: { room: number; remote: number },
  connected: { room: number; remote: number } | null | undefined,
): ParticipationByOrigin {
  const c = connected ?? { room: 0, remote: 0 };
  return {
    total: rate(voters.room + voters.remote, c.room + c.remote),
    room: rate(voters.room, c.room),
    remote: rate(voters.remote, c.remote),
  };
}
