import { memo } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import { displayText } from '../../../shared/domain/question-display';
import { isFlagged } from '../../../shared/domain/question-queue';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { seatLabel } from '../../lib/programme-view';
import { OriginBadge } from '../audience/OriginBadge';
import { HighlightedText } from './HighlightedText';
import { type Projection, flagWord } from './question-words';

/** One question in the queue: who, where from, when, votes, flags, the text (two lines at most), the last seat that acted. */
export const QuestionRow = memo(function QuestionRow({
  q,
  index,
  top,
  selected,
  timeZone,
  projection,
  starredAt,
  onSelect,
}: {
  q: AudienceQuestion;
  index: number;
  top: number;
  selected: boolean;
  timeZone: string;
  projection: Projection;
  starredAt: number | null;
  onSelect: (id: string, index: number) => void;
}) {
  const t = useT();
  const flagged = isFlagged(q);
  const hasFlags = q.flags.length > 0 || (q.redactions?.length ?? 0) > 0;
  return (
    <div
      id={`ql-${q.id}`}
      role="option"
      aria-selected={selected}
      className={`qrow${selected ? ' qrow-selected' : ''}${flagged ? ' qrow-flagged' : ''}${projection ? ` qrow-${projection}` : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="question-row"
      data-question-id={q.id}
      data-status={q.status}
      data-flagged={flagged}
      data-starred={q.rank !== null}
      onMouseDown={(e) => {
        // A click selects; the list keeps the focus for the keys.
        e.preventDefault();
        e.currentTarget.parentElement?.parentElement?.focus({ preventScroll: true });
        onSelect(q.id, index);
      }}
    >
      <div className="qrow-meta">
        {starredAt !== null && (
          <span className="qrow-rank" title={t('questions.starred')} data-testid="question-rank">
            ★ {starredAt}
          </span>
        )}
        <OriginBadge origin={q.origin} />
        <time className="muted">{deskTime(q.receivedAt, timeZone)}</time>
        <span className={q.name ? 'qrow-name' : 'qrow-name muted'} dir="auto" data-testid="question-name">
          {q.name === null ? (
            t('questions.anonymous')
          ) : hasFlags ? (
            <HighlightedText value={q.name} field="name" questionId={q.id} flags={q.flags} marks={q.redactions} cleared={!flagged} />
          ) : (
            displayText(q.name)
          )}
        </span>
        <span className="qrow-votes" title={t('questions.votesTitle')} data-testid="question-votes">
          ▲ {q.upvotes}
        </span>
        {q.askers > 1 && (
          <span className="qrow-askers" title={t('questions.askersTitle', { count: q.askers })} data-testid="question-askers">
            ×{q.askers}
          </span>
        )}
        {projection && <span className={`qrow-projection qrow-projection-${projection}`}>{t(projection === 'onAir' ? 'questions.onAir' : 'questions.inPreview')}</span>}
        {q.flags.length > 0 &&
          q.flags.slice(0, 2).map((f) => (
            <span key={`${f.field}:${f.start}:${f.kind}:${f.match}`} className={`flag-badge${flagged ? '' : ' flag-badge-cleared'}`} data-testid="row-flag" data-kind={f.kind}>
              {flagWord(f, t)}
            </span>
          ))}
        {q.lastActionBy && (
          <span className="qrow-by muted" data-testid="question-by">
            {t('questions.by', { seat: seatLabel(q.lastActionBy, t) })}
          </span>
        )}
      </div>
      <p className="qrow-text" dir="auto" data-testid="question-text">
        {q.editedText !== null && (
          <span className="edited-marker" data-testid="edited-marker">
            {t('questions.edited')}
          </span>
        )}
        {hasFlags ? (
          <HighlightedText
            value={q.editedText ?? q.text}
            field={q.editedText === null ? 'text' : 'edit'}
            questionId={q.id}
            flags={q.flags}
            marks={q.redactions}
            cleared={!flagged}
          />
        ) : (
          displayText(q.editedText ?? q.text)
        )}
      </p>
    </div>
  );
});
