import { useState } from 'react';
import { useT } from '../../lib/i18n';

/** « Supprimer », then « Confirmer la suppression » / « Annuler »: nothing goes on one press. */
export function DeleteButton({ label, onDelete, testId }: { label: string; onDelete: () => Promise<unknown>; testId: string }) {
  const t = useT();
  const [armed, setArmed] = useState(false);
  const [pending, setPending] = useState(false);
  if (!armed) {
    return (
      <button
        type="button"
        className="btn btn-small btn-ghost ed-delete"
        aria-label={label}
        onClick={() => setArmed(true)}
        data-testid={testId}
      >
        {t('editor.delete')}
      </button>
    );
  }
  const confirm = async () => {
    setPending(true);
    await onDelete();
    setPending(false);
    setArmed(false);
  };
  return (
    <span className="ed-delete-confirm">
      <button
        type="button"
        className="btn btn-small btn-warn"
        autoFocus
        disabled={pending}
        onClick={() => void confirm()}
        data-testid={`${testId}-confirm`}
      >
        {t('editor.deleteConfirm')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setArmed(false)}>
        {t('editor.cancel')}
      </button>
    </span>
  );
}
