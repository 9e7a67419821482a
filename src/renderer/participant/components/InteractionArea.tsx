import { useT } from '../i18n';
import type { AudienceState } from '../../../shared/protocol/audience-state';
import { ChoicePollCard } from './ChoicePollCard';
import { RatingCard } from './RatingCard';
import { ResultsCard } from './ResultsCard';
import { WordCloudCard } from './WordCloudCard';

/** The interaction open now (poll, rating or word cloud) and the results the régie revealed. */
export function InteractionArea({ audience }: { audience: AudienceState }) {
  const t = useT();
  const { interaction, results } = audience;
  let card;
  switch (interaction?.kind) {
    case 'poll':
      card = <ChoicePollCard key={interaction.id} poll={interaction} />;
      break;
    case 'rating':
      card = <RatingCard key={interaction.id} poll={interaction} />;
      break;
    case 'cloud':
      card = <WordCloudCard key={interaction.id} cloud={interaction} />;
      break;
    case undefined:
      card = results ? null : (
        <section className="card card-quiet" aria-labelledby="idle-heading" data-testid="idle">
          <h2 id="idle-heading" className="card-kicker">
            {t('idle.heading')}
          </h2>
          <p>{t('idle.text')}</p>
        </section>
      );
      break;
  }
  return (
    <>
      {card}
      {results ? <ResultsCard key={`r-${results.interactionId}`} results={results} /> : null}
    </>
  );
}
