import { useMemo, useState } from 'react';
import { type AudienceQuestion, questionText } from '../../../shared/api/state';
import { displayText } from '../../../shared/domain/question-display';
import { duplicateCandidates, foldText } from '../../../shared/domain/question-similarity';
import { useT } from '../../lib/i18n';
import { act } from './question-actions';
import { setMode } from './questions-store';

const SHOWN = 6;

/**
 * « Fusionner avec… »: the likely duplicates of the selected question first (accents, case and
 * word order ignored), or any question found by typing. ↑/↓ choose, Enter merges into it, Escape
 * cancels. The selected question joins the chosen one: askers and votes add up there.
 */
export function MergePicker({ q, all }: { q: AudienceQuestion; all: readonly AudienceQuestion[] }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [at, setAt] = useState(0);
  const suggestions = useMemo(() => duplicateCandidates(q, all, { limit: SHOWN }), [q, all]);
  const found = useMemo(() => {
    const needle = foldText(search.trim());
    if (needle === '') return null;
    const out: AudienceQuestion[] = [];
    for (const x of all) {
      if (x.id === q.id || x.status === 'merged' || x.status === 'rejected') continue;
      if (x.id === search.trim() || foldText(questionText(x)).includes(needle)) out.push(x);
      if (out.length >= SHOWN) break;
    }
    return out;
  }, [search, all, q.id]);
  const choices = found ?? suggestions.map((s) => s.question);
  const score = (id: string) => suggestions.find((s) => s.question.id === id)?.score ?? null;

  const merge = async (into: AudienceQuestion | undefined) => {
    if (!into) return;
    if (await act({ type: 'question.merge', questionId: q.id, intoId: into.id })) setMode('browse');
  };

  return (
    <div className="qmerge" data-testid="merge-picker">
      <label className="qmerge-label">
        {t('questions.mergeInto')}
        <input
          type="text"
          value={search}
          autoFocus
          placeholder={t('questions.mergeSearch')}
          data-testid="merge-search"
          onChange={(e) => {
            setSearch(e.target.value);
            setAt(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setAt((i) => Math.min(i + 1, choices.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setAt((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              void merge(choices[at]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setMode('browse');
            }
          }}
        />
      </label>
      {choices.length === 0 ? (
        <p className="empty small" data-testid="merge-none">
          {found ? t('questions.mergeNoMatch') : t('questions.mergeNoSuggestion')}
        </p>
      ) : (
        <ol className="qmerge-list">
          {choices.map((c, i) => {
            const s = score(c.id);
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className={`qmerge-choice${i === at ? ' qmerge-choice-active' : ''}`}
                  data-testid="merge-choice"
                  data-question-id={c.id}
                  onClick={() => void merge(c)}
                >
                  <span className="qmerge-text" dir="auto">
                    {displayText(questionText(c))}
                  </span>
                  <span className="muted small">
                    {s !== null && !found ? t('questions.mergeScore', { percent: Math.round(s * 100) }) : c.id} · ▲ {c.upvotes}
                    {c.askers > 1 ? ` · ×${c.askers}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <p className="hint">{t('questions.mergeHint')}</p>
    </div>
  );
}
