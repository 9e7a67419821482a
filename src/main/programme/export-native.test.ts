import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Programme } from '../../shared/domain/programme';
import { exportNative } from './export-native';
import { importCsv } from './import-csv';
import { importIcs } from './import-ics';
import { parseProgrammeFile } from './programme-file';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url));
const demo = parseProgrammeFile(read('resources/demo/assises-2021.yaml').toString('utf8'), 'assises-2021.yaml');

describe('exportNative', () => {
  it('round-trips the demo: parse → export → parse gives the same programme', () => {
    const text = exportNative(demo);
    expect(parseProgrammeFile(text, 'export.yaml')).toEqual(demo);
    // And again: the export of the re-read programme is the same text.
    expect(exportNative(parseProgrammeFile(text, 'export.yaml'))).toBe(text);
  });

  it('round-trips through JSON too', () => {
    const json = exportNative(demo, 'json');
    expect(parseProgrammeFile(json, 'export.json')).toEqual(demo);
  });

  it('round-trips the imported programmes', () => {
    const imported: Programme[] = [
      importIcs(read('tests/fixtures/programmes/assises-google.ics'), 'a.ics'),
      importIcs(read('tests/fixtures/programmes/nuit-outlook.ics'), 'b.ics'),
      importCsv(read('tests/fixtures/programmes/assises-point-virgule-bom.csv'), 'c.csv'),
      importCsv(read('tests/fixtures/programmes/programme-virgule.csv'), 'd.csv'),
    ];
    for (const p of imported) expect(parseProgrammeFile(exportNative(p), 'export.yaml')).toEqual(p);
  });

  it('quotes dates, times and offsets, and writes cue moments and actions on one line', () => {
    const text = exportNative(demo);
    expect(text).toMatch(/^ {4}day: "2021-06-24"$/m);
    expect(text).toMatch(/^ {4}start: "09:45"$/m);
    expect(text).toContain('at: { offset: "+00:40" }');
    expect(text).toContain('at: { time: "10:15" }');
    expect(text).toContain('action: { type: poll.open, interaction: charge-de-travail }');
    // Even a YAML 1.1 reader keeps them as strings.
    const raw: unknown = parse(text, { version: '1.1' });
    expect(JSON.stringify(raw)).toContain('"start":"09:45"');
  });

  it('starts with a comment naming the event and keeps long texts on one line', () => {
    const text = exportNative(demo);
    expect(text.split('\n')[0]).toBe('# Programme : 14es Assises nationales de la protection de l’enfance');
    expect(text).toContain(`notice: "${demo.event.notice ?? ''}"`);
    expect(text).toMatch(/\n\n {2}- id: j1-ouverture\n/);
  });

  it('refuses to write an invalid programme', () => {
    const bad = { ...demo, sessions: [...demo.sessions, { ...demo.sessions[0]! }] };
    expect(() => exportNative(bad)).toThrow(/en double/);
  });
});
