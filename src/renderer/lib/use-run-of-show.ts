import { useMemo } from 'react';
import { cueList } from '../../shared/domain/cue-list';
import type { Schedule } from '../../shared/domain/delays';
import type { Programme } from '../../shared/domain/programme';
import { useRegie } from './regie-store';
import { type CueView, cueViews } from './run-of-show-view';
import { useSchedule } from './use-schedule';

export interface RunOfShow {
  programme: Programme | null;
  /** Planned and expected times of every session (delays applied). */
  schedule: Schedule;
  /** Every cue of every room with its times, status and room, in the order they are expected. */
  cues: CueView[];
}

/** The schedule and the cue list, derived from the mirrored state the same way the core derives them. */
export function useRunOfShow(): RunOfShow {
  const { programme, schedule } = useSchedule();
  const engine = useRegie((s) => s.state?.cues);
  const list = useMemo(() => (programme ? cueList(programme, schedule) : []), [programme, schedule]);
  const cues = useMemo(() => (engine && programme ? cueViews(list, engine, programme) : []), [list, engine, programme]);
  return { programme, schedule, cues };
}
