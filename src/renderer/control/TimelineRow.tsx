import type { Programme, Session } from '../../shared/domain/programme';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { useT } from '../lib/i18n';
import { deskTime } from '../lib/desk-time';
import { audienceKey } from '../lib/programme-view';
import { KindBadge } from './KindBadge';

export type RowStatus = 'past' | 'current' | 'next' | 'later';

/** One session of the rundown: times, kind, title, room, audience; its status in words and colour. */
export function TimelineRow({
  programme,
  session,
  status,
  now,
}: {
  programme: Programme;
  session: Session;
  status: RowStatus;
  now: number;
}) {
  const t = useT();
  const tz = programme.event.timeZone;
  const start = sessionStartMs(programme, session);
  const end = sessionEndMs(programme, session);
  const progress = status === 'current' ? Math.min(1, Math.max(0, (now - start) / (end - start))) : null;
  return (
    <li
      className={`tl-row tl-${status} tl-kind-${session.kind}`}
      data-testid="timeline-row"
      data-session-id={session.id}
      data-status={status}
      aria-current={status === 'current' ? 'time' : undefined}
    >
      <div className="tl-times">
        <span className="tl-start">{deskTime(start, tz)}</span>
        <span className="tl-end">{deskTime(end, tz)}</span>
      </div>
      <div className="tl-main">
        <div className="tl-title-line">
          {status === 'current' && <span className="tl-tag tl-tag-current">{t('timeline.nowTag')}</span>}
          {status === 'next' && <span className="tl-tag tl-tag-next">{t('timeline.nextTag')}</span>}
          <span className="tl-title" title={session.title}>
            {session.title}
          </span>
        </div>
        <div className="tl-meta">
          <KindBadge kind={session.kind} />
          {session.room && <span className="tl-room">{session.room}</span>}
          <span className="tl-audience">{t(audienceKey(session))}</span>
          {status === 'past' && <span className="visually-hidden">{t('timeline.pastTag')}</span>}
        </div>
        {progress !== null && (
          <div className="tl-progress" aria-hidden="true">
            <span style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        )}
      </div>
    </li>
  );
}
