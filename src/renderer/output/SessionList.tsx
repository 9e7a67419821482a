import type { Programme, Session } from '../../shared/domain/programme';
import type { SessionWindow } from '../lib/desk-schedule';
import { tFr } from '../lib/i18n';
import { SessionLine } from './SessionLine';

/** Parallel sessions in two columns (rooms first in the eye), with « + N autres » past the limit. */
export function SessionList({
  programme,
  sessions,
  windows,
  max,
  showRange,
}: {
  programme: Programme;
  sessions: Session[];
  windows: Record<string, SessionWindow>;
  max: number;
  showRange: boolean;
}) {
  const shown = sessions.length > max ? sessions.slice(0, max - 1) : sessions;
  const hidden = sessions.length - shown.length;
  return (
    <div className="session-list">
      {shown.map((s) => {
        const times = windows[s.id];
        return times && <SessionLine key={s.id} programme={programme} session={s} times={times} size="compact" showRange={showRange} />;
      })}
      {hidden > 0 && <p className="block-more">{tFr('output.more', { count: hidden })}</p>}
    </div>
  );
}
