import { frenchTypography as typeset } from '../../../shared/domain/french-typography';
import { type FormEvent, useId, useState } from 'react';
import type { ChoicePoll } from '../../../shared/protocol/interactions';
import { useT } from '../i18n';
import { submit } from '../lib/hub-link';
import { useParticipant } from '../lib/participant-store';
import { pendingVote, sameBallot, voteStatus } from '../lib/selectors';
import { StatusLine } from './StatusLine';

/**
 * A poll: one answer (radio buttons) or up to `maxChoices` (check boxes). The vote can be changed
 * until the poll closes; the phone shows the ballot the hub holds, or the one waiting to go.
 */
export function ChoicePollCard({ poll }: { poll: ChoicePoll }) {
  const t = useT();
  const uid = useId();
  const saved = useParticipant((s) => s.votes[poll.id]);
  const outbox = useParticipant((s) => s.outbox);
  const connection = useParticipant((s) => s.connection);
  const feedback = useParticipant((s) => s.feedback.vote);
  const current = pendingVote(outbox, poll.id) ?? saved ?? null;
  /** What the participant is choosing now; null: show the ballot held. */
  const [picked, setPicked] = useState<number[] | null>(null);
  const shown = picked ?? current?.choices ?? [];
  const single = poll.maxChoices === 1;
  const full = !single && shown.length >= poll.maxChoices;
  const unchanged = sameBallot({ choices: shown, rating: null }, current);

  const toggle = (i: number) => {
    if (single) return setPicked([i]);
    if (shown.includes(i)) return setPicked(shown.filter((c) => c !== i));
    if (!full) setPicked([...shown, i]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (shown.length === 0 || unchanged) return;
    submit({ event: 'poll.vote', msg: { pollId: poll.id, choices: [...shown].sort((a, b) => a - b) } });
    setPicked(null);
  };
  const status = voteStatus(outbox, connection, feedback, poll.id);

  return (
    <section className="card" aria-labelledby={`${uid}-kicker`} data-testid="poll" data-poll-id={poll.id}>
      <h2 id={`${uid}-kicker`} className="card-kicker">
        {t('poll.heading')}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="choices" aria-describedby={`${uid}-rule`}>
          <legend className="card-question">{typeset(poll.question)}</legend>
          <p id={`${uid}-rule`} className="hint">
            {single
              ? t('poll.single')
              : `${t('poll.multiple', { max: poll.maxChoices })} ${t('poll.selected', { n: shown.length, max: poll.maxChoices })}`}
          </p>
          <div className={`choice-list${poll.options.length === 2 ? ' choice-list-pair' : ''}`}>
            {poll.options.map((option, i) => {
              const checked = shown.includes(i);
              return (
                <label key={i} className={`choice${checked ? ' choice-checked' : ''}`} data-testid="poll-option">
                  <input
                    type={single ? 'radio' : 'checkbox'}
                    name={`${uid}-choice`}
                    value={i}
                    checked={checked}
                    disabled={!checked && full}
                    onChange={() => toggle(i)}
                  />
                  <span className="choice-label">{typeset(option)}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={shown.length === 0 || unchanged} data-testid="poll-submit">
          {current ? t('poll.change') : t('poll.submit')}
        </button>
      </form>
      <StatusLine status={status} sending="poll.sending" queued="poll.queued" saved={t('poll.saved')} testId="vote-status" />
    </section>
  );
}
