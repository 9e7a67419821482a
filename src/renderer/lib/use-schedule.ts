import { useMemo } from 'react';
import { applyDelays, type Schedule } from '../../shared/domain/delays';
import type { Programme } from '../../shared/domain/programme';
import type { SessionMarks } from './desk-schedule';
import { useRegie } from './regie-store';

export interface ExpectedSchedule {
  programme: Programme | null;
  /** Planned and expected times of every session (delays applied). */
  schedule: Schedule;
  /** Actual starts and ends marked by the operator. */
  marks: SessionMarks;
}

const NO_SCHEDULE: Schedule = {};
const NO_MARKS: SessionMarks = {};

/**
 * The expected times, derived from the mirrored state the same way for every view (the desk's
 * programme strip and timeline, the projector's holding screen): they can never disagree.
 */
export function useSchedule(): ExpectedSchedule {
  const programme = useRegie((s) => s.state?.programme ?? null);
  const delays = useRegie((s) => s.state?.delays);
  const marks = useRegie((s) => s.state?.sessionMarks) ?? NO_MARKS;
  const schedule = useMemo(() => (programme ? applyDelays(programme, delays ?? []) : NO_SCHEDULE), [programme, delays]);
  return { programme, schedule, marks };
}
