import { epochToWall } from '../../shared/domain/zoned-time';
import { NBSP } from '../../shared/domain/french-typography';
import { tFr } from '../lib/i18n';

/**
 * The event-agnostic holding screen: « Pupitre » and, once the core's clock is known, the time.
 * Shown before the first snapshot and when no programme is loaded: never an error, never a void.
 */
export function IdleScreen({ now, note }: { now: number | null; note?: string | undefined }) {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const time = now === null ? null : epochToWall(now, tz).time.split(':');
  return (
    <main className="idle" data-testid="idle-screen">
      <div className="idle-mark" aria-hidden="true" />
      <h1 className="idle-name">{tFr('app.name')}</h1>
      {time && (
        <p className="idle-clock" data-testid="clock">
          {Number(time[0])}
          {`${NBSP}h${NBSP}`}
          {time[1]}
        </p>
      )}
      {note && <p className="idle-note">{note}</p>}
    </main>
  );
}
