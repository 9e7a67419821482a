import type { Programme } from '../../shared/domain/programme';
import { eventDate } from '../lib/programme-view';
import { tFr } from '../lib/i18n';

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** A day inside a French sentence: « demain », or « jeudi 24 juin ». */
export function dayInSentence(p: Programme, date: string, nowMs: number): string {
  if (date === addDays(eventDate(p, nowMs), 1)) return tFr('output.tomorrow');
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12),
  );
}
