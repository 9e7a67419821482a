import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { act } from './question-actions';
import { deskRoomField } from '../rooms/use-desk-room';
import { MAX_QUESTION_CHARS } from './QuestionEditor';
import { setMode } from './questions-store';

/**
 * « Saisir une question » (`t`): a question heard at a microphone or written on a paper card,
 * typed in by the régie (origin « régie »), in the current session, in the room the desk drives. Enter adds it, Escape closes.
 */
export function AddQuestionForm({ sessionId }: { sessionId: string | null }) {
  const t = useT();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    const ok = await act({ type: 'question.add', text: text.trim(), name: name.trim() === '' ? null : name.trim().slice(0, 60), sessionId, ...deskRoomField() });
    setBusy(false);
    if (ok) {
      setText('');
      setName('');
    }
  };
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setMode('browse');
    }
  };
  return (
    <form
      className="qadd"
      data-testid="add-question"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="qadd-title">{t('questions.addTitle')}</p>
      <textarea
        className="qeditor-input"
        value={text}
        rows={2}
        maxLength={MAX_QUESTION_CHARS}
        autoFocus
        dir="auto"
        placeholder={t('questions.addPlaceholder')}
        aria-label={t('questions.addTitle')}
        data-testid="add-question-text"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={keys}
      />
      <div className="qadd-row">
        <input
          type="text"
          value={name}
          maxLength={60}
          placeholder={t('questions.addName')}
          aria-label={t('questions.addName')}
          data-testid="add-question-name"
          onChange={(e) => setName(e.target.value)}
          onKeyDown={keys}
        />
        <span className="muted small">
          {[...text].length}/{MAX_QUESTION_CHARS}
        </span>
        <button type="submit" className="btn" disabled={busy || text.trim() === ''} data-testid="add-question-submit">
          {t('questions.addSubmit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setMode('browse')}>
          {t('questions.close')}
        </button>
      </div>
    </form>
  );
}
