import { qaOf } from '../../../shared/api/room-live';
import { useMemo, useState } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import type { QueueView } from '../../../shared/domain/question-queue';
import { liveQueueFollower } from '../../../shared/domain/question-queue-live';
import type { Programme } from '../../../shared/domain/programme';
import { sortedSessions } from '../../../shared/domain/programme-position';
import { roomOfSession } from '../../../shared/domain/rooms';
import { sessionWindow } from '../../lib/desk-schedule';
import { useRegie } from '../../lib/regie-store';
import { useSchedule } from '../../lib/use-schedule';
import { useQuestionsDesk } from './questions-store';
import { currentSessionOfRoom } from '../rooms/room-scope';
import { useRoomQuestions } from '../rooms/room-questions';
import { useDeskRoom } from '../rooms/use-desk-room';

/**
 * The session the desk calls « current », in the room it drives (rooms/desk-room-store.ts): that
 * room's open Q&A's, else the first of that room running now.
 */
export function useCurrentSessionId(now: number): string | null {
  const room = useDeskRoom();
  const qaSession = useRegie((s) => (s.state ? qaOf(s.state, room).sessionId : null));
  const { programme, schedule, marks } = useSchedule();
  // The windows (time-zone arithmetic) once per programme change, not at every patch or second.
  const windows = useMemo(
    () =>
      programme
        ? sortedSessions(programme).map((s) => ({ id: s.id, room: roomOfSession(programme, s.id).id, ...sessionWindow(programme, s, schedule, marks) }))
        : [],
    [programme, schedule, marks],
  );
  return currentSessionOfRoom(qaSession, windows, room, now);
}

export interface Queue {
  view: QueueView<AudienceQuestion>;
  all: readonly AudienceQuestion[];
  /** The session the filter resolved to (null: all of them). */
  sessionId: string | null;
  currentSessionId: string | null;
  programme: Programme | null;
}

/**
 * The filtered, sorted queue: updated only when the questions or the filter change. Not deferred:
 * the keys act on the rows shown, and a tab or a filter shows its rows in the same frame.
 */
export function useQueue(currentSessionId: string | null): Queue {
  const programme = useRegie((s) => s.state?.programme ?? null);
  // The room the desk drives: its questions only (the main room's queue is the plenary's), the
  // same array while they are unchanged: another room's patch does not redraw this queue.
  const room = useDeskRoom();
  const all = useRoomQuestions(room);
  const filter = useQuestionsDesk((s) => s.filter);
  const session = useQuestionsDesk((s) => s.session);
  const sessionId = session.kind === 'all' ? null : session.kind === 'one' ? session.sessionId : currentSessionId;
  // Updated from the last queue by the questions that changed, not filtered and sorted anew.
  const [follow] = useState(liveQueueFollower<AudienceQuestion>);
  const view = useMemo(() => follow(all, { ...filter, sessionId }), [follow, all, filter, sessionId]);
  return { view, all, sessionId, currentSessionId, programme };
}
