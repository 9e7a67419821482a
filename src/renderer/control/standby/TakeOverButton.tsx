import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { tokenFromLocation } from '../../lib/url-token';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { requestTakeOver } from './take-over-request';

/**
 * « Prendre la main » on a standby: a person decides the primary is gone, never the software.
 * Confirmed first (the cancel button has the focus); the core's refusal is shown as it is.
 */
export function TakeOverButton() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await requestTakeOver(tokenFromLocation() ?? '');
      setAsking(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button type="button" className="btn standby-take-over" data-testid="take-over" onClick={() => setAsking(true)}>
        {t('standby.takeOver')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('standby.takeOverTitle')}
          confirmLabel={t('standby.takeOverConfirm')}
          cancelLabel={t('standby.takeOverCancel')}
          pending={pending}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
          testId="take-over-confirm"
        >
          <p>{t('standby.takeOverWhat')}</p>
          {error && (
            <p className="export-failed" role="alert" data-testid="take-over-error">
              {error}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
