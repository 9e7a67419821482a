import { type RefObject, useMemo } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import type { Programme } from '../../../shared/domain/programme';
import { type QueueOrigin, queueOrigins } from '../../../shared/domain/question-queue';
import { type MessageKey, useT } from '../../lib/i18n';
import { type SessionChoice, setFilter, setSession, useQuestionsDesk } from './questions-store';

const originKeys: Record<QueueOrigin, MessageKey> = { room: 'link.room', remote: 'link.remote', regie: 'link.regie' };

function sessionValue(s: SessionChoice): string {
  return s.kind === 'one' ? `one:${s.sessionId}` : s.kind;
}

/** Origin (salle, distance, régie), flagged only, session, sort, and a search in the text and names. */
export function QueueFilters({
  originCounts,
  flagged,
  programme,
  all,
  currentSessionId,
  searchRef,
}: {
  originCounts: Record<QueueOrigin, number>;
  flagged: number;
  programme: Programme | null;
  all: readonly AudienceQuestion[];
  currentSessionId: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const filter = useQuestionsDesk((s) => s.filter);
  const session = useQuestionsDesk((s) => s.session);
  const current = programme?.sessions.find((s) => s.id === currentSessionId);
  // The sessions that have questions (and the current one), in programme order.
  const sessions = useMemo(() => {
    const withQuestions = new Set(all.map((q) => q.sessionId));
    return programme?.sessions.filter((s) => withQuestions.has(s.id) || s.id === currentSessionId) ?? [];
  }, [all, programme, currentSessionId]);
  const toggleOrigin = (o: QueueOrigin) => {
    const on = filter.origins.includes(o);
    setFilter({ origins: on ? filter.origins.filter((x) => x !== o) : [...filter.origins, o] });
  };
  return (
    <div className="qfilters">
      <div className="segmented" role="group" aria-label={t('questions.origin')}>
        {queueOrigins.map((o) => (
          <button
            key={o}
            type="button"
            className="segmented-btn"
            aria-pressed={filter.origins.includes(o)}
            onClick={() => toggleOrigin(o)}
            data-testid={`filter-origin-${o}`}
            data-count={originCounts[o]}
          >
            {t(originKeys[o])} {originCounts[o]}
          </button>
        ))}
      </div>
      <button
        type="button"
        className={`segmented-btn qfilter-flagged${filter.flaggedOnly ? ' qfilter-on' : ''}`}
        aria-pressed={filter.flaggedOnly}
        onClick={() => setFilter({ flaggedOnly: !filter.flaggedOnly })}
        data-testid="filter-flagged"
        data-count={flagged}
      >
        ⚑ {t('questions.flagged')} {flagged}
      </button>
      <select
        className="qfilter-session"
        value={sessionValue(session)}
        aria-label={t('questions.session')}
        data-testid="filter-session"
        onChange={(e) => {
          const v = e.target.value;
          setSession(v === 'current' ? { kind: 'current' } : v === 'all' ? { kind: 'all' } : { kind: 'one', sessionId: v.slice(4) });
        }}
      >
        <option value="current">{current ? t('questions.sessionCurrentNamed', { title: current.title }) : t('questions.sessionCurrentNone')}</option>
        <option value="all">{t('questions.sessionAll')}</option>
        {sessions.map((s) => (
          <option key={s.id} value={`one:${s.id}`}>
            {s.title}
          </option>
        ))}
      </select>
      <div className="segmented" role="group" aria-label={t('questions.sort')}>
        <button type="button" className="segmented-btn" aria-pressed={filter.sort === 'time'} onClick={() => setFilter({ sort: 'time' })} data-testid="sort-time">
          {t('questions.sortTime')}
        </button>
        <button type="button" className="segmented-btn" aria-pressed={filter.sort === 'votes'} onClick={() => setFilter({ sort: 'votes' })} data-testid="sort-votes">
          {t('questions.sortVotes')}
        </button>
      </div>
      <input
        ref={searchRef}
        type="search"
        className="qfilter-search"
        value={filter.text}
        placeholder={t('questions.search')}
        aria-label={t('questions.search')}
        aria-keyshortcuts="f"
        data-testid="filter-search"
        onChange={(e) => setFilter({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
    </div>
  );
}
