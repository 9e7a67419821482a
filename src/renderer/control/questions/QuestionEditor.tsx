import { useState } from 'react';
import { type AudienceQuestion, questionText } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { act } from './question-actions';
import { setMode } from './questions-store';

export const MAX_QUESTION_CHARS = 500;

/** Editing in place: Enter saves, Escape cancels; the original stays in the journal and the export. */
export function QuestionEditor({ q }: { q: AudienceQuestion }) {
  const t = useT();
  const [text, setText] = useState(questionText(q));
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const clean = text.trim();
    if (clean === '' || busy) return;
    setBusy(true);
    const ok = await act({ type: 'question.edit', questionId: q.id, text: clean });
    setBusy(false);
    if (ok) setMode('browse');
  };
  return (
    <div className="qeditor">
      <textarea
        className="qeditor-input"
        value={text}
        maxLength={MAX_QUESTION_CHARS}
        rows={3}
        dir="auto"
        autoFocus
        aria-label={t('questions.editLabel')}
        data-testid="question-editor"
        onChange={(e) => setText(e.target.value)}
        onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setMode('browse');
          }
        }}
      />
      <p className="hint">
        {t('questions.editHint')} · {[...text].length}/{MAX_QUESTION_CHARS}
      </p>
    </div>
  );
}
