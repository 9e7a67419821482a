import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';

/** In the top bar while the cue engine is held: seen from anywhere on the desk. */
export function HoldPill({ timeZone }: { timeZone: string }) {
  const t = useT();
  const held = useRegie((s) => s.state?.cues.held ?? false);
  const since = useRegie((s) => s.state?.cues.heldSince ?? null);
  if (!held) return null;
  return (
    <span className="hold-pill" role="status" title={t('cues.heldPillTitle', { time: since === null ? '—' : deskTime(since, timeZone) })} data-testid="hold-pill">
      {t('cues.heldPill')}
    </span>
  );
}
