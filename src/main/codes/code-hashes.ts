import { createHash, randomBytes } from 'node:crypto';
import { hashPersonalCode } from '../../node/presence/presence-key';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import { MAX_CODES_PER_COMMAND } from '../../shared/protocol/rooms';
import type { Settings } from '../store/settings';

/**
 * The personal codes as they leave the régie: hashed with the event's salt (docs/rooms.md § 4).
 * The salt is made once and kept in the régie's settings (`codes.salt`): the hub gets it with
 * every `codes.add`, and a code typed at the desk (« Libérer un code ») hashes to the same value.
 */
export const CODES_SALT_KEY = 'codes.salt';
const SALT_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;

/** The event's salt: 18 random bytes, base64url (24 characters), made on first use. */
export function codesSalt(settings: Settings): string {
  const known = settings.get(CODES_SALT_KEY);
  if (known !== undefined && SALT_SHAPE.test(known)) return known;
  const salt = randomBytes(18).toString('base64url');
  settings.set(CODES_SALT_KEY, salt);
  return salt;
}

/** Codes hashed between two yields to the event loop (≈ 2 ms of SHA-256 on a venue laptop). */
export const HASHES_PER_SLICE = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Hashes every code, yielding to the event loop between slices: 50,000 codes never hold the
 * core's loop (and the views, the hub link, the cue clock) for more than a slice.
 */
export async function hashCodes(salt: string, codes: readonly string[], perSlice = HASHES_PER_SLICE): Promise<string[]> {
  const out: string[] = new Array<string>(codes.length);
  for (let i = 0; i < codes.length; i += perSlice) {
    const end = Math.min(codes.length, i + perSlice);
    for (let k = i; k < end; k += 1) out[k] = hashPersonalCode(salt, codes[k]!);
    if (end < codes.length) await nextTurn();
  }
  return out;
}

/**
 * A short fingerprint of a list (the first 12 hex characters of SHA-256 over its hashes, in the
 * file's order): the journal says « the same file as before » or « another one » without holding
 * any hash. One update over the joined hashes: a sort of 50,000 of them held the loop 150 ms.
 */
export function listDigest(hashes: readonly string[]): string {
  return createHash('sha256').update(hashes.join('\n')).digest('hex').slice(0, 12);
}

/** What the journal keeps of one code's hash: its first 8 characters, enough to trace a release. */
export const hashPrefix = (hash: string): string => hash.slice(0, 8);

/**
 * An import for the hub: the list replaces the one before (`codes.clear`), then the hashes in
 * chunks of MAX_CODES_PER_COMMAND, each with the salt.
 */
export function replaceListCommands(salt: string, hashes: readonly string[]): RegieCommand[] {
  const commands: RegieCommand[] = [{ type: 'codes.clear' }];
  for (let i = 0; i < hashes.length; i += MAX_CODES_PER_COMMAND) {
    commands.push({ type: 'codes.add', salt, hashes: hashes.slice(i, i + MAX_CODES_PER_COMMAND) });
  }
  return commands;
}
