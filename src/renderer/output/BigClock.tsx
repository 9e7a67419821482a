import { NBSP } from '../../shared/domain/french-typography';
import { epochToWall } from '../../shared/domain/zoned-time';

/** The show clock, « 9 h 12 », in the event's time zone. */
export function BigClock({ now, timeZone, dayText }: { now: number; timeZone: string; dayText?: string | undefined }) {
  const { time } = epochToWall(now, timeZone);
  const [hh = '0', mm = '00'] = time.split(':');
  return (
    <div className="big-clock">
      <time className="big-clock-time" dateTime={new Date(now).toISOString()} data-testid="clock">
        {Number(hh)}
        <span className="big-clock-h">{`${NBSP}h${NBSP}`}</span>
        {mm}
      </time>
      {dayText && <div className="big-clock-day">{dayText}</div>}
    </div>
  );
}
