import { useRef } from 'react';
import type { SessionTiming } from '../../../shared/domain/delays';
import type { Programme, Session } from '../../../shared/domain/programme';
import { deskTime } from '../../lib/desk-time';
import type { SessionWindow } from '../../lib/desk-schedule';
import { useT } from '../../lib/i18n';
import { audienceKey } from '../../lib/programme-view';
import type { CueView } from '../../lib/run-of-show-view';
import { CueMarkers } from './CueMarkers';
import { KindBadge } from './KindBadge';
import { OffsetBadge } from './OffsetBadge';
import { SessionActions } from './SessionActions';
import { SessionTimes } from './SessionTimes';

export type RowStatus = 'past' | 'current' | 'next' | 'later';

/**
 * One session of the rundown: planned and expected times, the signed offset, the delay a break
 * absorbs, actual start and end, kind, title, room, audience, its cues; and its actions.
 */
export function TimelineRow({
  programme,
  session,
  status,
  now,
  timing,
  window,
  mark,
  cues,
  hasEntry,
  actionsOpen,
  onToggleActions,
}: {
  programme: Programme;
  session: Session;
  status: RowStatus;
  now: number;
  timing: SessionTiming | undefined;
  window: SessionWindow;
  mark: { startedAt: number | null; endedAt: number | null } | undefined;
  cues: CueView[];
  hasEntry: boolean;
  actionsOpen: boolean;
  onToggleActions: () => void;
}) {
  const t = useT();
  const tz = programme.event.timeZone;
  const delayButton = useRef<HTMLButtonElement>(null);
  const closeActions = () => {
    onToggleActions();
    delayButton.current?.focus();
  };
  const progress = status === 'current' ? Math.min(1, Math.max(0, (now - window.start) / (window.end - window.start))) : null;
  return (
    <li
      className={`tl-row tl-${status} tl-kind-${session.kind}${actionsOpen ? ' tl-open' : ''}`}
      data-testid="timeline-row"
      data-session-id={session.id}
      data-status={status}
      aria-current={status === 'current' ? 'time' : undefined}
    >
      <div className="tl-gutter">
        {timing ? (
          <SessionTimes timing={timing} timeZone={tz} />
        ) : (
          <div className="tl-times">
            <span className="tl-start">{deskTime(window.start, tz)}</span>
            <span className="tl-end">{deskTime(window.end, tz)}</span>
          </div>
        )}
        <button
          ref={delayButton}
          type="button"
          className="btn btn-small btn-ghost tl-delay-btn"
          aria-expanded={actionsOpen}
          aria-label={t('timeline.delayButtonLabel', { title: session.title })}
          onClick={onToggleActions}
          data-testid="delay-button"
        >
          {t('timeline.delayButton')}
        </button>
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
          {timing && (
            <OffsetBadge
              minutes={timing.startDelay}
              entered={timing.cause === 'entry'}
              title={timing.cause === 'entry' ? t('timeline.offsetEntry') : t('timeline.offsetCarried')}
            />
          )}
          {timing && timing.absorbed > 0 && (
            <span className="absorbed-badge" data-testid="absorbed-badge">
              {t('timeline.absorbs', { minutes: timing.absorbed })}
            </span>
          )}
          {session.room && <span className="tl-room">{session.room}</span>}
          <span className="tl-audience">{t(audienceKey(session))}</span>
          {status === 'past' && <span className="visually-hidden">{t('timeline.pastTag')}</span>}
        </div>
        {mark && (mark.startedAt !== null || mark.endedAt !== null) && (
          <div className="tl-actual">
            {mark.startedAt !== null && (
              <span data-testid="actual-start">{t('timeline.actualStart', { time: deskTime(mark.startedAt, tz) })}</span>
            )}
            {mark.endedAt !== null && <span data-testid="actual-end">{t('timeline.actualEnd', { time: deskTime(mark.endedAt, tz) })}</span>}
          </div>
        )}
        <CueMarkers cues={cues} programme={programme} />
        {progress !== null && (
          <div className="tl-progress" aria-hidden="true">
            <span style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        )}
      </div>
      {actionsOpen && <SessionActions session={session} timing={timing} hasEntry={hasEntry} onClose={closeActions} />}
    </li>
  );
}
