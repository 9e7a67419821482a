import { roomOfSessionId } from '../../shared/api/room-live';
import type { RegieState } from '../../shared/api/state';
import type { Programme, Session } from '../../shared/domain/programme';
import { DEFAULT_ROOM, findRoom, type RoomId } from '../../shared/domain/rooms';
import { epochToWall } from '../../shared/domain/zoned-time';

/**
 * What an export covers: one session, one room (a workshop's own questions, docs/rooms.md § 6),
 * one day of the programme, or the whole event. Written `session:<id>`, `room:<id>`,
 * `day:<AAAA-MM-JJ>` or `event` (the HTTP query, the command line, the desk).
 */
export type ExportScope = { kind: 'session'; sessionId: string } | { kind: 'room'; room: RoomId } | { kind: 'day'; date: string } | { kind: 'event' };

export class ExportScopeError extends Error {
  override name = 'ExportScopeError';
}

/** Reads a scope and checks it against the programme; a French error names what is wrong. */
export function parseScope(text: string, programme: Programme | null): ExportScope {
  const value = text.trim();
  if (value === 'event') return { kind: 'event' };
  const m = /^(session|room|day):(.{1,64})$/.exec(value);
  if (!m)
    throw new ExportScopeError(
      `périmètre inconnu : « ${value.slice(0, 80)} » (attendu : event, day:AAAA-MM-JJ, session:<identifiant> ou room:<identifiant de salle>)`,
    );
  const [, kind, id = ''] = m;
  if (kind === 'room') {
    const known = programme ? findRoom(programme, id) : id === DEFAULT_ROOM.id ? DEFAULT_ROOM : undefined;
    if (!known) throw new ExportScopeError(`salle inconnue : ${id}`);
    return { kind: 'room', room: known.id };
  }
  if (kind === 'session') {
    if (!programme?.sessions.some((s) => s.id === id)) throw new ExportScopeError(`séance inconnue : ${id}`);
    return { kind: 'session', sessionId: id };
  }
  if (!programme?.days.some((d) => d.date === id)) throw new ExportScopeError(`jour absent du programme : ${id}`);
  return { kind: 'day', date: id };
}

export function scopeText(scope: ExportScope): string {
  return scope.kind === 'event' ? 'event' : scope.kind === 'session' ? `session:${scope.sessionId}` : scope.kind === 'room' ? `room:${scope.room}` : `day:${scope.date}`;
}

/** The sessions the scope covers, in programme order. */
export function sessionsInScope(programme: Programme | null, scope: ExportScope): Session[] {
  const sessions = programme?.sessions ?? [];
  if (scope.kind === 'session') return sessions.filter((s) => s.id === scope.sessionId);
  if (scope.kind === 'room') return sessions.filter((s) => roomOfSessionId(programme ?? null, s.id) === scope.room);
  if (scope.kind === 'day') return sessions.filter((s) => s.day === scope.date);
  return sessions.slice();
}

/**
 * Whether something tied to a session (or to none, received at `at`) belongs to the scope. A thing
 * with no session (a question asked outside any Q&A) belongs to the day it happened and to the event.
 * For a room: the room it names (`room`, a question's or an as-run line's), else its session's.
 */
export function inScope(state: RegieState, scope: ExportScope, sessionId: string | null, at: number | null, room?: RoomId): boolean {
  if (scope.kind === 'event') return true;
  if (scope.kind === 'session') return sessionId === scope.sessionId;
  if (scope.kind === 'room') return (room ?? roomOfSessionId(state.programme, sessionId)) === scope.room;
  const programme = state.programme;
  if (sessionId !== null) {
    const session = programme?.sessions.find((s) => s.id === sessionId);
    if (session) return session.day === scope.date;
  }
  return at !== null && epochToWall(at, programme?.event.timeZone ?? 'Europe/Paris').date === scope.date;
}

/** A file name part in plain ASCII (accents dropped, the rest a dash): `seance-j1-seq1`. */
export function asciiSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}

/** The scope's part of a file name: the session's id, the day's date, or « evenement ». */
export function scopeSlug(scope: ExportScope): string {
  // « salle-450 » as it is; « grand-auditorium » as « salle-grand-auditorium ».
  if (scope.kind === 'room') return asciiSlug(scope.room.startsWith('salle') ? scope.room : `salle-${scope.room}`);
  return scope.kind === 'event' ? 'evenement' : scope.kind === 'session' ? asciiSlug(scope.sessionId) : asciiSlug(scope.date);
}

/** A French label for a scope (titles, the PDF, the desk). */
export function scopeLabel(programme: Programme | null, scope: ExportScope): string {
  if (scope.kind === 'event') return programme?.event.name ?? 'Événement';
  if (scope.kind === 'session') return programme?.sessions.find((s) => s.id === scope.sessionId)?.title ?? scope.sessionId;
  if (scope.kind === 'room') return (programme ? findRoom(programme, scope.room)?.name : undefined) ?? scope.room;
  const day = programme?.days.find((d) => d.date === scope.date);
  return day?.label ?? scope.date;
}
