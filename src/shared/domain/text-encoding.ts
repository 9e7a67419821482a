/**
 * Reading a text file whatever tool saved it: UTF-8 (with or without BOM), UTF-16 LE or BE (with
 * their BOM: Excel's « Texte Unicode »), or Windows-1252 (Excel's « CSV (séparateur : point-virgule) »
 * on a French Windows, and Latin-1, its subset). Anything else is refused with a sentence that
 * names what the file seems to be. Pure (TextDecoder is in browsers and Node): the desk decodes a
 * chosen file with it before sending it, the core a file read from disk.
 */

export type TextEncodingName = 'UTF-8' | 'UTF-8 avec BOM' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  /** `line`: where the first byte that does not fit is (1-based), when there is one. */
  | { ok: false; message: string; line: number | null };

const SAVE_AS_UTF8 = 'enregistrez-le en « CSV UTF-8 » (ou en UTF-8 depuis l’éditeur ou l’agenda)';

/**
 * Windows-1252's bytes 0x80–0x9F (the rest is Latin-1). Written out because Node 20's
 * TextDecoder('windows-1252') decodes them as Latin-1's C1 controls (« ’ » would become U+0092).
 * 0 marks the five bytes it leaves undefined.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Latin-1 natively (fast: a 3 MB list of codes in a few ms), then 0x80–0x9F mapped as Windows-1252. */
function decodeCp1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || 0xfffd));
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The 1-based line of byte `at` (counting LF bytes before it). */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Where a strict UTF-8 reading fails, and how many well-formed multi-byte sequences come before the end. */
function scanUtf8(bytes: Uint8Array): { firstBad: number | null; multiByte: number } {
  let firstBad: number | null = null;
  let multiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k += 1) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok && need === 2) {
      const b1 = bytes[i + 1] ?? 0;
      // No overlong forms, no surrogates.
      ok = !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 >= 0xa0);
    }
    if (ok && need === 3) {
      const b1 = bytes[i + 1] ?? 0;
      ok = !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 >= 0x90);
    }
    if (!ok) {
      firstBad ??= i;
      i += 1;
      continue;
    }
    if (need > 0) multiByte += 1;
    i += need + 1;
  }
  return { firstBad, multiByte };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const name: TextEncodingName = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) {
    return {
      ok: false,
      line: null,
      message: `le fichier commence comme de l’${name} (BOM) mais son nombre d’octets est impair : ${SAVE_AS_UTF8}`,
    };
  }
  try {
    return { ok: true, encoding: name, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    return {
      ok: false,
      line: null,
      message: `le fichier commence comme de l’${name} (BOM) mais contient des caractères invalides : ${SAVE_AS_UTF8}`,
    };
  }
}

/** Whether NUL bytes sit on one parity only, as in UTF-16 text without a BOM. */
function looksLikeBomlessUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 1024));
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) even += 1;
      else odd += 1;
    }
  });
  const half = sample.length / 2;
  if (odd > half * 0.3 && even === 0) return 'LE';
  if (even > half * 0.3 && odd === 0) return 'BE';
  return null;
}

/** Decodes a text file's bytes, or says in French why it cannot be read. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, line: null, message: `le fichier est en UTF-32, que Pupitre ne lit pas : ${SAVE_AS_UTF8}` };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes, 'utf-16be');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      ok: false,
      line: null,
      message: 'c’est un classeur Excel (.xlsx) ou une archive, pas un texte : enregistrez la feuille en « CSV UTF-8 »',
    };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      ok: false,
      line: null,
      message: 'c’est un classeur Excel ancien (.xls), pas un texte : enregistrez la feuille en « CSV UTF-8 »',
    };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const utf16Guess = looksLikeBomlessUtf16(body);
    if (utf16Guess) {
      return { ok: false, line: null, message: `le fichier semble en UTF-16 ${utf16Guess} sans marque d’ordre (BOM) : ${SAVE_AS_UTF8}` };
    }
    return { ok: false, line: lineOf(body, nul), message: `le fichier contient des octets nuls : ce n’est pas un texte (${SAVE_AS_UTF8})` };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, encoding: bom ? 'UTF-8 avec BOM' : 'UTF-8', text };
  } catch {
    // Not UTF-8: below, Windows-1252 or a refusal.
  }
  const { firstBad: found, multiByte } = scanUtf8(body);
  const firstBad = found ?? 0;
  const line = lineOf(body, firstBad);
  const byte = `0x${(body[firstBad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  if (bom || multiByte > 0) {
    // Well-formed UTF-8 accents beside bytes that are not: a damaged UTF-8 file, not Windows-1252.
    return {
      ok: false,
      line,
      message: `le fichier est en UTF-8${bom ? ' (BOM)' : ''} mais contient un octet invalide (${byte}, ligne ${line}) : ${SAVE_AS_UTF8}`,
    };
  }
  const bad = body.findIndex((b) => b >= 0x80 && b <= 0x9f && CP1252_HIGH[b - 0x80] === 0);
  if (bad >= 0) {
    const at = lineOf(body, bad);
    const value = `0x${(body[bad] ?? 0).toString(16).toUpperCase()}`;
    return {
      ok: false,
      line: at,
      message: `le fichier n’est ni en UTF-8 ni en Windows-1252 (octet ${value}, ligne ${at} : Mac Roman ou autre ?) : ${SAVE_AS_UTF8}`,
    };
  }
  return { ok: true, encoding: 'Windows-1252', text: decodeCp1252(body) };
}
