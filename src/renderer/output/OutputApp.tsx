import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { useSchedule } from '../lib/use-schedule';
import { useShowClock } from '../lib/use-show-clock';
import { HoldingScreen } from './HoldingScreen';
import { IdleScreen } from './IdleScreen';
import { LinkDot } from './LinkDot';
import { Stage } from './Stage';

/** The projector / stream output: the holding screen of the event, on a 1920×1080 stage. */
export function OutputApp() {
  const state = useRegie((s) => s.state);
  const connection = useRegie((s) => s.connection);
  const now = useShowClock();
  const { schedule, marks } = useSchedule();

  let picture;
  if (state?.programme) {
    picture = <HoldingScreen programme={state.programme} schedule={schedule} marks={marks} now={now} />;
  } else if (state) {
    picture = <IdleScreen now={now} />;
  } else {
    // No snapshot yet: the neutral screen. A refused token is a set-up mistake: say so, quietly.
    picture = <IdleScreen now={null} note={connection === 'refused' ? tFr('token.refused.title') : undefined} />;
  }
  return (
    <Stage>
      {picture}
      <LinkDot connection={connection} />
    </Stage>
  );
}
