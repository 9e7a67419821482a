import { frenchTypography as typeset } from '../../../shared/domain/french-typography';
import { useId } from 'react';
import type { PublishedQuestion } from '../../../shared/protocol/audience-state';
import { plural, useLanguage, useT } from '../i18n';
import { submit } from '../lib/hub-link';
import { useParticipant } from '../lib/participant-store';
import { pendingUpvotes } from '../lib/selectors';
import { StatusLine } from './StatusLine';

/** The questions the régie published, newest first, each with its supporters and a « Soutenir » button (once). */
export function QuestionList({ questions }: { questions: readonly PublishedQuestion[] }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const uid = useId();
  const upvoted = useParticipant((s) => s.upvoted);
  const outbox = useParticipant((s) => s.outbox);
  const connection = useParticipant((s) => s.connection);
  const feedback = useParticipant((s) => s.feedback.upvote);
  const waiting = pendingUpvotes(outbox);
  const status =
    waiting.size > 0
      ? connection === 'online'
        ? ({ kind: 'sending' } as const)
        : ({ kind: 'queued' } as const)
      : feedback
        ? feedback.kind === 'saved'
          ? ({ kind: 'saved' } as const)
          : ({ kind: 'error', feedback } as const)
        : null;

  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="questions">
      <h2 id={`${uid}-h`} className="card-kicker">
        {t('list.heading')}
      </h2>
      {questions.length === 0 ? (
        <p className="hint">{t('list.empty')}</p>
      ) : (
        <ol className="questions">
          {questions.map((q) => {
            const done = upvoted.includes(q.id);
            const pending = waiting.has(q.id);
            const textId = `${uid}-${q.id}`;
            return (
              <li key={q.id} className="question" data-testid="published-question" data-question-id={q.id}>
                <p className="question-text" id={textId}>
                  {typeset(q.text)}
                </p>
                <div className="question-meta">
                  <span className="question-name">{q.name ?? t('list.anonymous')}</span>
                  <span className="question-votes" data-testid="question-votes" data-votes={q.votes}>
                    {plural(language, 'list.votes', q.votes)}
                  </span>
                </div>
                <button
                  type="button"
                  className={`upvote${done ? ' upvote-done' : ''}`}
                  aria-pressed={done || pending}
                  aria-disabled={done || pending}
                  aria-describedby={textId}
                  onClick={() => {
                    if (!done && !pending) submit({ event: 'question.upvote', msg: { questionId: q.id } });
                  }}
                  data-testid="upvote"
                >
                  <span aria-hidden="true">{done ? '✓ ' : '▲ '}</span>
                  {done ? t('list.upvoted') : pending ? t('list.pending') : t('list.upvote')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <StatusLine status={status} sending="list.pending" queued="list.queued" saved={t('list.thanks')} testId="upvote-status" />
    </section>
  );
}
