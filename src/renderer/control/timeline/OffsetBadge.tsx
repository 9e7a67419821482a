import { useT } from '../../lib/i18n';
import { offsetWords } from '../../lib/offset-words';

/** A clearly signed offset from the programme: « +12 min » (late, amber), « −5 min » (early, teal). Nothing when on time. */
export function OffsetBadge({
  minutes,
  title,
  entered = false,
  testId = 'offset-badge',
}: {
  minutes: number;
  title?: string;
  /** The delay was entered on this very session (solid), not carried from before (outlined). */
  entered?: boolean;
  testId?: string;
}) {
  const t = useT();
  if (Math.round(minutes) === 0) return null;
  const direction = minutes > 0 ? 'late' : 'early';
  return (
    <span
      className={`offset-badge offset-${direction}${entered ? ' offset-entered' : ''}`}
      title={title}
      data-testid={testId}
      data-minutes={Math.round(minutes)}
    >
      {offsetWords(minutes, t)}
    </span>
  );
}
