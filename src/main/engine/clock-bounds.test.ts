import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import { parseProgrammeFile } from '../programme/programme-file';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { RegieEngine } from './regie-engine';

const demo = parseProgrammeFile(
  readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'),
  'assises-2021.yaml',
);
const paris = (date: string, time: string) => zonedToEpoch({ date, time }, 'Europe/Paris');

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `clock-${String(n++).padStart(6, '0')}`, command }, 'control-1');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-clock-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => Date.UTC(2026, 10, 28, 12, 0, 0) });
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('clock.set in the core', () => {
  it('refuses a rehearsal clock off the event’s days (year 275760, a month late) in French, and writes nothing', async () => {
    const seq = engine.seq;
    for (const at of [8.64e15, paris('2021-07-24', '10:15')]) {
      expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at } })).toEqual({
        ok: false,
        error: {
          code: 'rejected',
          message: expect.stringContaining(
            'hors des jours de l’événement — choisissez un moment entre le mercredi 23 juin 2021 et le samedi 26 juin 2021 inclus',
          ) as unknown,
        },
      });
    }
    expect(engine.seq).toBe(seq);
    expect(engine.state.clock).toEqual({ mode: 'live' });
  });

  it('takes a rehearsal on the event’s days and on the margin days', async () => {
    expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('2021-06-23', '18:00') } })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('2021-06-25', '10:15') } })).toMatchObject({ ok: true });
    expect(engine.state.clock.mode).toBe('rehearsal');
  });
});
