import { toggleHold } from './cue-actions';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';

/** The engine is held: impossible to miss, with the way out next to it. */
export function HoldBanner({ since, timeZone }: { since: number | null; timeZone: string }) {
  const t = useT();
  return (
    <div className="hold-banner" role="alert" data-testid="hold-banner">
      <div className="hold-text">
        <strong className="hold-title">{t('cues.heldBanner')}</strong>
        <span>{t('cues.heldDetail', { time: since === null ? '—' : deskTime(since, timeZone, true) })}</span>
      </div>
      <button type="button" className="btn btn-warn" onClick={toggleHold} data-testid="hold-release">
        {t('cues.release')} <kbd>h</kbd>
      </button>
    </div>
  );
}
