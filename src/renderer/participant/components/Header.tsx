import { useLanguage, useT } from '../i18n';
import { logoUrl, useEventLook } from '../lib/event-look';
import { useParticipant } from '../lib/participant-store';
import { EventName } from './EventName';

/**
 * The bar at the top: the event (its logo and name in its colours, when the régie gave them;
 * « Pupitre » otherwise), the place chosen (with « Changer »), the language.
 */
export function Header({ onChange }: { onChange?: () => void }) {
  const t = useT();
  const branding = useEventLook((s) => s.branding);
  const logo = logoUrl(branding, window.location.href);
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  const eventCode = useParticipant((s) => s.eventCode);
  // Where the hub says the phone is, once it said so; before, what the phone chose.
  const origin = useParticipant((s) => s.place?.origin ?? s.origin);
  return (
    <header className="topbar" data-branded={branding ? true : undefined} data-testid="topbar">
      <div className="topbar-row">
        <span className="brand" data-testid="brand">
          {logo ? (
            <img className="brand-logo" src={logo} alt={branding?.logoAlt ?? ''} data-testid="brand-logo" />
          ) : (
            <span className="brand-name" data-testid="brand-name">
              {branding ? <EventName name={branding.name} /> : t('app.brand')}
            </span>
          )}
        </span>
        <button
          type="button"
          className="link-button lang-button"
          lang={language === 'fr' ? 'en' : 'fr'}
          aria-label={t('lang.switchLabel')}
          onClick={() => setLanguage(language === 'fr' ? 'en' : 'fr')}
          data-testid="language-switch"
        >
          {t('lang.switch')}
        </button>
      </div>
      {logo && branding && (
        // Under the logo, the whole width for the name: a phone never squeezes it into four lines.
        <p className="brand-name brand-name-row" data-testid="brand-name">
          <EventName name={branding.name} />
        </p>
      )}
      {eventCode && origin && onChange ? (
        <div className="topbar-row topbar-place">
          <span className="place" data-testid="place" data-origin={origin}>
            <span className="event-code">{t('header.event', { code: eventCode })}</span>
            <span aria-hidden="true"> · </span>
            <span>{t(origin === 'room' ? 'header.room' : 'header.remote')}</span>
          </span>
          <button type="button" className="link-button" aria-label={t('header.changeLabel')} onClick={onChange} data-testid="change-place">
            {t('header.change')}
          </button>
        </div>
      ) : null}
    </header>
  );
}
