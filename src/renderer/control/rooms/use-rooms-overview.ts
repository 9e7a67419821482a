import { useEffect, useMemo, useState } from 'react';
import { sortedSessions } from '../../../shared/domain/programme-position';
import { roomOfSession } from '../../../shared/domain/rooms';
import { sessionWindow } from '../../lib/desk-schedule';
import { useRegie } from '../../lib/regie-store';
import { tokenFromLocation } from '../../lib/url-token';
import { useSchedule } from '../../lib/use-schedule';
import { fetchSeats } from '../seats/seats-request';
import { type OverviewSeat, roomsOverview, type RoomsOverview } from './rooms-overview';
import type { SessionSpan } from './room-scope';
import { useDeskRoom } from './use-desk-room';
import type { AudienceQuestion } from '../../../shared/api/state';
import { isFlagged } from '../../../shared/domain/question-queue';

/** Every session's window on the show clock, with its room (once per programme, delay or mark). */
export function useSessionSpans(): SessionSpan[] {
  const { programme, schedule, marks } = useSchedule();
  return useMemo(
    () => (programme ? sortedSessions(programme).map((s) => ({ id: s.id, room: roomOfSession(programme, s.id).id, ...sessionWindow(programme, s, schedule, marks) })) : []),
    [programme, schedule, marks],
  );
}

/** How often the overview asks the core which seats have a view open (the Sièges dialog's list). */
export const SEATS_POLL_MS = 3000;

/**
 * The seats with their open views, read from the core while the overview is open (`/api/seats`,
 * the central régie's token): which workshop's tablet or projector is connected.
 */
export function useSeatsWhileOpen(open: boolean): { seats: OverviewSeat[] | null; problem: string | null } {
  const [seats, setSeats] = useState<OverviewSeat[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const token = tokenFromLocation() ?? '';
    let stopped = false;
    const read = () =>
      fetchSeats(token).then(
        (list) => {
          if (stopped) return;
          setSeats(list.seats.map((s) => ({ id: s.id, name: s.name, kind: s.kind, room: s.room, connected: s.connected, revokedAt: s.revokedAt })));
          setProblem(null);
        },
        (err: unknown) => {
          if (!stopped) setProblem(err instanceof Error ? err.message : String(err));
        },
      );
    void read();
    const timer = setInterval(() => void read(), SEATS_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [open]);
  return { seats, problem };
}

/** The overview's rows, from the mirrored state, the schedule, the hub's counts and the seats. */
export function useRoomsOverview(now: number, seats: OverviewSeat[] | null): RoomsOverview {
  const state = useRegie((s) => s.state);
  const presence = useRegie((s) => s.status?.link.participants.rooms);
  const spans = useSessionSpans();
  const deskRoom = useDeskRoom();
  // The minute is enough for « live now »: the rows are not rebuilt at every second.
  const minute = Math.floor(now / 60_000) * 60_000;
  return useMemo(
    () => (state ? roomsOverview({ state, spans, now: Math.max(minute, 0), presence, seats, deskRoom }) : { rows: [], quiet: [], flagged: 0, flaggedElsewhere: 0 }),
    [state, spans, minute, presence, seats, deskRoom],
  );
}

/** Questions flagged and not cleared, in every room (the top bar's badge). */
export function useFlaggedEverywhere(): number {
  // A number: the button redraws when it moves, not at each room's patch.
  return useRegie((s) => flaggedIn(s.state?.audience.questions ?? []));
}

/** Questions flagged (personal data) and neither cleared nor rejected, merged ones aside: roomCounts' `flagged`, summed. */
export function flaggedIn(questions: readonly AudienceQuestion[]): number {
  let n = 0;
  for (const q of questions) if (q.status !== 'merged' && q.status !== 'rejected' && isFlagged(q)) n += 1;
  return n;
}
