import { type AudienceQuestion, questionText } from '../../../shared/api/state';
import { isFlagged } from '../../../shared/domain/question-queue';
import { useT } from '../../lib/i18n';
import { seatLabel } from '../../lib/programme-view';
import { moveInShortlist, onSelected, queue, redactSelected, run, sendToPreview, toggleAnswered, toggleStar } from './question-actions';
import { HighlightedText } from './HighlightedText';
import { QuestionFindings } from './QuestionFindings';
import { MergePicker } from './MergePicker';
import { QuestionEditor } from './QuestionEditor';
import { pick, setMode, useQuestionsDesk } from './questions-store';

function ActionButton({ label, keys, onClick, testId, disabled, pressed }: { label: string; keys: string; onClick: () => void; testId: string; disabled?: boolean; pressed?: boolean }) {
  return (
    <button type="button" className="btn btn-q" onClick={onClick} disabled={disabled} aria-keyshortcuts={keys} aria-pressed={pressed} data-testid={testId}>
      {label} <kbd>{keys}</kbd>
    </button>
  );
}

/**
 * The selected question in full: its text (and the original on demand), its flags and what
 * matched, who acted last, and every action with its key. Editing and merging happen here, in place.
 */
export function QuestionDetail({ q, all }: { q: AudienceQuestion | null; all: readonly AudienceQuestion[] }) {
  const t = useT();
  const mode = useQuestionsDesk((s) => s.mode);
  const picked = useQuestionsDesk((s) => s.picked);
  if (!q) {
    return (
      <div className="qdetail qdetail-empty" data-testid="question-detail">
        <p className="empty">{t('questions.noSelection')}</p>
      </div>
    );
  }
  const flagged = isFlagged(q);
  const starred = q.rank !== null;
  const mine = picked?.questionId === q.id ? picked : null;
  const field = (value: string, f: 'text' | 'edit' | 'name') => (
    <HighlightedText value={value} field={f} questionId={q.id} flags={q.flags} marks={q.redactions} cleared={!flagged} picked={mine} onPick={pick} />
  );
  return (
    <div className="qdetail" data-testid="question-detail" data-question-id={q.id}>
      <div className="qactions" role="toolbar" aria-label={t('questions.actions')}>
        <ActionButton label={t('questions.approve')} keys="a" onClick={() => void queue({ type: 'question.approve', questionId: q.id })} testId="q-approve" disabled={q.status === 'approved'} />
        <ActionButton label={t('questions.reject')} keys="r" onClick={() => void queue({ type: 'question.reject', questionId: q.id })} testId="q-reject" disabled={q.status === 'rejected'} />
        <ActionButton label={t('questions.edit')} keys="e" onClick={() => setMode('edit')} testId="q-edit" />
        <ActionButton
          label={starred ? t('questions.unstar') : t('questions.star')}
          keys="s"
          onClick={() => void run(() => toggleStar(q.id))}
          testId="q-star"
          pressed={starred}
          disabled={q.status === 'rejected'}
        />
        {starred && (
          <>
            <ActionButton label={t('questions.moveUp')} keys="Alt+↑" onClick={() => void run(() => moveInShortlist(q.id, 'up'))} testId="q-move-up" />
            <ActionButton label={t('questions.moveDown')} keys="Alt+↓" onClick={() => void run(() => moveInShortlist(q.id, 'down'))} testId="q-move-down" />
          </>
        )}
        <ActionButton label={t('questions.merge')} keys="m" onClick={() => setMode('merge')} testId="q-merge" />
        <ActionButton
          label={q.status === 'answered' ? t('questions.unanswered') : t('questions.answered')}
          keys="d"
          onClick={() => void run(() => toggleAnswered(q.id))}
          testId="q-answered"
        />
        <ActionButton label={t('questions.preview')} keys="v" onClick={() => void run(() => sendToPreview(q))} testId="q-preview" />
      </div>

      {q.name !== null && mode !== 'edit' && (
        <p className="qdetail-name" dir="auto" data-testid="detail-name">
          <span className="qdetail-name-label muted">{t('questions.nameLabel')} :</span> {field(q.name, 'name')}
        </p>
      )}
      {mode === 'edit' ? (
        <QuestionEditor key={q.id} q={q} />
      ) : (
        <p className="qdetail-text" dir="auto" data-testid="detail-text">
          {q.editedText !== null && <span className="edited-marker">{t('questions.edited')}</span>}
          {q.editedText === null ? field(q.text, 'text') : field(questionText(q), 'edit')}
        </p>
      )}
      {q.editedText !== null && mode !== 'edit' && (
        <p className="qdetail-original">
          <button type="button" className="btn-link" onClick={() => setMode(mode === 'original' ? 'browse' : 'original')} aria-expanded={mode === 'original'} data-testid="show-original">
            {mode === 'original' ? t('questions.hideOriginal') : t('questions.showOriginal')} <kbd>i</kbd>
          </button>
          {mode === 'original' && (
            <span className="qdetail-original-text" dir="auto" data-testid="original-text">
              {field(q.text, 'text')}
            </span>
          )}
        </p>
      )}

      {(q.flags.length > 0 || (q.redactions?.length ?? 0) > 0) && (
        <QuestionFindings q={q} flagged={flagged} picked={mine} onRedact={() => void onSelected((x) => redactSelected(x))} />
      )}
      {q.lastActionBy && (
        <p className="muted small qdetail-by">
          {t('questions.lastAction', { seat: seatLabel(q.lastActionBy, t) })} · {q.id}
        </p>
      )}
      {mode === 'merge' && <MergePicker q={q} all={all} />}
    </div>
  );
}
