import { describe, expect, it } from 'vitest';
import {
  PRESENCE_WINDOW_MS,
  currentPresenceKey,
  hashPersonalCode,
  isValidPresenceKey,
  newRoomSecret,
  presenceKeyFor,
  presenceWindowEndsAt,
} from './presence-key';
import { presenceKeySchema, roomSecretSchema, codeHashSchema } from '../../shared/protocol/rooms';

const t0 = Date.UTC(2021, 5, 24, 14, 2, 0);

describe('presence keys', () => {
  const secret = newRoomSecret();

  it('are 10 base32 characters the protocol accepts, from a secret it accepts', () => {
    expect(roomSecretSchema.safeParse(secret).success).toBe(true);
    const key = currentPresenceKey(secret, 'salle-450', t0);
    expect(presenceKeySchema.safeParse(key).success).toBe(true);
  });

  it('hold for the current and the previous window only', () => {
    const key = currentPresenceKey(secret, 'salle-450', t0);
    expect(isValidPresenceKey(secret, 'salle-450', key, t0)).toBe(true);
    expect(isValidPresenceKey(secret, 'salle-450', key, t0 + PRESENCE_WINDOW_MS)).toBe(true);
    expect(isValidPresenceKey(secret, 'salle-450', key, t0 + 2 * PRESENCE_WINDOW_MS)).toBe(false);
    expect(isValidPresenceKey(secret, 'salle-450', key, t0 - PRESENCE_WINDOW_MS)).toBe(false);
  });

  it('differ between rooms, windows and secrets', () => {
    const w = Math.floor(t0 / PRESENCE_WINDOW_MS);
    const key = presenceKeyFor(secret, 'salle-450', w);
    expect(presenceKeyFor(secret, 'salle-800', w)).not.toBe(key);
    expect(presenceKeyFor(secret, 'salle-450', w + 1)).not.toBe(key);
    expect(presenceKeyFor(newRoomSecret(), 'salle-450', w)).not.toBe(key);
    expect(isValidPresenceKey(secret, 'salle-800', key, t0)).toBe(false);
  });

  it('refuse malformed keys without throwing', () => {
    expect(isValidPresenceKey(secret, 'salle-450', '', t0)).toBe(false);
    expect(isValidPresenceKey(secret, 'salle-450', 'ÉÉÉÉÉÉÉÉÉÉ', t0)).toBe(false);
    expect(isValidPresenceKey(secret, 'salle-450', 'A'.repeat(11), t0)).toBe(false);
  });

  it('say when the window turns', () => {
    expect(presenceWindowEndsAt(t0) % PRESENCE_WINDOW_MS).toBe(0);
    expect(presenceWindowEndsAt(t0)).toBeGreaterThan(t0);
  });
});

describe('personal codes', () => {
  it('hash the code as typed, whatever its case, spaces and dashes', () => {
    const h = hashPersonalCode('sel', 'AB12CD34');
    expect(codeHashSchema.safeParse(h).success).toBe(true);
    expect(hashPersonalCode('sel', 'ab12-cd34')).toBe(h);
    expect(hashPersonalCode('sel', ' ab12 cd34 ')).toBe(h);
    expect(hashPersonalCode('autre', 'AB12CD34')).not.toBe(h);
  });
});
