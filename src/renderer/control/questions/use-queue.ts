import { mainQa } from '../../../shared/api/room-live';
import { useMemo, useState } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import type { QueueView } from '../../../shared/domain/question-queue';
import { liveQueueFollower } from '../../../shared/domain/question-queue-live';
import type { Programme } from '../../../shared/domain/programme';
import { sortedSessions } from '../../../shared/domain/programme-position';
import { sessionWindow } from '../../lib/desk-schedule';
import { useRegie } from '../../lib/regie-store';
import { useSchedule } from '../../lib/use-schedule';
import { useQuestionsDesk } from './questions-store';

const NO_QUESTIONS: AudienceQuestion[] = [];

/** The session the desk calls « current »: the open Q&A's, else the first one running now. */
export function useCurrentSessionId(now: number): string | null {
  // The main room's Q&A: the central desk's queue (the rooms overview opens the others).
  const qaSession = useRegie((s) => (s.state ? mainQa(s.state).sessionId : null));
  const { programme, schedule, marks } = useSchedule();
  // The windows (time-zone arithmetic) once per programme change, not at every patch or second.
  const windows = useMemo(
    () => (programme ? sortedSessions(programme).map((s) => ({ id: s.id, ...sessionWindow(programme, s, schedule, marks) })) : []),
    [programme, schedule, marks],
  );
  if (qaSession) return qaSession;
  return windows.find((w) => w.start <= now && now < w.end)?.id ?? null;
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
export function useQueue(now: number): Queue {
  const all = useRegie((s) => s.state?.audience.questions) ?? NO_QUESTIONS;
  const programme = useRegie((s) => s.state?.programme ?? null);
  const filter = useQuestionsDesk((s) => s.filter);
  const session = useQuestionsDesk((s) => s.session);
  const currentSessionId = useCurrentSessionId(now);
  const sessionId = session.kind === 'all' ? null : session.kind === 'one' ? session.sessionId : currentSessionId;
  // Updated from the last queue by the questions that changed, not filtered and sorted anew.
  const [follow] = useState(liveQueueFollower<AudienceQuestion>);
  const view = useMemo(() => follow(all, { ...filter, sessionId }), [follow, all, filter, sessionId]);
  return { view, all, sessionId, currentSessionId, programme };
}
