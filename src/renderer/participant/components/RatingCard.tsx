import { frenchTypography as typeset } from '../../../shared/domain/french-typography';
import { type FormEvent, useId, useState } from 'react';
import type { RatingPoll } from '../../../shared/protocol/interactions';
import { useT } from '../i18n';
import { submit } from '../lib/hub-link';
import { useParticipant } from '../lib/participant-store';
import { pendingVote, sameBallot, voteStatus } from '../lib/selectors';
import { StatusLine } from './StatusLine';

/** A rating from `min` to `max` (radio buttons in a row, the two ends labelled). */
export function RatingCard({ poll }: { poll: RatingPoll }) {
  const t = useT();
  const uid = useId();
  const saved = useParticipant((s) => s.votes[poll.id]);
  const outbox = useParticipant((s) => s.outbox);
  const connection = useParticipant((s) => s.connection);
  const feedback = useParticipant((s) => s.feedback.vote);
  const current = pendingVote(outbox, poll.id) ?? saved ?? null;
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked ?? current?.rating ?? null;
  const unchanged = sameBallot({ choices: null, rating: shown }, current);
  const values = Array.from({ length: poll.max - poll.min + 1 }, (_, i) => poll.min + i);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (shown === null || unchanged) return;
    submit({ event: 'poll.vote', msg: { pollId: poll.id, rating: shown } });
    setPicked(null);
  };
  const status = voteStatus(outbox, connection, feedback, poll.id);

  return (
    <section className="card" aria-labelledby={`${uid}-kicker`} data-testid="poll" data-poll-id={poll.id}>
      <h2 id={`${uid}-kicker`} className="card-kicker">
        {t('rating.heading')}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="choices">
          <legend className="card-question">{typeset(poll.question)}</legend>
          <div className="rating-row">
            {values.map((v) => (
              <label key={v} className={`rating-value${shown === v ? ' choice-checked' : ''}`} data-testid="rating-option">
                <input
                  type="radio"
                  name={`${uid}-rating`}
                  value={v}
                  checked={shown === v}
                  onChange={() => setPicked(v)}
                  aria-label={t('rating.value', { value: v, max: poll.max })}
                />
                <span aria-hidden="true">{v}</span>
              </label>
            ))}
          </div>
          {poll.minLabel || poll.maxLabel ? (
            <div className="rating-ends">
              <span>
                {poll.min} = {typeset(poll.minLabel ?? '')}
              </span>
              <span>
                {poll.max} = {typeset(poll.maxLabel ?? '')}
              </span>
            </div>
          ) : null}
        </fieldset>
        <button type="submit" className="primary" disabled={shown === null || unchanged} data-testid="poll-submit">
          {current ? t('poll.change') : t('poll.submit')}
        </button>
      </form>
      <StatusLine status={status} sending="poll.sending" queued="poll.queued" saved={t('poll.saved')} testId="vote-status" />
    </section>
  );
}
