import { questionText } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { programOf } from '../../../shared/api/room-bus';
import { useDeskRoom } from '../rooms/use-desk-room';
import { excerpt, run, undoLast } from './question-actions';
import { clearFeedback, type Feedback, useQuestionsDesk } from './questions-store';

/**
 * Where a question sent to the preview is now, from the core's program bus (never a guess): still
 * in preview, on air after a TAKE, or gone from the preview. null: the feedback says it as it is.
 */
function usePreviewTruth(feedback: Feedback | null): string | null {
  const t = useT();
  const id = feedback?.preview ? feedback.questionId : null;
  const room = useDeskRoom();
  const where = useRegie((s) => {
    const p = s.state ? programOf(s.state, room) : null;
    if (!id || !p) return null;
    if (p.preview?.kind === 'question' && p.preview.questionId === id) return 'preview';
    return p.onAir.kind === 'question' && p.onAir.questionId === id && !p.panicFrom ? 'air' : 'gone';
  });
  const q = useRegie((s) => (id ? s.state?.audience.questions.find((x) => x.id === id) : undefined));
  if (!where || where === 'preview' || !q) return null;
  return t(where === 'air' ? 'questions.preview.onAir' : 'questions.preview.gone', { text: excerpt(questionText(q)) });
}

/** The latest word under the queue: what was done (with « Annuler (u) »), or why the core or the desk refused. */
export function QuestionsFeedback() {
  const t = useT();
  const feedback = useQuestionsDesk((s) => s.feedback);
  const truth = usePreviewTruth(feedback);
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
        {truth ?? feedback.text}
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
