import { frenchTypography as typeset } from '../../../shared/domain/french-typography';
import { type FormEvent, useId, useState } from 'react';
import type { WordCloud } from '../../../shared/protocol/interactions';
import { MAX } from '../../../shared/protocol/limits';
import { plural, useLanguage, useT } from '../i18n';
import { submit } from '../lib/hub-link';
import { useParticipant } from '../lib/participant-store';
import { checkWords, pendingWords, type WordsCheck, wordsLeft, wordsStatus } from '../lib/selectors';
import { StatusLine } from './StatusLine';

const EMPTY: readonly string[] = [];

/** A word cloud: type a word (or several, with commas), see those sent and how many are left. */
export function WordCloudCard({ cloud }: { cloud: WordCloud }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const uid = useId();
  const sent = useParticipant((s) => s.words[cloud.id] ?? EMPTY);
  const outbox = useParticipant((s) => s.outbox);
  const connection = useParticipant((s) => s.connection);
  const feedback = useParticipant((s) => s.feedback.words);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Exclude<WordsCheck, { ok: true }> | null>(null);
  const pending = pendingWords(outbox, cloud.id);
  const left = wordsLeft(cloud, sent, pending);
  const max = cloud.maxWordsPerParticipant;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const check = checkWords(text, sent, pending, left);
    if (!check.ok) return setProblem(check);
    setProblem(null);
    submit({ event: 'words.send', msg: { cloudId: cloud.id, words: check.words } });
    setText('');
  };
  const problemText = (p: Exclude<WordsCheck, { ok: true }>): string => {
    switch (p.reason) {
      case 'empty':
        return t('cloud.empty');
      case 'tooLong':
        return t('cloud.tooLong', { word: p.word, max: MAX.word });
      case 'again':
        return t('cloud.again', { word: p.word });
      case 'twice':
        return t('cloud.twice', { word: p.word });
      case 'tooMany':
        return plural(language, 'cloud.tooMany', p.left);
    }
  };
  const status = wordsStatus(outbox, connection, feedback, cloud.id);
  const savedText = status?.kind === 'saved' && (status.count ?? 1) > 1 ? t('cloud.savedMany') : t('cloud.saved');

  return (
    <section className="card" aria-labelledby={`${uid}-kicker`} data-testid="cloud" data-cloud-id={cloud.id}>
      <h2 id={`${uid}-kicker`} className="card-kicker">
        {t('cloud.heading')}
      </h2>
      <p className="card-question" id={`${uid}-prompt`}>
        {typeset(cloud.prompt)}
      </p>
      {left > 0 ? (
        <form onSubmit={onSubmit} noValidate className="word-form">
          <label htmlFor={`${uid}-word`} className="field-label">
            {t('cloud.word')}
          </label>
          <p id={`${uid}-help`} className="hint">
            {t('cloud.help', { max: MAX.word })} <span data-testid="words-left">{plural(language, 'cloud.left', left, { max })}</span>
          </p>
          <div className="word-row">
            <input
              id={`${uid}-word`}
              type="text"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (problem) setProblem(null);
              }}
              maxLength={(MAX.word + 2) * MAX.wordsPerMessage}
              autoComplete="off"
              autoCapitalize="none"
              enterKeyHint="send"
              aria-describedby={`${uid}-prompt ${uid}-help${problem ? ` ${uid}-problem` : ''}`}
              aria-invalid={problem ? true : undefined}
              data-testid="word-input"
            />
            <button type="submit" className="primary" data-testid="word-submit">
              {t('cloud.submit')}
            </button>
          </div>
          <p id={`${uid}-problem`} role="alert" className={problem ? 'field-error' : 'status-none'}>
            {problem ? problemText(problem) : null}
          </p>
        </form>
      ) : (
        <p className="hint" data-testid="words-left">
          {t('cloud.none', { max })}
        </p>
      )}
      {sent.length > 0 || pending.length > 0 ? (
        <div className="chips-block">
          <p className="hint">{t('cloud.sent')}</p>
          <ul className="chips" data-testid="my-words">
            {sent.map((w) => (
              <li key={`s-${w}`} className="chip">
                {w}
              </li>
            ))}
            {pending.map((w) => (
              <li key={`p-${w}`} className="chip chip-pending">
                {w} <span className="visually-hidden">({t('list.pending')})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <StatusLine status={status} sending="cloud.sending" queued="cloud.queued" saved={savedText} testId="words-status" />
    </section>
  );
}
