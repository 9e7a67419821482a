import { deskModes, useDeskMode } from '../lib/desk-mode';
import { useT } from '../lib/i18n';

/** « Préparation / Spectacle »: show mode locks the programme import and the cue reset. */
export function ModeSwitch() {
  const t = useT();
  const mode = useDeskMode((s) => s.mode);
  const setMode = useDeskMode((s) => s.setMode);
  return (
    <div
      className={`segmented mode-switch mode-switch-${mode}`}
      role="group"
      aria-label={t('mode.label')}
      title={mode === 'show' ? t('mode.showHint') : t('mode.preparationHint')}
      data-testid="mode-switch"
      data-mode={mode}
    >
      {deskModes.map((m) => (
        <button key={m} type="button" className="segmented-btn" aria-pressed={mode === m} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
          {m === 'show' ? t('mode.show') : t('mode.preparation')}
        </button>
      ))}
    </div>
  );
}
