import type { Programme, Session } from '../../shared/domain/programme';
import { formatRange } from '../../shared/domain/french-typography';
import type { SessionWindow } from '../lib/desk-schedule';
import { tFr } from '../lib/i18n';
import { Typeset } from './Typeset';

export type LineSize = 'large' | 'medium' | 'compact';

/**
 * One session on the holding screen. Large: title, subtitle, time and room, speakers. Medium:
 * title, time and room. Compact (parallel sessions): title and room, the time only if asked.
 * The time is when the session really runs (`times`: expected or actual), not the plan.
 */
export function SessionLine({
  programme,
  session,
  times,
  size,
  showRange = true,
}: {
  programme: Programme;
  session: Session;
  times: SessionWindow;
  size: LineSize;
  showRange?: boolean;
}) {
  const tz = programme.event.timeZone;
  const range = formatRange(times.start, times.end, tz);
  const speakers = session.speakers?.map((s) => s.name) ?? [];
  const shownSpeakers = speakers.length > 3 ? [...speakers.slice(0, 3), '…'] : speakers;
  return (
    <div className={`session-line session-line-${size}`} data-session-id={session.id}>
      <p className="session-title">
        <Typeset text={session.title} />
      </p>
      {size === 'large' && session.subtitle && (
        <p className="session-subtitle">
          <Typeset text={session.subtitle} />
        </p>
      )}
      <p className="session-meta">
        {showRange && <span className="session-range">{range}</span>}
        {session.room && (
          <span className="session-room">
            <Typeset text={session.room} />
          </span>
        )}
      </p>
      {size === 'large' && shownSpeakers.length > 0 && (
        <p className="session-speakers">
          <Typeset text={tFr('output.with', { names: shownSpeakers.join(', ') })} />
        </p>
      )}
    </div>
  );
}
