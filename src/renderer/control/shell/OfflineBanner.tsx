import { type ClockSetting, clockNow } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { useRegie } from '../../lib/regie-store';

const LIVE: ClockSetting = { mode: 'live' };

/** When the link drops, the desk says so plainly (the projector, for its part, stays calm). */
export function OfflineBanner({ timeZone }: { timeZone: string }) {
  const t = useT();
  const connection = useRegie((s) => s.connection);
  // The time as written (a string): the server offset, refined at every patch, redraws nothing until the minute moves.
  const sinceWords = useRegie((s) => deskTime(clockNow(s.state?.clock ?? LIVE, s.since + s.serverOffsetMs), timeZone));
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
      {t('connection.offlineBanner', { time: sinceWords })}
    </div>
  );
}
