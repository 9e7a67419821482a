import { hubErrorText, type MessageKey, useLanguage, useT } from '../i18n';
import type { Status } from '../lib/selectors';

interface Props {
  status: Status;
  sending: MessageKey;
  queued: MessageKey;
  saved: string;
  testId: string;
  /** Says an error in the card's own words (the question's text kept for copying). */
  errorText?: (reason: string) => string;
}

/**
 * The answer to the card's last message, read by screen readers: progress and success in a polite
 * live region, a refusal in an alert. Both regions stay in the page (empty) so that a change is heard.
 */
export function StatusLine({ status, sending, queued, saved, testId, errorText }: Props) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  let polite = '';
  let tone = '';
  if (status?.kind === 'sending') {
    polite = t(sending);
    tone = 'pending';
  } else if (status?.kind === 'queued') {
    polite = t(queued);
    tone = 'queued';
  } else if (status?.kind === 'saved') {
    polite = saved;
    tone = 'ok';
  }
  const error = status?.kind === 'error' ? hubErrorText(language, status.feedback.error) : '';
  return (
    <div className="status-line">
      <p role="status" className={`status status-${tone || 'none'}`} data-testid={testId} data-state={status?.kind ?? 'none'}>
        {polite ? (
          <>
            <span className="status-icon" aria-hidden="true">
              {tone === 'ok' ? '✓' : tone === 'queued' ? '⏳' : '…'}
            </span>
            {polite}
          </>
        ) : null}
      </p>
      <p role="alert" className={error ? 'status status-error' : 'status status-none'} data-testid={`${testId}-error`}>
        {error ? (errorText ? errorText(error) : t('error.generic', { reason: error })) : null}
      </p>
    </div>
  );
}
