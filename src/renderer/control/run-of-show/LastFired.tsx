import type { AsRunEntry } from '../../../shared/api/state';
import type { Programme } from '../../../shared/domain/programme';
import { cueActionWords, triggerKey } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { deskRoomOf } from '../rooms/use-desk-room';

function lastFiredEntry(asRun: readonly AsRunEntry[], room: string): AsRunEntry | null {
  for (let i = asRun.length - 1; i >= 0; i--) {
    const e = asRun[i];
    if (e?.kind === 'cue.fired' && e.room === room) return e;
  }
  return null;
}

const TRIGGERS = ['go', 'auto', 'continue'] as const;

/** « Dernière lancée »: what the desk's room just did, so the operator can check it happened. */
export function LastFired({ programme }: { programme: Programme }) {
  const t = useT();
  const entry = useRegie((s) => (s.state ? lastFiredEntry(s.state.asRun, deskRoomOf(s.state)) : null));
  if (!entry || entry.cueId === null) return null;
  const cue = programme.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === entry.cueId);
  const trigger = TRIGGERS.find((x) => x === entry.detail);
  return (
    <p className="last-fired" data-testid="last-fired" data-cue-id={entry.cueId}>
      <span className="last-fired-label">{t('cues.lastFired')}</span>
      <time className="last-fired-time">{deskTime(entry.actualAt, programme.event.timeZone, true)}</time>
      <span className="last-fired-what">{cue ? cueActionWords(cue.action, programme, t) : entry.cueId}</span>
      {trigger && <span className="muted">({t(triggerKey(trigger))})</span>}
    </p>
  );
}
