import { useEffect, useId, useRef } from 'react';
import type { Session } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';

/**
 * Back to « Préparation » while a session runs: the programme becomes editable for every seat in
 * the middle of the show. A modal question; Escape or « Annuler » keeps show mode.
 */
export function UnlockConfirm({
  session,
  pending,
  onConfirm,
  onCancel,
}: {
  session: Session;
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
    <dialog ref={ref} className="ed-confirm" aria-labelledby={titleId} onClose={onCancel} data-testid="unlock-confirm">
      <h2 id={titleId}>{t('mode.unlockTitle')}</h2>
      <p>{t('mode.unlockRunning', { title: session.title })}</p>
      <p className="muted">{t('mode.unlockDetail')}</p>
      <div className="dialog-actions ed-actions">
        <button type="button" className="btn btn-warn" onClick={onConfirm} disabled={pending} data-testid="unlock-confirm-yes">
          {t('mode.unlockConfirm')}
        </button>
        <button type="button" className="btn" autoFocus onClick={() => ref.current?.close()} data-testid="unlock-confirm-no">
          {t('mode.unlockCancel')}
        </button>
      </div>
    </dialog>
  );
}
