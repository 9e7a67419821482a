import { useT, useLanguage } from '../../lib/i18n';
import { deskDate, deskTime } from '../../lib/desk-time';
import { useRegie } from '../../lib/regie-store';

/** The core's clock (the show time), with an unmissable badge when it is a rehearsal clock. */
export function CoreClock({ now, timeZone }: { now: number; timeZone: string }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const rehearsal = useRegie((s) => s.state?.clock.mode === 'rehearsal');
  return (
    <div className={rehearsal ? 'core-clock core-clock-rehearsal' : 'core-clock'} role="group" aria-label={t('clock.label')}>
      <time className="core-clock-time" dateTime={new Date(now).toISOString()} data-testid="clock">
        {deskTime(now, timeZone, true)}
      </time>
      <span className="core-clock-date">{deskDate(now, timeZone, language === 'fr' ? 'fr-FR' : 'en-GB')}</span>
      {rehearsal ? (
        <span className="rehearsal-badge" data-testid="rehearsal-badge" title={t('clock.rehearsalHint')}>
          {t('clock.rehearsal')}
        </span>
      ) : (
        <span className="live-badge">{t('clock.live')}</span>
      )}
    </div>
  );
}
