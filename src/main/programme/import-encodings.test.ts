import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProgrammeFile } from './import-programme';
import { ProgrammeFileError } from './programme-file';

/**
 * The same spreadsheet programme saved four ways (tests/fixtures/programmes/assises-*.csv): by
 * Excel on a French Windows (Windows-1252, CRLF), as « Texte Unicode » (UTF-16 LE with BOM), in
 * UTF-16 BE and in UTF-8 without BOM. Each reads as the UTF-8-with-BOM original does.
 */

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/programmes/${name}`, import.meta.url));
const read = (name: string) => readProgrammeFile(fixture(name), name, { eventName: 'Assises 2021' });

function refusal(bytes: Uint8Array, name: string): ProgrammeFileError {
  try {
    readProgrammeFile(bytes, name);
  } catch (err) {
    if (err instanceof ProgrammeFileError) return err;
    throw err;
  }
  throw new Error(`${name} aurait dû être refusé`);
}

describe('programme files in other encodings', () => {
  const reference = read('assises-point-virgule-bom.csv');

  it('the fixtures are what their names say', () => {
    const cp1252 = fixture('assises-windows-1252.csv');
    expect(cp1252.includes(Buffer.from('D\xe9but', 'latin1'))).toBe(true); // « Début » as Excel writes it on Windows
    expect(cp1252.includes(Buffer.from([0x92]))).toBe(true); // « ’ », Windows-1252's own byte
    expect([...fixture('assises-utf16le-bom.csv').subarray(0, 4)]).toEqual([0xff, 0xfe, 0x4a, 0x00]);
    expect([...fixture('assises-utf16be-bom.csv').subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x4a]);
    expect(fixture('assises-utf8-sans-bom.csv')[0]).toBe(0x4a);
  });

  it.each(['assises-windows-1252.csv', 'assises-utf16le-bom.csv', 'assises-utf16be-bom.csv', 'assises-utf8-sans-bom.csv'])(
    '%s reads as the UTF-8 original: « Début » found, accents and apostrophes intact',
    (name) => {
      const p = read(name);
      expect(p).toEqual(reference);
      expect(p.sessions.map((s) => s.title)).toContain('Séquence 1 — Ce que la crise sanitaire a fait aux enfants');
      expect(p.sessions.some((s) => s.notes?.includes('Boucle d’attente'))).toBe(true);
    },
  );

  it('reads a Latin-1 calendar (Windows-1252’s subset)', () => {
    const p = readProgrammeFile(fixture('agenda-latin1.ics'), 'agenda-latin1.ics');
    expect(p.sessions.map((s) => s.title)).toEqual(['Ouverture', 'Séquence 1']);
  });

  it('refuses UTF-16 without its BOM with a sentence that names it', () => {
    const body = fixture('assises-utf16le-bom.csv').subarray(2);
    const e = refusal(body, 'sans-bom.csv');
    expect(e.issues).toEqual([
      {
        line: null,
        column: null,
        field: '',
        message: expect.stringMatching(/^le fichier semble en UTF-16 LE sans marque d’ordre \(BOM\)/),
      },
    ]);
  });

  it('refuses a workbook saved as .csv, saying what it is', () => {
    const e = refusal(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), 'programme.csv');
    expect(e.issues[0]?.message).toMatch(/classeur Excel \(\.xlsx\)/);
  });

  it('reads the native format (YAML) in Windows-1252 too', () => {
    const yaml = 'version: 1\nevent:\n  name: "Journée d’étude"\ndays:\n  - date: "2021-06-24"\nsessions: []\n';
    const bytes = Buffer.from(yaml.replace('’', '\x92'), 'latin1');
    expect(readProgrammeFile(bytes, 'journee.yaml').event.name).toBe('Journée d’étude');
  });
});
