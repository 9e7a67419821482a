import type { Origin } from '../../../shared/protocol/fields';
import { MAX } from '../../../shared/protocol/limits';
import { presenceKeySchema, roomIdSchema } from '../../../shared/protocol/rooms';
import { newCommandId } from '../../lib/command-id';
import { readStored, writeStored } from './storage';

/**
 * Who this phone is for the hub, kept across reloads: a random participant id (16 random bytes
 * from crypto.getRandomValues, base64url: it works on plain http:// venue addresses, where
 * randomUUID does not), the place (room or remote), the last event code, the first name.
 */
const KEYS = {
  participantId: 'pupitre.participant.id',
  origin: 'pupitre.participant.origin',
  eventCode: 'pupitre.participant.event',
  name: 'pupitre.participant.name',
} as const;

const PARTICIPANT_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function participantId(): string {
  const stored = readStored(KEYS.participantId);
  if (stored && PARTICIPANT_ID.test(stored)) return stored;
  const id = newCommandId();
  writeStored(KEYS.participantId, id);
  return id;
}

/** An event code as typed or scanned: trimmed, upper case, at most MAX.eventCode characters. */
export function normaliseCode(raw: string): string {
  return raw.trim().toUpperCase().slice(0, MAX.eventCode);
}

/** The event code the QR code carries: `?e=CODE` (also `?code=`). */
export function codeFromSearch(search: string): string | null {
  const params = new URLSearchParams(search);
  const raw = params.get('e') ?? params.get('code');
  const code = raw ? normaliseCode(raw) : '';
  return code ? code : null;
}

export function storedCode(): string | null {
  const v = readStored(KEYS.eventCode);
  return v ? normaliseCode(v) || null : null;
}

export function rememberCode(code: string | null): void {
  writeStored(KEYS.eventCode, code);
}

export function storedOrigin(): Origin | null {
  const v = readStored(KEYS.origin);
  return v === 'room' || v === 'remote' ? v : null;
}

export function rememberOrigin(origin: Origin | null): void {
  writeStored(KEYS.origin, origin);
}

export function storedName(): string {
  return (readStored(KEYS.name) ?? '').slice(0, MAX.name);
}

export function rememberName(name: string): void {
  writeStored(KEYS.name, name.trim() ? name.slice(0, MAX.name) : null);
}

/**
 * The room a room's QR code names (`r=`) and its presence key (`k=`): sent at every join; the hub
 * alone decides what they prove. Anything unreadable is left out.
 */
export function placeFromSearch(search: string): { room?: string; key?: string } {
  const params = new URLSearchParams(search);
  const room = roomIdSchema.safeParse(params.get('r') ?? '');
  const key = presenceKeySchema.safeParse((params.get('k') ?? '').toUpperCase());
  return { ...(room.success ? { room: room.data } : {}), ...(room.success && key.success ? { key: key.data } : {}) };
}
