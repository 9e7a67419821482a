import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../../lib/i18n';
import { ShortcutList, type Shortcut } from './ShortcutList';

/**
 * The small help of the keyboard shortcuts (`?`). A modal dialog: Escape closes it. `centralDesk`
 * false: a room moderator's desk, without the run of show, the logbook and the « Public » panel.
 */
export function ShortcutsHelp({ open, onClose, extra, centralDesk = true }: { open: boolean; onClose: () => void; extra?: ReactNode; centralDesk?: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const central: Shortcut[] = [
    [[t('key.space')], t('shortcuts.go')],
    [['h'], t('shortcuts.hold')],
    [['↓', ']'], t('shortcuts.next')],
    [['↑', '['], t('shortcuts.previous')],
    [['u', t('key.ctrlZ')], t('shortcuts.undoGo')],
    [['/', 'n'], t('shortcuts.note')],
    [['p'], t('shortcuts.audience')],
  ];
  const rows: Shortcut[] = [
    ...(centralDesk ? central : []),
    [[t('key.enter')], t('shortcuts.take')],
    [[t('key.escape')], t('shortcuts.panic')],
    [[t('key.shiftEscape')], t('shortcuts.restore')],
    [[t('key.enter')], t('shortcuts.enter')],
    [['?'], t('shortcuts.help')],
    [[t('key.escape')], t('shortcuts.escape')],
  ];
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-help">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <ShortcutList rows={rows} />
      <p className="shortcuts-rules" data-testid="shortcuts-rules">
        {t('shortcuts.rules')}
      </p>
      {extra}
      <div className="dialog-actions">
        <button type="button" className="btn" autoFocus onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
