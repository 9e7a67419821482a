import type { Programme, Session } from '../../shared/domain/programme';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { formatRange } from '../../shared/domain/french-typography';
import { tFr } from '../lib/i18n';
import { Typeset } from './Typeset';

export type LineSize = 'large' | 'medium' | 'compact';

/**
 * One session on the holding screen. Large: title, subtitle, time and room, speakers. Medium:
 * title, time and room. Compact (parallel sessions): title and room, the time only if asked.
 */
export function SessionLine({
  programme,
  session,
  size,
  showRange = true,
}: {
  programme: Programme;
  session: Session;
  size: LineSize;
  showRange?: boolean;
}) {
  const tz = programme.event.timeZone;
  const range = formatRange(sessionStartMs(programme, session), sessionEndMs(programme, session), tz);
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
