import { languages, useLanguage, useT } from '../../lib/i18n';

/** FR / EN: the desk's language, remembered by this browser. */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  return (
    <div className="segmented" role="group" aria-label={t('topbar.language')}>
      {languages.map((l) => (
        <button key={l} type="button" className="segmented-btn" aria-pressed={language === l} lang={l} onClick={() => setLanguage(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
