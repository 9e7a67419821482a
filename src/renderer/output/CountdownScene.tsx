import { formatClockFr } from '../../shared/domain/french-typography';
import { formatCountdown } from '../lib/countdown';
import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { useShowClock } from '../lib/use-show-clock';
import { sceneWords } from '../../shared/domain/scene-words';
import { Typeset } from './Typeset';

/** « Reprise à 14 h 00 », its caption, and the minutes left on the show clock; at zero, « Reprise imminente ». */
export function CountdownScene({ until, caption }: { until: number; caption: string | null }) {
  const timeZone = useRegie((s) => s.state?.programme?.event.timeZone) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = useShowClock();
  const left = until - now;
  return (
    <main className="scene scene-countdown" data-testid="scene-countdown">
      {caption && (
        <p className="countdown-caption" data-testid="countdown-caption">
          <Typeset text={caption} />
        </p>
      )}
      <h1 className="countdown-title" data-testid="countdown-title">
        {tFr('output.resumesAt', { time: formatClockFr(until, timeZone) })}
      </h1>
      {left > 0 ? (
        <p className="countdown-clock" data-testid="countdown-clock">
          {formatCountdown(left)}
        </p>
      ) : (
        <p className="countdown-imminent" data-testid="countdown-clock">
          {sceneWords.resumesImminent}
        </p>
      )}
    </main>
  );
}
