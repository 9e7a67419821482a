import type { Programme, Session, SessionKind } from '../../shared/domain/programme';
import { sessionAudience } from '../../shared/domain/programme';
import { sortedSessions } from '../../shared/domain/programme-position';
import { epochToWall } from '../../shared/domain/zoned-time';
import type { MessageKey, Translate } from './i18n';

/** What the views derive from the programme for display. Pure. */

// What is on and what comes next: see desk-schedule.ts (expected times, the same for every view).

export function sessionsOfDay(p: Programme, date: string): Session[] {
  return sortedSessions(p).filter((s) => s.day === date);
}

export function kindKey(kind: SessionKind): MessageKey {
  switch (kind) {
    case 'opening':
      return 'kind.opening';
    case 'plenary':
      return 'kind.plenary';
    case 'workshop':
      return 'kind.workshop';
    case 'break':
      return 'kind.break';
    case 'closing':
      return 'kind.closing';
  }
}

export function audienceKey(s: Session): MessageKey {
  const a = sessionAudience(s);
  if (a.room && a.remote) return 'audience.roomRemote';
  if (a.room) return 'audience.roomOnly';
  if (a.remote) return 'audience.remoteOnly';
  return 'audience.none';
}

/** « jeudi 24 juin » (or the day's own label from the programme). */
export function dayLabel(p: Programme, date: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const own = p.days.find((d) => d.date === date)?.label;
  if (own && style === 'long') return own;
  const [y, m, d] = date.split('-').map(Number);
  const noon = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
  }).format(noon);
}

/** The event date of an instant. */
export function eventDate(p: Programme, now: number): string {
  return epochToWall(now, p.event.timeZone).date;
}

/** « 12 min », « 1 h 05 », « 2 j »: a duration for the desk, rounded up to the minute. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(0, Math.ceil(ms / 60000));
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  if (minutes < 24 * 60) return t('duration.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
  return t('duration.days', { d: Math.round(minutes / (24 * 60)) });
}

/** The author of a note as a person reads it: control-3 → « Régie 3 », system → « Système », régie:horloge → « Horloge ». */
export function seatLabel(author: string, t: Translate): string {
  const m = /^(control|output)-(\d+)$/.exec(author);
  if (m) return `${t(m[1] === 'control' ? 'role.control' : 'role.output')} ${m[2]}`;
  if (author === 'system') return t('role.system');
  // The core's own decisions: the cue scheduler's ticks and the start-up restore.
  if (author === 'régie:horloge') return t('role.clock');
  if (author === 'régie:démarrage') return t('role.startup');
  return author;
}
