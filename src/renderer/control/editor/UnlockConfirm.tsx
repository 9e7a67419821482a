import type { Session } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { ConfirmDialog } from '../shell/ConfirmDialog';

/**
 * Back to « Préparation » while a session runs: the programme becomes editable for every seat in
 * the middle of the show; « Annuler » keeps show mode.
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
  return (
    <ConfirmDialog
      title={t('mode.unlockTitle')}
      confirmLabel={t('mode.unlockConfirm')}
      cancelLabel={t('mode.unlockCancel')}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="unlock-confirm"
    >
      <p>{t('mode.unlockRunning', { title: session.title })}</p>
      <p className="muted">{t('mode.unlockDetail')}</p>
    </ConfirmDialog>
  );
}
