import { useLanguage, useT } from '../i18n';
import { useParticipant } from '../lib/participant-store';

/** The bar at the top: the event, the place chosen (with « Changer »), the language. */
export function Header({ onChange }: { onChange?: () => void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  const eventCode = useParticipant((s) => s.eventCode);
  const origin = useParticipant((s) => s.origin);
  return (
    <header className="topbar">
      <div className="topbar-row">
        <span className="brand">{t('app.brand')}</span>
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
