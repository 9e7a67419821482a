import { type FormEvent, useId, useState } from 'react';
import type { QaState } from '../../../shared/protocol/audience-state';
import type { Origin } from '../../../shared/protocol/fields';
import { MAX } from '../../../shared/protocol/limits';
import { hubErrorText, useLanguage, useT } from '../i18n';
import { submit } from '../lib/hub-link';
import { rememberName, storedName } from '../lib/identity';
import { useParticipant } from '../lib/participant-store';
import { askStatus, pendingQuestions } from '../lib/selectors';
import { StatusLine } from './StatusLine';

/**
 * Ask a question (with a first name or anonymously). Questions are screened by the régie before
 * anything is shown: the card says so, and warns against naming a child or a family. Room-only
 * sessions tell remote participants why they cannot ask.
 */
export function AskCard({ qa, origin }: { qa: QaState; origin: Origin }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const uid = useId();
  const outbox = useParticipant((s) => s.outbox);
  const connection = useParticipant((s) => s.connection);
  const feedback = useParticipant((s) => s.feedback.ask);
  const [text, setText] = useState('');
  const [name, setName] = useState(storedName);
  const [empty, setEmpty] = useState(false);

  if (!qa.open) {
    return (
      <section className="card card-quiet" aria-labelledby={`${uid}-h`} data-testid="qa-closed">
        <h2 id={`${uid}-h`} className="card-kicker">
          {t('qa.heading')}
        </h2>
        <p>{t('qa.closed')}</p>
      </section>
    );
  }
  if (qa.roomOnly && origin === 'remote') {
    return (
      <section className="card card-quiet" aria-labelledby={`${uid}-h`} data-testid="qa-room-only">
        <h2 id={`${uid}-h`} className="card-kicker">
          {t('qa.heading')}
        </h2>
        <p>{t('qa.roomOnly')}</p>
        <p className="hint">{t('qa.roomOnlyScan')}</p>
        {/* A question sent before the Q&A became room-only (from the outbox) and refused: the hub's sentence, and the text back. */}
        {feedback?.kind === 'error' ? (
          <p role="alert" className="status status-error" data-testid="ask-status-error">
            {feedback.text
              ? t('qa.refusedText', { reason: hubErrorText(language, feedback.error), text: feedback.text })
              : t('error.generic', { reason: hubErrorText(language, feedback.error) })}
          </p>
        ) : null}
      </section>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setEmpty(true);
    rememberName(name);
    const cleanName = name.trim();
    submit({
      event: 'question.ask',
      msg: { text: trimmed, ...(cleanName ? { name: cleanName } : {}), ...(qa.sessionId ? { sessionId: qa.sessionId } : {}) },
    });
    setText('');
  };
  const status = askStatus(outbox, connection, feedback);
  const waiting = pendingQuestions(outbox);

  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="ask">
      <h2 id={`${uid}-h`} className="card-kicker">
        {t('qa.heading')}
      </h2>
      <p className="hint" id={`${uid}-screened`}>
        {t('qa.screened')}
      </p>
      {qa.roomOnly ? <p className="hint">{t('qa.roomOnlyNote')}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor={`${uid}-text`} className="field-label">
          {t('qa.text')}
        </label>
        <textarea
          id={`${uid}-text`}
          value={text}
          rows={4}
          maxLength={MAX.questionText}
          onChange={(e) => {
            setText(e.target.value);
            if (empty) setEmpty(false);
          }}
          aria-describedby={`${uid}-count ${uid}-screened${empty ? ` ${uid}-empty` : ''}`}
          aria-invalid={empty ? true : undefined}
          data-testid="question-input"
        />
        <p className="counter" id={`${uid}-count`} data-testid="question-count">
          {t('qa.count', { n: text.length, max: MAX.questionText })}
        </p>
        <p id={`${uid}-empty`} role="alert" className={empty ? 'field-error' : 'status-none'}>
          {empty ? t('qa.empty') : null}
        </p>
        <label htmlFor={`${uid}-name`} className="field-label">
          {t('qa.name')}
        </label>
        <input
          id={`${uid}-name`}
          type="text"
          value={name}
          maxLength={MAX.name}
          autoComplete="given-name"
          onChange={(e) => setName(e.target.value)}
          aria-describedby={`${uid}-name-help`}
          data-testid="name-input"
        />
        <p className="hint" id={`${uid}-name-help`}>
          {t('qa.nameHelp')}
        </p>
        <button type="submit" className="primary" data-testid="question-submit">
          {t('qa.submit')}
        </button>
      </form>
      {waiting.length > 0 ? (
        <ul className="pending-list" data-testid="pending-questions">
          {waiting.map((q, i) => (
            <li key={i} className="pending-item">
              {q}
            </li>
          ))}
        </ul>
      ) : null}
      <StatusLine
        status={status}
        sending="qa.sending"
        queued="qa.queued"
        saved={t('qa.saved')}
        testId="ask-status"
        errorText={(reason) =>
          status?.kind === 'error' && status.feedback.text
            ? t('qa.refusedText', { reason, text: status.feedback.text })
            : t('error.generic', { reason })
        }
      />
    </section>
  );
}
