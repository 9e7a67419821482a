import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-encoding';

const TEXT = 'Jour;Début;Fin;Titre\n24/06/2021;9h45;11h;Séquence 1 — « l’enfant » 14es €\n';

/** Windows-1252 bytes of a text holding only characters it has. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '—': 0x97, '«': 0xab, '»': 0xbb };
  return Uint8Array.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i += 1) {
    const u = text.charCodeAt(i);
    out.push(...(order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
}
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeTextFile', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeTextFile(utf8(TEXT))).toEqual({ ok: true, encoding: 'UTF-8', text: TEXT });
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toEqual({
      ok: true,
      encoding: 'UTF-8 avec BOM',
      text: TEXT,
    });
  });

  it('reads UTF-16 LE and BE with their BOM', () => {
    expect(decodeTextFile(utf16(TEXT, 'le'))).toEqual({ ok: true, encoding: 'UTF-16 LE', text: TEXT });
    expect(decodeTextFile(utf16(TEXT, 'be'))).toEqual({ ok: true, encoding: 'UTF-16 BE', text: TEXT });
  });

  it('reads Windows-1252 (what Excel saves on a French Windows): « Début », not « D�but »', () => {
    const r = decodeTextFile(cp1252(TEXT));
    expect(r).toEqual({ ok: true, encoding: 'Windows-1252', text: TEXT });
  });

  it('maps every byte Windows-1252 defines in 0x80–0x9F (Œ œ € ’ … — included), whatever the runtime’s TextDecoder does', () => {
    const bytes = [0x80, ...Array.from({ length: 0x1f }, (_, i) => 0x81 + i)].filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    expect(decodeTextFile(Uint8Array.from(bytes))).toEqual({ ok: true, encoding: 'Windows-1252', text: '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ' });
  });

  it('refuses UTF-16 without a BOM, naming it', () => {
    const r = decodeTextFile(utf16(TEXT, 'le', false));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^le fichier semble en UTF-16 LE sans marque d’ordre \(BOM\)/);
    const be = decodeTextFile(utf16(TEXT, 'be', false));
    if (!be.ok) expect(be.message).toMatch(/UTF-16 BE sans marque/);
    else expect.fail('UTF-16 BE sans BOM aurait dû être refusé');
  });

  it('refuses a damaged UTF-8 file (good accents beside a stray byte) with its line, not as Windows-1252', () => {
    const bytes = Uint8Array.from([...utf8('Jour;Début\n'), ...utf8('24/06;'), 0xe9, ...utf8('t\n')]);
    expect(decodeTextFile(bytes)).toMatchObject({
      ok: false,
      line: 2,
      message: /^le fichier est en UTF-8 mais contient un octet invalide \(0xE9, ligne 2\)/,
    });
  });

  it('refuses bytes Windows-1252 does not define (Mac Roman?), UTF-32, a workbook, a binary file', () => {
    const mac = decodeTextFile(Uint8Array.from([...utf8('Titre\nS'), 0x8e, ...utf8('ance\n'), 0x8f]));
    expect(mac).toMatchObject({ ok: false, line: 3 });
    if (!mac.ok) expect(mac.message).toMatch(/ni en UTF-8 ni en Windows-1252 \(octet 0x8F, ligne 3/);
    expect(decodeTextFile(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatchObject({ ok: false, message: /UTF-32/ });
    expect(decodeTextFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({
      ok: false,
      message: /classeur Excel \(\.xlsx\)/,
    });
    expect(decodeTextFile(Uint8Array.from([0x41, 0x0a, 0x42, 0, 0xff, 0xfe, 1]))).toMatchObject({
      ok: false,
      line: 2,
      message: /octets nuls/,
    });
  });

  it('refuses a UTF-16 file whose BOM is followed by an odd number of bytes', () => {
    expect(decodeTextFile(Uint8Array.from([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, message: /UTF-16 LE \(BOM\).*impair/ });
  });
});
