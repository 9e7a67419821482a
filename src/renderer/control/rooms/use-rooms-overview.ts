import { useMemo } from 'react';
import { sortedSessions } from '../../../shared/domain/programme-position';
import { roomOfSession } from '../../../shared/domain/rooms';
import { sessionWindow } from '../../lib/desk-schedule';
import { useRegie } from '../../lib/regie-store';
import { useSchedule } from '../../lib/use-schedule';
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

/**
 * The seats with their open views (which workshop's tablet or projector is connected): pushed by
 * the core to the régie's desks as views come and go, never polled. null: this desk is not sent
 * them (a core of before the push).
 */
export function usePushedSeats(): OverviewSeat[] | null {
  return useRegie((s) => s.seats);
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
