import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { useDeskCues } from '../rooms/use-desk-room';

/** In the top bar while the desk's room's cues are held: seen from anywhere on the desk. */
export function HoldPill({ timeZone }: { timeZone: string }) {
  const t = useT();
  const cues = useDeskCues();
  const held = cues?.held ?? false;
  const since = cues?.heldSince ?? null;
  if (!held) return null;
  return (
    <span className="hold-pill" role="status" title={t('cues.heldPillTitle', { time: since === null ? '—' : deskTime(since, timeZone) })} data-testid="hold-pill">
      {t('cues.heldPill')}
    </span>
  );
}
