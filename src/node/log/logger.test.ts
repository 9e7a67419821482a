import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from './logger';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pupitre-log-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('file logger', () => {
  it('writes one readable line per entry, with its fields as JSON', () => {
    const log = createFileLogger({ dir });
    log.warn('view refused: bad token', { address: '127.0.0.1' });
    const line = readFileSync(log.file, 'utf8').trim();
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}view refused: bad token \{"address":"127.0.0.1"\}$/);
  });

  it('rotates by size and keeps a bounded number of old files, newest first', () => {
    const log = createFileLogger({ dir, maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 200; i += 1) log.info(`entry ${String(i).padStart(4, '0')}`, { pad: 'x'.repeat(20) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['pupitre.1.log', 'pupitre.2.log', 'pupitre.3.log', 'pupitre.log']);
    expect(readFileSync(join(dir, 'pupitre.log'), 'utf8')).toContain('entry 0199');
    const newestOld = readFileSync(join(dir, 'pupitre.1.log'), 'utf8');
    const oldest = readFileSync(join(dir, 'pupitre.3.log'), 'utf8');
    expect(newestOld > oldest).toBe(true); // later entries sort after earlier ones
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(1000);
  });

  it('survives fields that cannot be serialised', () => {
    const log = createFileLogger({ dir });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    log.error('odd', cyclic);
    expect(existsSync(log.file)).toBe(true);
    expect(readFileSync(log.file, 'utf8')).toContain('unserialisable');
  });
});
