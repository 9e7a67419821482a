import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { ExportDialog } from './ExportDialog';

/** « Exporter » in the top bar: opens the exports dialog. */
export function ExportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setOpen(true)}
        data-testid="export-button"
        title={t('export.button.title')}
      >
        {t('export.button')}
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
