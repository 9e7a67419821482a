import { type ClockSetting, clockNow } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { useRegie } from '../../lib/regie-store';

const LIVE: ClockSetting = { mode: 'live' };

/** When the link drops, the desk says so plainly (the projector, for its part, stays calm). */
export function OfflineBanner({ timeZone }: { timeZone: string }) {
  const t = useT();
  const connection = useRegie((s) => s.connection);
  const since = useRegie((s) => s.since);
  const offset = useRegie((s) => s.serverOffsetMs);
  const clock = useRegie((s) => s.state?.clock ?? LIVE);
  if (connection === 'refused') {
    return (
      <div className="offline-banner offline-banner-refused" role="alert" data-testid="offline-banner">
        {t('token.refused.title')} — {t('token.refused.detail')}
      </div>
    );
  }
  if (connection !== 'offline') return null;
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      {t('connection.offlineBanner', { time: deskTime(clockNow(clock, since + offset), timeZone) })}
    </div>
  );
}
