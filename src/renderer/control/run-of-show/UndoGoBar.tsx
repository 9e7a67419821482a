import type { Programme } from '../../../shared/domain/programme';
import { undoLastGo } from './cue-actions';
import { cueActionWords } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { undoLines } from '../../lib/go-undo-words';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { deskUndoPlan, useDeskLastGo } from '../rooms/use-desk-room';

/**
 * « Annuler le GO (u) »: the last GO, until it is undone or another comes. Its title says what
 * the undo would put back and what it cannot (src/shared/domain/go-undo.ts).
 */
export function UndoGoBar({ programme }: { programme: Programme }) {
  const t = useT();
  const lastGo = useDeskLastGo();
  if (!lastGo) return null;
  const cue = programme.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === lastGo.cueId);
  const words = cue ? cueActionWords(cue.action, programme, t) : lastGo.cueId;
  // Read when drawn (a tooltip), not followed vote by vote.
  const state = useRegie.getState().state;
  const plan = state ? deskUndoPlan(state, lastGo.cueId) : null;
  const lines = plan?.ok ? undoLines(plan, programme, t) : null;
  const what = lines ? [...lines.done, ...lines.kept.map((k) => `≠ ${k}`)].join(' ; ') : '';
  return (
    <div className="undo-go" data-testid="undo-go" data-cue-id={lastGo.cueId}>
      <button
        type="button"
        className="btn btn-small btn-undo-go"
        onClick={undoLastGo}
        aria-keyshortcuts="u Control+Z"
        title={t('undoGo.label', { cue: words, what })}
        data-testid="undo-go-button"
      >
        {t('undoGo.button')} <kbd>u</kbd>
      </button>
      <span className="undo-go-what">
        <time>{deskTime(lastGo.at, programme.event.timeZone)}</time> {words}
      </span>
    </div>
  );
}
