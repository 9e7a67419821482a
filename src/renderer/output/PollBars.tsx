import type { PollResults } from '../../shared/domain/poll-results';
import { barColour } from '../../shared/domain/palette';
import { percentWords, ratingLabel, votesWords } from '../../shared/domain/scene-words';
import { Typeset } from './Typeset';

/**
 * The poll's bars: per option its label, a bar as long as its share (the width moves with a CSS
 * transition as votes come in), its percentage and its count. Colour-blind-safe colours, and
 * every bar named: colour is never the only clue.
 */
export function PollBars({ results, rating }: { results: PollResults; rating: boolean }) {
  const dense = results.rows.length > 5;
  return (
    <ol className={`poll-bars${dense ? ' poll-bars-dense' : ''}`} data-testid="poll-bars">
      {results.rows.map((row, i) => (
        <li key={row.key} className="poll-row" data-testid="poll-row" data-key={row.key} data-count={row.count} data-percent={row.percent}>
          <span className="poll-label">
            <Typeset text={rating ? ratingLabel(row.label, row.endLabel) : row.label} />
          </span>
          <span className="poll-track" aria-hidden="true">
            <span className="poll-fill" style={{ width: `${(row.share * 100).toFixed(2)}%`, background: barColour(i) }} />
          </span>
          <span className="poll-percent" data-testid="poll-percent">
            {percentWords(row.percent)}
          </span>
          <span className="poll-count" data-testid="poll-count">
            {votesWords(row.count)}
          </span>
        </li>
      ))}
    </ol>
  );
}
