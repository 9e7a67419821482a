import { mainQa } from '../../shared/api/room-live';
import { formatClockFr } from '../../shared/domain/french-typography';
import { formatOffset } from '../../shared/domain/delays';
import { formatCountdown } from '../lib/countdown';
import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { useSchedule } from '../lib/use-schedule';
import { stageSession } from './stage-view';

/** The session now, the time left on the show clock (delays applied), how late it runs, and the time. */
export function StageClock({ now }: { now: number }) {
  const { programme, schedule, marks } = useSchedule();
  // The main room's stage (docs/rooms.md § 3: a room's stage seat reads its room's).
  const qaSessionId = useRegie((s) => (s.state ? mainQa(s.state).sessionId : null));
  if (!programme) return <header className="stage-clock" data-testid="stage-clock" />;
  const tz = programme.event.timeZone;
  const s = stageSession(programme, schedule, marks, qaSessionId, now);
  const over = s !== null && s.state === 'running' && s.left <= 0;
  return (
    <header className="stage-clock" data-testid="stage-clock">
      <div className="stage-session">
        {s ? (
          <>
            <p className="stage-session-tag">{tFr(s.state === 'running' ? 'stage.now' : 'stage.next')}</p>
            <p className="stage-session-title" data-testid="stage-session-title">
              {s.session.title}
            </p>
            <p className="stage-session-times">
              {tFr('stage.until', { start: formatClockFr(s.start, tz), end: formatClockFr(s.end, tz) })}
              {s.delay !== 0 && (
                <span className="stage-delay" data-testid="stage-delay">
                  {formatOffset(s.delay)}
                </span>
              )}
            </p>
          </>
        ) : (
          <p className="stage-session-title">{tFr('stage.noSession')}</p>
        )}
      </div>
      <div className={`stage-left${over ? ' stage-left-over' : ''}`} data-testid="stage-left">
        {s && (
          <>
            <p className="stage-left-label">{tFr(s.state === 'next' ? 'stage.startsIn' : over ? 'stage.overBy' : 'stage.left')}</p>
            <p className="stage-left-value">{formatCountdown(s.left)}</p>
          </>
        )}
        <p className="stage-time" data-testid="stage-time">
          {formatClockFr(now, tz)}
        </p>
      </div>
    </header>
  );
}
