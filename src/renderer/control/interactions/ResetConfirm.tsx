import { useEffect, useId, useRef } from 'react';
import { useT } from '../../lib/i18n';

/**
 * « Réinitialiser le sondage ? »: the counts go back to zero. A modal question; Escape or
 * « Annuler » (which has the focus) keeps the votes.
 */
export function ResetConfirm({
  text,
  voters,
  pending,
  onConfirm,
  onCancel,
}: {
  text: string;
  voters: number;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="ed-confirm ix-confirm" aria-labelledby={titleId} onClose={onCancel} data-testid="ix-reset-confirm">
      <h2 id={titleId}>{t('ix.resetTitle')}</h2>
      <p>{t('ix.resetText', { text, n: voters })}</p>
      <p className="muted">{t('ix.resetDetail')}</p>
      <div className="dialog-actions ed-actions">
        <button type="button" className="btn btn-warn" onClick={onConfirm} disabled={pending} data-testid="ix-reset-yes">
          {t('ix.resetConfirm')}
        </button>
        <button type="button" className="btn" autoFocus onClick={() => ref.current?.close()} data-testid="ix-reset-no">
          {t('ix.cancel')}
        </button>
      </div>
    </dialog>
  );
}
