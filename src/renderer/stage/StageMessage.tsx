import { frenchTypography } from '../../shared/domain/french-typography';
import { displayText } from '../../shared/domain/question-display';
import { tFr } from '../lib/i18n';

/** The régie's message to the facilitator (« Plus que 5 minutes »): the first thing the eye meets. */
export function StageMessage({ text }: { text: string }) {
  return (
    <section className="stage-message" role="status" aria-live="assertive" data-testid="stage-message">
      <p className="stage-message-label">{tFr('stage.messageLabel')}</p>
      <p className="stage-message-text" dir="auto">
        {frenchTypography(displayText(text))}
      </p>
    </section>
  );
}
