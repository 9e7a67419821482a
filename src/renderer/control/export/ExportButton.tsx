import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { PurgeDialog } from '../purge/PurgeDialog';
import { ExportDialog } from './ExportDialog';

/** « Exporter » in the top bar: opens the exports dialog, and from it, after the event, the RGPD purge. */
export function ExportButton() {
  const t = useT();
  const [open, setOpen] = useState<'export' | 'purge' | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setOpen('export')}
        data-testid="export-button"
        title={t('export.button.title')}
      >
        {t('export.button')}
      </button>
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} onPurge={() => setOpen('purge')} />}
      {open === 'purge' && <PurgeDialog onClose={() => setOpen(null)} />}
    </>
  );
}
