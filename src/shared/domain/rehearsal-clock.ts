import type { Programme } from './programme';
import { zonedToEpoch } from './zoned-time';

/**
 * Where a rehearsal clock may be set: on the event's days, with one whole day of margin either
 * side (a rehearsal the evening before, a replay the day after), in the event's time zone.
 * Anything else is a slip (« 275760 » typed for a year, a date picked from the wrong month):
 * refused, with the allowed days in the sentence. With no programme there are no days to hold
 * to: the years 2000 to 2099 only. Pure.
 */

export const REHEARSAL_MARGIN_DAYS = 1;
const NO_PROGRAMME = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };

export interface RehearsalBounds {
  /** First allowed instant (epoch ms), inclusive. */
  from: number;
  /** End of the allowed range (epoch ms), exclusive. */
  to: number;
  /** The first and last allowed days ("YYYY-MM-DD", in the event's zone); null without a programme. */
  firstDay: string | null;
  lastDay: string | null;
}

/** "2021-06-24" plus n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

export function rehearsalBounds(programme: Programme | null): RehearsalBounds {
  const dates = (programme?.days ?? []).map((d) => d.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!programme || first === undefined || last === undefined) {
    return { ...NO_PROGRAMME, firstDay: null, lastDay: null };
  }
  const firstDay = addDays(first, -REHEARSAL_MARGIN_DAYS);
  const lastDay = addDays(last, REHEARSAL_MARGIN_DAYS);
  const tz = programme.event.timeZone;
  return {
    from: zonedToEpoch({ date: firstDay, time: '00:00' }, tz),
    to: zonedToEpoch({ date: addDays(lastDay, 1), time: '00:00' }, tz),
    firstDay,
    lastDay,
  };
}

/** The days a rehearsal clock may be set to, in order (the event's days and the margin days). */
export function rehearsalDays(bounds: RehearsalBounds): string[] {
  if (bounds.firstDay === null || bounds.lastDay === null) return [];
  const days: string[] = [];
  for (let d = bounds.firstDay; d <= bounds.lastDay && days.length < 60; d = addDays(d, 1)) days.push(d);
  return days;
}

/** « mercredi 23 juin 2021 » */
export function longDateFr(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** Null when `at` may be the rehearsal clock's time, else the refusal (French, for the operator). */
export function rehearsalRefusal(at: number, bounds: RehearsalBounds): string | null {
  if (at >= bounds.from && at < bounds.to) return null;
  if (bounds.firstDay === null || bounds.lastDay === null) {
    return 'horloge de répétition refusée : sans programme, choisissez une date entre 2000 et 2099';
  }
  return `horloge de répétition refusée : hors des jours de l’événement — choisissez un moment entre le ${longDateFr(bounds.firstDay)} et le ${longDateFr(bounds.lastDay)} inclus (un jour de marge de part et d’autre)`;
}
