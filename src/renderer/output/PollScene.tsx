import { useRef } from 'react';
import { pollResults, pollResultsHidden } from '../../shared/domain/poll-results';
import { useRegie } from '../lib/regie-store';
import { HoldingScene } from './HoldingScene';
import { ObsHolding } from './ObsHolding';
import type { OutputMode } from './output-mode';
import { PollBars } from './PollBars';
import { meanWords, responsesWords, sceneWords, votersLine } from '../../shared/domain/scene-words';
import { Typeset } from './Typeset';
import { useFitLevel } from './use-fit-level';

/** Steps that make a long question and many options fit (output-poll.css). */
const MAX_FIT = 5;

/**
 * A poll's live results: the question, the bars, the voters in the room and remote. A poll whose
 * results stay hidden until revealed (or were hidden again by the régie) shows its question, « Résultats à venir » and the number of
 * responses only. An unknown poll (the programme was edited) falls back to the holding screen.
 */
export function PollScene({ interactionId, mode }: { interactionId: string; mode: OutputMode }) {
  const poll = useRegie((s) => s.state?.programme?.interactions?.find((i) => i.id === interactionId));
  const run = useRegie((s) => s.state?.live.interactions[interactionId]);
  const tally = useRegie((s) => s.state?.audience.tallies[interactionId]);
  const body = useRef<HTMLDivElement>(null);
  const hidden = poll?.kind === 'poll' && pollResultsHidden(poll, run);
  const rows =
    poll?.kind === 'poll' ? (poll.type === 'rating' ? poll.max - poll.min + 1 : poll.type === 'yesno' ? 2 : poll.options.length) : 0;
  const fit = useFitLevel(body, MAX_FIT, JSON.stringify([mode, interactionId, hidden, poll]));

  if (poll?.kind !== 'poll') return mode === 'obs' ? <ObsHolding /> : <HoldingScene />;
  const results = pollResults(poll, tally, sceneWords.yesNo);
  const status = run?.status === 'open' ? sceneWords.voteOpen : run?.status === 'closed' ? sceneWords.voteClosed : null;
  return (
    <main
      className={`scene scene-poll${hidden ? ' scene-poll-hidden' : ''}`}
      data-testid="scene-poll"
      data-results={hidden ? 'hidden' : 'shown'}
      data-rows={rows}
      data-fit={fit}
    >
      <header className="scene-head">
        <p className="scene-kicker">{sceneWords.poll}</p>
        {status && (
          <p className={`scene-status scene-status-${run?.status ?? ''}`} data-testid="poll-status">
            {status}
          </p>
        )}
      </header>
      <div className="poll-body" ref={body}>
        <h1 className="poll-question" data-testid="poll-question">
          <Typeset text={poll.question} />
        </h1>
        {hidden ? (
          <div className="poll-waiting">
            <p className="poll-waiting-title" data-testid="poll-hidden">
              {sceneWords.resultsToCome}
            </p>
            <p className="poll-waiting-count" data-testid="poll-voters">
              {responsesWords(results.voters.total)}
            </p>
          </div>
        ) : (
          <PollBars results={results} rating={poll.type === 'rating'} />
        )}
      </div>
      {!hidden && (
        <footer className="poll-foot">
          <p className="poll-voters" data-testid="poll-voters">
            {votersLine(results.voters)}
          </p>
          {poll.type === 'rating' && results.mean !== null && (
            <p className="poll-mean" data-testid="poll-mean">
              {meanWords(results.mean, poll.max)}
            </p>
          )}
        </footer>
      )}
    </main>
  );
}
