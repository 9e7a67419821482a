import { describe, expect, it } from 'vitest';
import { hashPersonalCode } from '../../node/presence/presence-key';
import { regieCommandSchema } from '../../shared/protocol/regie-commands';
import { MAX_CODES_PER_COMMAND } from '../../shared/protocol/rooms';
import { hashCodes, listDigest, replaceListCommands } from './code-hashes';

const SALT = 'sel-de-test-0123456789';

describe('hashing the codes', () => {
  it('hashes with the salt as the hub does, in slices, in order', async () => {
    const codes = Array.from({ length: 45 }, (_, i) => `CODE${1000 + i}`);
    const hashes = await hashCodes(SALT, codes, 7);
    expect(hashes).toEqual(codes.map((c) => hashPersonalCode(SALT, c)));
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    // Another salt, other hashes: a list leaked from one event is useless in another.
    expect((await hashCodes('un-autre-sel-0123456789', codes.slice(0, 1)))[0]).not.toBe(hashes[0]);
  });

  it('yields to the event loop between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    await hashCodes(SALT, Array.from({ length: 30_000 }, (_, i) => `C${i}XYZ`), 2000);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });

  it('fingerprints a list: the same file, the same fingerprint; another list, another one', () => {
    expect(listDigest(['a'.repeat(64), 'b'.repeat(64)])).toBe(listDigest(['a'.repeat(64), 'b'.repeat(64)]));
    expect(listDigest(['a'.repeat(64)])).not.toBe(listDigest(['a'.repeat(64), 'b'.repeat(64)]));
    expect(listDigest(['a'.repeat(64)])).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('replaceListCommands', () => {
  it('clears the hub’s list, then adds the hashes in chunks the protocol accepts, each with the salt', () => {
    const hashes = Array.from({ length: 2 * MAX_CODES_PER_COMMAND + 1 }, (_, i) => hashPersonalCode(SALT, `C${i}XYZ`));
    const commands = replaceListCommands(SALT, hashes);
    expect(commands.map((c) => c.type)).toEqual(['codes.clear', 'codes.add', 'codes.add', 'codes.add']);
    const adds = commands.filter((c) => c.type === 'codes.add');
    expect(adds.map((c) => c.hashes.length)).toEqual([MAX_CODES_PER_COMMAND, MAX_CODES_PER_COMMAND, 1]);
    expect(adds.flatMap((c) => c.hashes)).toEqual(hashes);
    for (const c of commands) expect(regieCommandSchema.safeParse(c).success).toBe(true);
    for (const c of adds) expect(c.salt).toBe(SALT);
  });
});
