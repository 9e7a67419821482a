import { describe, expect, it } from 'vitest';
import { encodeOscMessage, parseOscMessage } from './osc-message';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((b) => parseInt(b, 16)),
  );

describe('OSC messages', () => {
  it('reads a message with a string argument (bytes as a Stream Deck sends them)', () => {
    // "/pupitre/take" (13 bytes + NUL → 16), ",s" (→ 4), "abc" (→ 4)
    const bytes = hex('2f707570 69747265 2f74616b 65000000  2c730000  61626300');
    expect(parseOscMessage(bytes)).toEqual({ ok: true, message: { address: '/pupitre/take', args: ['abc'] } });
  });

  it('reads int32 and float32 arguments, big-endian', () => {
    const bytes = hex('2f780000 2c696600 00000064 3f800000');
    expect(parseOscMessage(bytes)).toEqual({ ok: true, message: { address: '/x', args: [100, 1] } });
  });

  it('takes a message without type tags as having no arguments', () => {
    expect(parseOscMessage(hex('2f676f00'))).toEqual({ ok: true, message: { address: '/go', args: [] } });
  });

  it('refuses bundles, unknown types, truncated and unaligned packets with a reason', () => {
    expect(parseOscMessage(hex('2362756e 646c6500 00000000 00000001'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/#bundle/),
    });
    expect(parseOscMessage(hex('2f780000 2c620000 00000000'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/non pris en charge : b/),
    });
    expect(parseOscMessage(hex('2f780000 2c690000'))).toMatchObject({ ok: false, reason: expect.stringMatching(/tronqué/) });
    expect(parseOscMessage(hex('2f78002c 73'))).toMatchObject({ ok: false, reason: expect.stringMatching(/multiple de 4/) });
    expect(parseOscMessage(hex('78797a00'))).toMatchObject({ ok: false, reason: expect.stringMatching(/commence par \//) });
    expect(parseOscMessage(hex('2f787878'))).toMatchObject({ ok: false, reason: expect.stringMatching(/non terminée/) });
  });

  it('writes what it reads', () => {
    const bytes = encodeOscMessage('/pupitre/refused', ['sortie verrouillée', 409]);
    expect(bytes.length % 4).toBe(0);
    expect(parseOscMessage(bytes)).toEqual({ ok: true, message: { address: '/pupitre/refused', args: ['sortie verrouillée', 409] } });
    expect(encodeOscMessage('/pupitre/take', ['abc'])).toEqual(hex('2f707570 69747265 2f74616b 65000000  2c730000  61626300'));
  });
});
