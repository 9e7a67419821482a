import { useT } from '../../lib/i18n';
import { useDeskProgram } from '../rooms/use-desk-room';
import { ProgramMonitor } from './ProgramMonitor';
import { sceneLabel } from './scene-label';

/** The program monitor, with what is on air in words, and the panic state unmistakable. */
export function OnAirMonitor() {
  const t = useT();
  const program = useDeskProgram();
  const onAir = program?.onAir ?? null;
  const panicFrom = program?.panicFrom ?? null;
  return (
    <div className={`onair-monitor${panicFrom ? ' onair-panic' : ''}`}>
      {panicFrom && (
        <p className="panic-banner" role="alert" data-testid="panic-banner">
          <strong>{t('program.panic.banner')}</strong> <span className="panic-hint">{t('program.panic.hint')}</span>
        </p>
      )}
      <ProgramMonitor />
      <p className="monitor-caption onair-caption" data-testid="onair-caption" data-scene={onAir?.kind ?? 'none'} title={onAir ? sceneLabel(onAir, t) : undefined}>
        <span className="onair-tag">{t('program.onair.tag')}</span> {onAir ? sceneLabel(onAir, t) : '—'}
        {panicFrom && <span className="panic-was"> {t('program.panic.was', { scene: sceneLabel(panicFrom, t) })}</span>}
      </p>
    </div>
  );
}
