import type { Programme, Session } from '../../shared/domain/programme';
import { tFr } from '../lib/i18n';
import { SessionLine } from './SessionLine';

/** Parallel sessions in two columns (rooms first in the eye), with « + N autres » past the limit. */
export function SessionList({
  programme,
  sessions,
  max,
  showRange,
}: {
  programme: Programme;
  sessions: Session[];
  max: number;
  showRange: boolean;
}) {
  const shown = sessions.length > max ? sessions.slice(0, max - 1) : sessions;
  const hidden = sessions.length - shown.length;
  return (
    <div className="session-list">
      {shown.map((s) => (
        <SessionLine key={s.id} programme={programme} session={s} size="compact" showRange={showRange} />
      ))}
      {hidden > 0 && <p className="block-more">{tFr('output.more', { count: hidden })}</p>}
    </div>
  );
}
