import type { Cue } from '../../../shared/domain/cue';
import { sceneDestination } from '../../lib/cue-words';
import { useT } from '../../lib/i18n';

/** How a cue goes: manual or automatic, its pre-wait, whether it sets off the next one, where its scene goes. */
export function CueTraits({ cue }: { cue: Cue }) {
  const t = useT();
  return (
    <span className="cue-traits" data-testid="cue-traits">
      <span className={`cue-trait cue-mode-${cue.mode}`}>{cue.mode === 'auto' ? t('cues.modeAuto') : t('cues.modeManual')}</span>
      {cue.preWaitSeconds !== undefined && cue.preWaitSeconds > 0 && (
        <span className="cue-trait">{t('cues.preWait', { seconds: cue.preWaitSeconds })}</span>
      )}
      {cue.autoContinue && <span className="cue-trait">{t('cues.autoContinue')}</span>}
      {sceneDestination(cue.action) === 'air' && (
        <span className="cue-trait cue-trait-air" data-testid="cue-trait-air">
          {t('cues.trait.toAir')}
        </span>
      )}
    </span>
  );
}
