import { useMemo, useRef } from 'react';
import { useRegie } from '../lib/regie-store';
import { cloudWords, MAX_CLOUD_WORDS, wordsSent } from './cloud-words';
import { HoldingScene } from './HoldingScene';
import { ObsHolding } from './ObsHolding';
import type { OutputMode } from './output-mode';
import { sceneWords, wordsSentWords } from '../../shared/domain/scene-words';
import { Typeset } from './Typeset';
import { useFitLevel } from './use-fit-level';
import { WordCloud } from './WordCloud';

/** A word cloud, live: the prompt and the words sized by how often they were sent. */
export function WordCloudScene({ interactionId, mode }: { interactionId: string; mode: OutputMode }) {
  const cloud = useRegie((s) => s.state?.programme?.interactions?.find((i) => i.id === interactionId));
  const run = useRegie((s) => s.state?.live.interactions[interactionId]);
  const raw = useRegie((s) => s.state?.audience.words[interactionId]);
  // Banned words leave at once; held words never reach an output seat (the core filters them).
  const moderation = useRegie((s) => s.state?.wordModeration?.[interactionId]);
  const words = useMemo(() => cloudWords(raw, MAX_CLOUD_WORDS, moderation), [raw, moderation]);
  const prompt = useRef<HTMLHeadingElement>(null);
  const fit = useFitLevel(prompt, 3, `${mode} ${cloud?.kind === 'wordcloud' ? cloud.prompt : ''}`);

  if (cloud?.kind !== 'wordcloud') return mode === 'obs' ? <ObsHolding /> : <HoldingScene />;
  const status = run?.status === 'open' ? sceneWords.wordsOpen : null;
  // Hidden by the régie (interaction.hide): the prompt and the count, not the words, as a poll's hidden results.
  const hidden = run?.hidden === true;
  return (
    <main className="scene scene-wordcloud" data-testid="scene-wordcloud" data-results={hidden ? 'hidden' : 'shown'}>
      <header className="scene-head">
        <p className="scene-kicker">{sceneWords.wordcloud}</p>
        {status && <p className="scene-status scene-status-open">{status}</p>}
      </header>
      <h1 ref={prompt} className="cloud-prompt" data-testid="cloud-prompt" data-fit={fit}>
        <Typeset text={cloud.prompt} />
      </h1>
      {hidden ? (
        <div className="cloud-area poll-waiting">
          <p className="poll-waiting-title" data-testid="cloud-hidden">
            {sceneWords.resultsToCome}
          </p>
        </div>
      ) : (
        <div className="cloud-area">
          {words.length === 0 && <p className="cloud-empty">{sceneWords.cloudEmpty}</p>}
          <WordCloud cloudId={interactionId} words={words} />
        </div>
      )}
      <footer className="cloud-foot" data-testid="cloud-total">
        {wordsSentWords(wordsSent(raw))}
      </footer>
    </main>
  );
}
