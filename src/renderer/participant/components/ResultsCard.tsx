import { frenchTypography as typeset } from '../../../shared/domain/french-typography';
import { useId } from 'react';
import type { Interaction, Results } from '../../../shared/protocol/interactions';
import { formatNumber, plural, useLanguage, useT } from '../i18n';
import { useParticipant } from '../lib/participant-store';
import { percent, ratingAverage } from '../lib/selectors';

/** Words of a revealed cloud are shown in five sizes (classes, not inline styles). */
function sizeClass(count: number, top: number): string {
  const level = top > 0 ? Math.max(1, Math.ceil((count / top) * 5)) : 1;
  return `cloud-word cloud-word-${level}`;
}

/**
 * Results the régie chose to show on the phones: bars with the percent and the count in words
 * (the bar itself is decoration), the participant's own choice marked; or the cloud's words.
 */
export function ResultsCard({ results }: { results: Results }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const uid = useId();
  const interaction: Interaction | undefined = useParticipant((s) => s.seen[results.interactionId]);
  const ballot = useParticipant((s) => s.votes[results.interactionId]);
  const title = interaction ? (interaction.kind === 'cloud' ? interaction.prompt : interaction.question) : null;

  let body;
  if (results.kind === 'cloud') {
    const top = results.words.reduce((m, w) => Math.max(m, w.count), 0);
    body = (
      <>
        <p className="hint">{t('results.words')}</p>
        <ul className="result-cloud">
          {results.words.map((w) => (
            <li key={w.text} className={sizeClass(w.count, top)}>
              {w.text} <span className="cloud-count">({formatNumber(language, w.count)})</span>
            </li>
          ))}
        </ul>
      </>
    );
  } else {
    const labels =
      results.kind === 'poll'
        ? results.counts.map((_, i) => (interaction?.kind === 'poll' ? typeset(interaction.options[i] ?? `${i + 1}`) : `${i + 1}`))
        : results.counts.map((_, i) => String((interaction?.kind === 'rating' ? interaction.min : 0) + i));
    const mine = new Set(
      results.kind === 'poll'
        ? (ballot?.choices ?? [])
        : ballot?.rating !== null && ballot?.rating !== undefined
          ? [ballot.rating - (interaction?.kind === 'rating' ? interaction.min : 0)]
          : [],
    );
    const average = results.kind === 'rating' ? ratingAverage(results.counts, interaction?.kind === 'rating' ? interaction.min : 0) : null;
    body = (
      <>
        <ul className="bars">
          {results.counts.map((count, i) => {
            const p = percent(count, results.total);
            return (
              <li key={i} className={`bar${mine.has(i) ? ' bar-mine' : ''}`} data-testid="result-row">
                <span className="bar-text">
                  {t('results.option', { label: labels[i] ?? '', percent: p, count })}
                  {mine.has(i) ? <span className="bar-yours"> · {t('results.yours')}</span> : null}
                </span>
                <span className="bar-track" aria-hidden="true">
                  {/* Set through the DOM's style property (CSSOM), which the page's CSP allows. */}
                  <span className="bar-fill" style={{ width: `${p}%` }} />
                </span>
              </li>
            );
          })}
        </ul>
        <p className="hint" data-testid="results-total">
          {plural(language, 'results.total', results.total)}
          {average !== null ? ` · ${t('results.average', { value: formatNumber(language, average) })}` : null}
        </p>
      </>
    );
  }

  return (
    <section className="card results" aria-labelledby={`${uid}-kicker`} data-testid="results">
      <h2 id={`${uid}-kicker`} className="card-kicker">
        {t('results.heading')}
      </h2>
      {title ? <p className="card-question">{typeset(title)}</p> : null}
      {body}
    </section>
  );
}
