import { useT } from '../../lib/i18n';
import { run, undoLast } from './question-actions';
import { clearFeedback, useQuestionsDesk } from './questions-store';

/** The latest word under the queue: what was done (with « Annuler (u) »), or why the core or the desk refused. */
export function QuestionsFeedback() {
  const t = useT();
  const feedback = useQuestionsDesk((s) => s.feedback);
  if (!feedback) return null;
  return (
    <div
      className={`qfeedback qfeedback-${feedback.tone}`}
      role={feedback.tone === 'error' ? 'alert' : 'status'}
      data-testid="questions-feedback"
      data-tone={feedback.tone}
      data-question-id={feedback.questionId ?? ''}
    >
      <span className="qfeedback-text" dir="auto">
        {feedback.text}
      </span>
      {feedback.undoable && (
        <button type="button" className="btn btn-q" onClick={() => void run(undoLast)} aria-keyshortcuts="u" data-testid="questions-undo">
          {t('questions.undo')} <kbd>u</kbd>
        </button>
      )}
      <button type="button" className="btn-link qfeedback-close" onClick={clearFeedback} aria-label={t('questions.close')}>
        ×
      </button>
    </div>
  );
}
