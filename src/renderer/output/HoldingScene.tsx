import { useRegie } from '../lib/regie-store';
import { useSchedule } from '../lib/use-schedule';
import { useShowClock } from '../lib/use-show-clock';
import { HoldingScreen } from './HoldingScreen';
import { IdleScreen } from './IdleScreen';

/** The holding scene on the projector: the event's holding screen, or Pupitre's when no programme is loaded. */
export function HoldingScene() {
  const programme = useRegie((s) => s.state?.programme ?? null);
  const now = useShowClock();
  const { schedule, marks } = useSchedule();
  if (!programme) return <IdleScreen now={now} />;
  return <HoldingScreen programme={programme} schedule={schedule} marks={marks} now={now} />;
}
