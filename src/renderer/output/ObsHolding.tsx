import { formatClockFr } from '../../shared/domain/french-typography';
import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { useSchedule } from '../lib/use-schedule';
import { useShowClock } from '../lib/use-show-clock';
import { holdingContent } from './holding-content';
import { Typeset } from './Typeset';

/**
 * The holding scene for the stream encoder: a discreet lower third over the camera picture, with
 * the event and the session on now (or when the next one starts). Nothing without a programme.
 */
export function ObsHolding() {
  const programme = useRegie((s) => s.state?.programme ?? null);
  const now = useShowClock();
  const { schedule, marks } = useSchedule();
  if (!programme) return null;
  const content = holdingContent(programme, schedule, marks, now);
  const session = content.now[0];
  const event = programme.event.shortName ?? programme.event.name;
  let line: string | null = null;
  if (session) line = content.now.length > 1 ? content.now.map((s) => s.room ?? s.title).join(' · ') : session.title;
  else if (content.nextStartMs !== null && !content.nextOtherDay)
    line = tFr('output.resumesAt', { time: formatClockFr(content.nextStartMs, programme.event.timeZone) });
  return (
    <div className="lower-third lower-third-discreet" data-testid="obs-holding">
      <p className="lower-third-kicker">
        <Typeset text={event} />
      </p>
      {line && (
        <p className="lower-third-line" data-testid="obs-session">
          <Typeset text={line} />
        </p>
      )}
    </div>
  );
}
