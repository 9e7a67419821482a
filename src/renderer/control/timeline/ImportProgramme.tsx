import { useState } from 'react';
import type { Session } from '../../../shared/domain/programme';
import { useDeskMode } from '../../lib/desk-mode';
import { useT } from '../../lib/i18n';
import { ImportProgrammeDialog } from './ImportProgrammeDialog';

/** « Importer un programme… »: only in preparation mode (locked during the show). */
export function ImportProgramme({ running }: { running: Session | null }) {
  const t = useT();
  const mode = useDeskMode((s) => s.mode);
  const [open, setOpen] = useState(false);
  if (mode !== 'preparation') return null;
  return (
    <>
      <button type="button" className="btn pp-import" onClick={() => setOpen(true)} data-testid="import-button">
        {t('import.button')}
      </button>
      {open && <ImportProgrammeDialog running={running} onClose={() => setOpen(false)} />}
    </>
  );
}
