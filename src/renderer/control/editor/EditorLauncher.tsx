import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useEditor } from './editor-store';

/** « Préparer la conduite »: opens the editor (preparation mode only, with a programme loaded). */
export function EditorLauncher() {
  const t = useT();
  const hasProgramme = useRegie((s) => (s.state?.programme ?? null) !== null);
  const open = useEditor((s) => s.open);
  const openEditor = useEditor((s) => s.openEditor);
  const closeEditor = useEditor((s) => s.closeEditor);
  if (!hasProgramme) return null;
  return (
    <button
      type="button"
      className={open ? 'btn ed-launcher ed-launcher-open' : 'btn ed-launcher'}
      aria-label={t('editor.launcher')}
      aria-expanded={open}
      id="editor-launcher"
      aria-controls="conduite-editor"
      onClick={open ? closeEditor : openEditor}
      title={t('editor.launcherHint')}
      data-testid="editor-open"
    >
      <span className="ed-launcher-full">{t('editor.launcher')}</span>
      <span className="ed-launcher-short" aria-hidden="true">
        {t('editor.launcherShort')}
      </span>
    </button>
  );
}
