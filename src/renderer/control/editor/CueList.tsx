import type { Cue } from '../../../shared/domain/cue';
import type { Programme } from '../../../shared/domain/programme';
import { sortedSessions } from '../../../shared/domain/programme-position';
import { useT } from '../../lib/i18n';
import type { Verdict } from './CoreVerdict';
import { plannedClock } from './cue-draft';
import { CueListRow } from './CueListRow';

/** A session's cues by planned time (offsets against the planned start), then in file order. */
function byTime(start: string, cues: readonly Cue[]): Cue[] {
  return cues
    .map((c, i) => ({ c, i, at: plannedClock(start, c.at) }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i)
    .map((x) => x.c);
}

/** The cues of a day, session by session, each session with its « Ajouter » button. */
export function CueList({
  programme,
  day,
  selectedId,
  verdicts,
  onAdd,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  programme: Programme;
  day: string | null;
  selectedId: string | null;
  verdicts: Record<string, Verdict>;
  onAdd: (sessionId: string) => void;
  onEdit: (sessionId: string, cue: Cue) => void;
  onDuplicate: (sessionId: string, cue: Cue) => void;
  onDelete: (cueId: string) => Promise<unknown>;
}) {
  const t = useT();
  const sessions = sortedSessions(programme).filter((s) => day === null || s.day === day);
  return (
    <div className="ed-sessions">
      {sessions.map((s) => {
        const cues = byTime(s.start, s.cues ?? []);
        return (
          <section key={s.id} className="ed-session" data-testid="ed-session" data-session-id={s.id} aria-label={s.title}>
            <div className="ed-session-head">
              <span className="ed-session-time">{s.start}</span>
              <span className="ed-session-title" title={s.title}>
                {s.title}
              </span>
              <button
                type="button"
                className="btn btn-small btn-ghost ed-add"
                onClick={() => onAdd(s.id)}
                aria-label={t('editor.cue.addTo', { title: s.title })}
                data-testid="ed-cue-add"
              >
                + {t('editor.cue.add')}
              </button>
            </div>
            {cues.length > 0 && (
              <ol className="ed-cues">
                {cues.map((c) => (
                  <CueListRow
                    key={c.id}
                    programme={programme}
                    session={s}
                    cue={c}
                    selected={c.id === selectedId}
                    verdict={verdicts[c.id] ?? null}
                    onEdit={() => onEdit(s.id, c)}
                    onDuplicate={() => onDuplicate(s.id, c)}
                    onDelete={() => onDelete(c.id)}
                  />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
