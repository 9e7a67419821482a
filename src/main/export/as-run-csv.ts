import type { AsRunEntry, RegieState } from '../../shared/api/state';
import { epochToWall } from '../../shared/domain/zoned-time';
import { toCsv } from './csv';

const KIND_FR: Record<AsRunEntry['kind'], string> = {
  'session.start': 'début de séance',
  'session.end': 'fin de séance',
  'cue.fired': 'réplique lancée',
  'cue.missed': 'réplique manquée',
  'cue.skipped': 'réplique passée',
  'delay.set': 'retard saisi',
  'delay.cleared': 'retards annulés',
};

/** The as-run log (planned against actual), one row per entry, times in the event's zone. */
export function asRunCsv(state: RegieState, delimiter: ';' | ',' = ';'): string {
  const p = state.programme;
  const tz = p?.event.timeZone ?? 'Europe/Paris';
  const fmt = (ms: number | null) => {
    if (ms === null) return '';
    const w = epochToWall(ms, tz);
    const seconds = String(new Date(ms).getUTCSeconds()).padStart(2, '0');
    return `${w.date} ${w.time}:${seconds}`;
  };
  const title = (id: string | null) => (id ? (p?.sessions.find((s) => s.id === id)?.title ?? id) : '');
  const delta = (e: AsRunEntry) => (e.plannedAt === null ? '' : Math.round((e.actualAt - e.plannedAt) / 60_000));
  return toCsv(
    ['n°', 'événement', 'séance', 'titre de la séance', 'réplique', 'prévu', 'réel', 'écart (min)', 'détail', 'par'],
    state.asRun.map((e) => [e.seq, KIND_FR[e.kind], e.sessionId, title(e.sessionId), e.cueId, fmt(e.plannedAt), fmt(e.actualAt), delta(e), e.detail, e.author]),
    { delimiter },
  );
}
