import type { AsRunEntry, RegieState } from '../../shared/api/state';
import { findRoom } from '../../shared/domain/rooms';
import { toCsv } from './csv';
import { type ExportScope, inScope } from './export-scope';
import { type Cell, type ExportTable, wallClock } from './export-table';

const KIND_FR: Record<AsRunEntry['kind'], string> = {
  'session.start': 'début de séance',
  'session.end': 'fin de séance',
  'cue.fired': 'réplique lancée',
  'cue.missed': 'réplique manquée',
  'cue.skipped': 'réplique passée',
  'delay.set': 'retard saisi',
  'delay.cleared': 'retards annulés',
};

export const AS_RUN_HEADER = [
  'n°',
  'événement',
  'séance',
  'titre de la séance',
  'salle',
  'réplique',
  'prévu',
  'réel',
  'écart (min)',
  'détail',
  'par',
];

/** The as-run log (planned against actual), one row per entry, times in the event's zone. */
export function asRunTable(state: RegieState, scope: ExportScope = { kind: 'event' }): ExportTable {
  const p = state.programme;
  const fmt = wallClock(p?.event.timeZone ?? 'Europe/Paris');
  const title = (id: string | null) => (id ? (p?.sessions.find((s) => s.id === id)?.title ?? id) : '');
  const roomName = (id: string) => (p ? findRoom(p, id)?.name : undefined) ?? id;
  const delta = (e: AsRunEntry) => (e.plannedAt === null ? '' : Math.round((e.actualAt - e.plannedAt) / 60_000));
  const rows = state.asRun
    .filter((e) => inScope(state, scope, e.sessionId, e.actualAt, e.room))
    .map((e): Cell[] => [
      e.seq,
      KIND_FR[e.kind],
      e.sessionId,
      title(e.sessionId),
      roomName(e.room),
      e.cueId,
      fmt(e.plannedAt),
      fmt(e.actualAt),
      delta(e),
      e.detail,
      e.author,
    ]);
  return { sheet: 'Déroulé', header: AS_RUN_HEADER, rows, widths: [7, 20, 16, 30, 20, 18, 20, 20, 10, 40, 12] };
}

export function asRunCsv(state: RegieState, delimiter: ';' | ',' = ';'): string {
  const t = asRunTable(state);
  return toCsv(t.header, t.rows, { delimiter });
}
