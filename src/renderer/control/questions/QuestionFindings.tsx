import type { AudienceQuestion } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { seatLabel } from '../../lib/programme-view';
import { located, type PickedSpan, samePlace } from './highlight-model';
import { queue } from './question-actions';
import { flagWord, kindWord, reasonOf } from './question-words';
import { pick } from './questions-store';

/**
 * What the detector found in the selected question, one badge each — the kind and the passage,
 * where it stands (text, edit, name), why on hover and for a screen reader (the picked one's reason
 * in words) — with the two answers: clear the flags after
 * reading (`c`), or redact (`x`: the picked passage, else everything found). A click on a badge
 * picks its passage, as a click on its highlight does.
 */
export function QuestionFindings({ q, flagged, picked, onRedact }: { q: AudienceQuestion; flagged: boolean; picked: PickedSpan | null; onRedact: () => void }) {
  const t = useT();
  const valueOf = (f: AudienceQuestion['flags'][number]) => (f.field === 'text' ? q.text : f.field === 'edit' ? q.editedText : q.name) ?? '';
  const redactable = q.flags.some((f) => located(f, valueOf(f)));
  const redactedCount = q.redactions?.length ?? 0;
  const pickedFinding = picked === null ? undefined : q.flags.find((f) => located(f, valueOf(f)) && samePlace(picked, f));
  return (
    <div className={`qflags${flagged ? ' qflags-active' : ''}`} data-testid="question-flags" data-cleared={!flagged}>
      {q.flags.length > 0 && (
        <ul className="qfindings" aria-label={t('questions.findings')}>
          {q.flags.map((f) => {
            const here = located(f, valueOf(f));
            const isPicked = picked !== null && here && samePlace(picked, f);
            const reason = `${reasonOf(f.kind, t)}${!here && f.kind !== 'long' ? ` (${t('questions.findingNoPlace')})` : ''}`;
            return (
              <li key={`${f.field}:${f.start}:${f.end}:${f.kind}`} className="qfinding">
                <button
                  type="button"
                  className={`flag-badge pd-badge pd-${f.kind}${flagged ? '' : ' flag-badge-cleared'}${isPicked ? ' pd-picked' : ''}`}
                  data-testid="flag-badge"
                  data-kind={f.kind}
                  data-field={f.field}
                  title={reason}
                  aria-describedby={`pd-reason-${f.kind}`}
                  aria-pressed={isPicked}
                  disabled={!here}
                  onClick={() => pick({ questionId: q.id, field: f.field, start: f.start, end: f.end })}
                >
                  {flagWord(f, t)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {pickedFinding && (
        <p className="small qfinding-picked" role="status" data-testid="flag-reason">
          {reasonOf(pickedFinding.kind, t)} — {t('questions.findingSelected')}
        </p>
      )}
      {redactedCount > 0 && (
        <p className="small muted qfindings-redacted" data-testid="redacted-note">
          {t('questions.redacted', { kind: [...new Set((q.redactions ?? []).map((m) => kindWord(m.kind, t)))].join(', ') })}
        </p>
      )}
      <div className="qflags-actions">
        {flagged ? (
          <>
            <span className="qflags-warning" data-testid="not-projectable">
              {t('questions.flaggedWarning')}
            </span>
            <button type="button" className="btn btn-warn btn-q" onClick={() => void queue({ type: 'question.clear-flags', questionId: q.id })} aria-keyshortcuts="c" data-testid="q-clear-flags">
              {t('questions.clearFlags')} <kbd>c</kbd>
            </button>
          </>
        ) : (
          q.flags.length > 0 && (
            <span className="muted small" data-testid="flags-cleared">
              {t('questions.flagsClearedBy', { seat: seatLabel(q.flagsClearedBy ?? '', t) })}
            </span>
          )
        )}
        {redactable && (
          <button type="button" className="btn btn-q" onClick={onRedact} aria-keyshortcuts="x" data-testid="q-redact">
            {picked ? t('questions.redactSelected') : t('questions.redactAll')} <kbd>x</kbd>
          </button>
        )}
      </div>
    </div>
  );
}
