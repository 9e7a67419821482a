import { type ClockSetting, clockNow } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { useRegie } from '../../lib/regie-store';
import { standbyBanner } from '../../lib/standby-words';
import { TakeOverButton } from './TakeOverButton';

const LIVE: ClockSetting = { mode: 'live' };

/** Over the whole desk of a régie that takes no command: a standby following its primary, or a régie another took over from. */
export function StandbyBanner({ timeZone }: { timeZone: string }) {
  const t = useT();
  const standby = useRegie((s) => s.status?.standby);
  const offset = useRegie((s) => s.serverOffsetMs);
  const clock = useRegie((s) => s.state?.clock ?? LIVE);
  const banner = standby ? standbyBanner(standby, t, (at) => deskTime(clockNow(clock, at + offset), timeZone)) : null;
  if (!banner || !standby) return null;
  return (
    <div
      className={`standby-banner standby-${banner.tone}`}
      role="alert"
      data-testid="standby-banner"
      data-role={standby.role}
      data-state={standby.state}
    >
      <span className="standby-banner-text">{banner.text}</span>
      <span className="standby-banner-hint">{t('standby.readOnly')}</span>
      {standby.role === 'follower' && <TakeOverButton />}
    </div>
  );
}
