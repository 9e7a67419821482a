import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { useDeskProgram } from '../rooms/use-desk-room';
import { panic, restore, sendProgram, take, useProgramFeedback } from './program-actions';

const MIN_FADE = 250;
const MAX_FADE = 2000;

/** TAKE, the transition, panic and restore, the output lock; and the core's latest refusal. */
export function ProgramBar() {
  const t = useT();
  const program = useDeskProgram();
  const problem = useProgramFeedback((s) => s.problem);
  const ignored = useProgramFeedback((s) => s.ignored);
  // What the operator is typing in the duration field; null: the core's value.
  const [draft, setDraft] = useState<string | null>(null);
  if (!program) return null;
  const { transition, locked, preview, panicFrom } = program;
  const duration = draft ?? String(transition.durationMs);

  const setKind = (kind: 'cut' | 'fade') => {
    const durationMs = Math.min(MAX_FADE, Math.max(MIN_FADE, transition.durationMs || 500));
    void sendProgram({ type: 'program.transition', transition: { kind, durationMs } });
  };
  const commitDuration = () => {
    const n = Math.round(Number(duration));
    setDraft(null);
    if (draft === null || !Number.isFinite(n)) return;
    const durationMs = Math.min(MAX_FADE, Math.max(MIN_FADE, n));
    if (durationMs !== transition.durationMs) void sendProgram({ type: 'program.transition', transition: { kind: transition.kind, durationMs } });
  };
  const takeReason = locked ? t('program.take.locked') : !preview ? t('program.take.empty') : null;

  return (
    <section className={`program-bar${locked ? ' program-locked' : ''}`} aria-label={t('program.bar')} data-testid="program-bar" data-locked={locked}>
      <div className="program-row">
        <button
          type="button"
          className="btn btn-take"
          disabled={takeReason !== null}
          aria-describedby={takeReason ? 'take-reason' : undefined}
          onClick={take}
          data-testid="take"
        >
          TAKE <kbd>{t('key.enter')}</kbd>
        </button>
        <div className="transition-select" role="group" aria-label={t('program.transition')}>
          <button type="button" className="btn btn-small" aria-pressed={transition.kind === 'cut'} onClick={() => setKind('cut')} data-testid="transition-cut">
            {t('program.transition.cut')}
          </button>
          <button type="button" className="btn btn-small" aria-pressed={transition.kind === 'fade'} onClick={() => setKind('fade')} data-testid="transition-fade">
            {t('program.transition.fade')}
          </button>
          <label className="fade-ms">
            <input
              type="number"
              min={MIN_FADE}
              max={MAX_FADE}
              step={50}
              value={duration}
              disabled={transition.kind === 'cut'}
              aria-label={t('program.transition.duration')}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commitDuration}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitDuration();
              }}
              data-testid="transition-ms"
            />
            ms
          </label>
        </div>
        <button type="button" className="btn btn-panic" onClick={panic} disabled={panicFrom !== null} data-testid="panic">
          {t('program.panic')} <kbd>{t('key.escape')}</kbd>
        </button>
        <button type="button" className="btn btn-restore" onClick={restore} disabled={panicFrom === null} data-testid="restore">
          {t('program.restore')} <kbd>⇧ {t('key.escape')}</kbd>
        </button>
        <button
          type="button"
          className={`btn btn-lock${locked ? ' btn-lock-on' : ''}`}
          aria-pressed={locked}
          onClick={() => void sendProgram({ type: 'program.lock', locked: !locked })}
          data-testid="lock"
        >
          {locked ? t('program.unlock') : t('program.lock')}
        </button>
      </div>
      {(takeReason || problem || ignored) && (
        <p className="program-status" aria-live="polite">
          {takeReason && (
            <span id="take-reason" className={locked ? 'lock-reason' : 'take-reason'} data-testid="take-reason">
              {takeReason}
            </span>
          )}
          {problem && (
            <span className="program-problem" role="alert" data-testid="program-problem">
              {t('program.refused', { message: problem })}
            </span>
          )}
          {ignored && (
            <span className="program-ignored" data-testid="key-ignored" data-key={ignored}>
              {t(ignored === 'Enter' ? 'program.hint.enterIgnored' : 'program.hint.escapeIgnored')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
