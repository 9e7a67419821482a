import { moveStandby, skipCue, toggleHold } from './cue-actions';
import { useCueFeedback } from './run-of-show-store';
import { useT } from '../../lib/i18n';
import type { CueView } from '../../lib/run-of-show-view';

/** Under the standby: move it, skip it, hold or release the automation; and the core's latest refusal. */
export function CueTransport({ standby, held }: { standby: CueView | null; held: boolean }) {
  const t = useT();
  const message = useCueFeedback((s) => s.message);
  const tone = useCueFeedback((s) => s.tone);
  return (
    <>
      <div className="cue-transport" role="group" aria-label={t('cues.label')}>
        <button type="button" className="btn" onClick={() => moveStandby('previous')} aria-keyshortcuts="ArrowUp [" data-testid="cue-previous">
          <span aria-hidden="true">↑ </span>
          {t('cues.previous')}
        </button>
        <button type="button" className="btn" onClick={() => moveStandby('next')} aria-keyshortcuts="ArrowDown ]" data-testid="cue-next">
          <span aria-hidden="true">↓ </span>
          {t('cues.next')}
        </button>
        <button type="button" className="btn" disabled={!standby} onClick={() => standby && skipCue(standby.id)} data-testid="cue-skip">
          {t('cues.skip')}
        </button>
        <button
          type="button"
          className={held ? 'btn btn-hold-release' : 'btn btn-hold'}
          onClick={toggleHold}
          aria-keyshortcuts="h"
          aria-pressed={held}
          data-testid="cue-hold"
        >
          {held ? t('cues.release') : t('cues.hold')} <kbd>h</kbd>
        </button>
      </div>
      {message && (
        <p
          className={tone === 'error' ? 'form-error cue-feedback' : 'cue-feedback cue-feedback-info'}
          role={tone === 'error' ? 'alert' : 'status'}
          data-testid="cue-feedback"
          data-tone={tone}
        >
          {message}
        </p>
      )}
    </>
  );
}
