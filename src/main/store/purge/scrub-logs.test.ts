import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameIndex, scrubLogs, scrubText } from './scrub-logs';

const erased = {
  participants: new Map([['participantSecret000001', 'Pseudo0000000001']]),
  messages: new Map([['participantSecret000001:c7', 'Pseudo0000000001:1']]),
  names: new Set(['Léa', '06 12 34 56 78', 'Sandrine Vasseur', 'x']),
};

describe('scrubText', () => {
  it('replaces ids by their pseudonyms and erased names by « [nom] », as whole words only', () => {
    const line =
      'ERROR failed {"msgId":"participantSecret000001:c7","other":"participantSecret000001:c9","who":"Sandrine Vasseur"} Léa, Léandre, 06 12 34 56 78';
    const r = scrubText(line, erased, nameIndex(erased.names));
    expect(r.text).toBe('ERROR failed {"msgId":"Pseudo0000000001:1","other":"Pseudo0000000001:c9","who":"[nom]"} [nom], Léandre, [nom]');
    expect(r.replaced).toBe(5);
  });
});

describe('scrubLogs', () => {
  it('rewrites only the log files that quote something erased, and leaves nothing else behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pupitre-logs-'));
    try {
      mkdirSync(join(dir, 'logs'));
      writeFileSync(join(dir, 'logs', 'pupitre.log'), 'INFO core listening\n');
      writeFileSync(join(dir, 'logs', 'pupitre.2.log'), 'WARN participantSecret000001 dit Léa\n');
      writeFileSync(join(dir, 'logs', 'autre.txt'), 'Léa\n');
      expect(scrubLogs(join(dir, 'logs'), erased)).toEqual({ files: 2, replaced: 2 });
      expect(readFileSync(join(dir, 'logs', 'pupitre.2.log'), 'utf8')).toBe('WARN Pseudo0000000001 dit [nom]\n');
      expect(readFileSync(join(dir, 'logs', 'pupitre.log'), 'utf8')).toBe('INFO core listening\n');
      expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['autre.txt', 'pupitre.2.log', 'pupitre.log']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
