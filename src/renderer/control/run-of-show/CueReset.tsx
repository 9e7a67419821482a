import { useState } from 'react';
import { useDeskMode } from '../../lib/desk-mode';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useCommand } from '../../lib/use-command';

/** Rehearsal only, in preparation mode: every cue becomes to-do again, after a confirmation. */
export function CueReset() {
  const t = useT();
  const rehearsal = useRegie((s) => s.state?.clock.mode === 'rehearsal');
  const mode = useDeskMode((s) => s.mode);
  const { send, pending, problem } = useCommand();
  const [armed, setArmed] = useState(false);
  const [done, setDone] = useState(false);
  if (!rehearsal || mode !== 'preparation') return null;
  const reset = async () => {
    const r = await send({ type: 'cue.reset' });
    setArmed(false);
    setDone(r.ok);
  };
  return (
    <div className="cue-reset" data-testid="cue-reset">
      {armed ? (
        <>
          <button type="button" className="btn btn-warn" onClick={() => void reset()} disabled={pending} autoFocus data-testid="cue-reset-confirm">
            {t('cues.resetConfirm')}
          </button>
          <button type="button" className="btn" onClick={() => setArmed(false)}>
            {t('cues.cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setArmed(true);
            setDone(false);
          }}
          title={t('cues.resetHint')}
          data-testid="cue-reset-button"
        >
          {t('cues.reset')}
        </button>
      )}
      {done && !armed && <span className="muted small">{t('cues.resetDone')}</span>}
      {problem && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </div>
  );
}
