import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../lib/i18n';

/** The small help of the keyboard shortcuts (`?`). A modal dialog: Escape closes it. */
export function ShortcutsHelp({ open, onClose, extra }: { open: boolean; onClose: () => void; extra?: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const rows: [string[], string][] = [
    [[t('key.space')], t('shortcuts.go')],
    [['h'], t('shortcuts.hold')],
    [['↓', ']'], t('shortcuts.next')],
    [['↑', '['], t('shortcuts.previous')],
    [['/', 'n'], t('shortcuts.note')],
    [['p'], t('shortcuts.audience')],
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
      <dl className="shortcut-list">
        {rows.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="muted"> {t('shortcuts.or')} </span>}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      {extra}
      <div className="dialog-actions">
        <button type="button" className="btn" autoFocus onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
