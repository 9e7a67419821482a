import { useT } from '../../lib/i18n';
import { ConfirmDialog } from '../shell/ConfirmDialog';

/** « Réinitialiser le sondage ? »: the counts go back to zero; « Annuler » keeps the votes. */
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
  return (
    <ConfirmDialog
      title={t('ix.resetTitle')}
      confirmLabel={t('ix.resetConfirm')}
      cancelLabel={t('ix.cancel')}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
      className="ix-confirm"
      testId="ix-reset-confirm"
    >
      <p>{t('ix.resetText', { text, n: voters })}</p>
      <p className="muted">{t('ix.resetDetail')}</p>
    </ConfirmDialog>
  );
}
