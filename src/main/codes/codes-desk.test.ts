import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../node/sqlite/database';
import { hashPersonalCode } from '../../node/presence/presence-key';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import { RegieEngine } from '../engine/regie-engine';
import { Journal } from '../store/journal';
import { Outbox } from '../store/outbox';
import { openRegieDatabase } from '../store/regie-database';
import { Settings } from '../store/settings';
import { Snapshots } from '../store/snapshots';
import { CODES_SALT_KEY } from './code-hashes';
import { CodesDesk } from './codes-desk';

const file = (lines: string[]) => new TextEncoder().encode(`Nom;Code personnel\n${lines.map((c, i) => `Personne ${i};${c}`).join('\n')}\n`);

let dir: string;
let db: Db;
let engine: RegieEngine;
let outbox: Outbox;
let desk: CodesDesk;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-codes-desk-'));
  db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
  const settings = new Settings(db);
  outbox = new Outbox(db);
  desk = new CodesDesk({ engine: () => engine, settings: () => settings, db: () => db });
  engine = new RegieEngine(new Journal(db), new Snapshots(db), {
    snapshotEvery: 1,
    snapshotMinIntervalMs: 0,
    onEvent: (event, _after, meta) => {
      for (const c of desk.commandsFor(event)) outbox.append(outbox.lastSeq() + 1, c, meta.at);
    },
  });
});
afterEach(() => {
  engine.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sent = (): RegieCommand[] => outbox.after(0, 10_000).map((r) => JSON.parse(r.command) as RegieCommand);
const salt = () => new Settings(db).get(CODES_SALT_KEY)!;

describe('CodesDesk', () => {
  it('an import replaces the list: the hub is told to clear, then gets the new hashes with the salt', async () => {
    expect(await desk.importFile(file(['AB12CD34', 'EF56GH78', 'ab12-cd34']), 'Régie — accueil')).toMatchObject({ ok: true, count: 2, report: { duplicates: 1 } });
    const second = Array.from({ length: 400 }, (_, i) => `NEW${String(i).padStart(4, '0')}`);
    expect(await desk.importFile(file(second), 'Régie — accueil')).toMatchObject({ ok: true, count: 400 });
    const commands = sent();
    expect(commands.map((c) => c.type)).toEqual(['codes.clear', 'codes.add', 'codes.clear', 'codes.add', 'codes.add', 'codes.add']);
    const after = commands.slice(commands.lastIndexOf(commands.find((c, i) => c.type === 'codes.clear' && i > 0)!) + 1);
    expect(after.flatMap((c) => (c.type === 'codes.add' ? c.hashes : []))).toEqual(second.map((c) => hashPersonalCode(salt(), c)));
    expect(engine.state.personalCodes).toMatchObject({ count: 400, duplicates: 0, change: 'imported', changedBy: 'Régie — accueil' });
  });

  it('a release hashes the typed code, sends code.release and journals only the hash’s first 8 characters', async () => {
    await desk.importFile(file(['AB12CD34']), 'Régie');
    const hash = hashPersonalCode(salt(), 'AB12CD34');
    expect(await desk.release(' ab12 cd34 ', 'Régie — accueil')).toEqual({ ok: true, hashPrefix: hash.slice(0, 8) });
    expect(sent().at(-1)).toEqual({ type: 'code.release', hash });
    expect(engine.state.personalCodes.releases).toEqual([{ at: expect.any(Number), by: 'Régie — accueil', hashPrefix: hash.slice(0, 8) }]);
    // Unknown codes and a malformed one: refused in French, nothing sent.
    const before = outbox.lastSeq();
    expect(await desk.release('ZZZZ9999', 'Régie')).toMatchObject({ ok: false, status: 404, message: expect.stringContaining('Code inconnu') });
    expect(await desk.release('x', 'Régie')).toMatchObject({ ok: false, status: 400 });
    expect(outbox.lastSeq()).toBe(before);
  });

  it('after « Effacer la liste » nothing can be released and the hub forgets every code', async () => {
    await desk.importFile(file(['AB12CD34']), 'Régie');
    expect(await desk.clear('Régie')).toEqual({ ok: true });
    expect(sent().at(-1)).toEqual({ type: 'codes.clear' });
    expect(engine.state.personalCodes).toMatchObject({ count: 0, change: 'cleared' });
    expect(await desk.release('AB12CD34', 'Régie')).toMatchObject({ ok: false, status: 409 });
  });

  it('a bad file changes nothing', async () => {
    await desk.importFile(file(['AB12CD34']), 'Régie');
    const seq = engine.seq;
    const last = outbox.lastSeq();
    expect(await desk.importFile(new TextEncoder().encode('Nom;Prénom\nA;B\n'), 'Régie')).toMatchObject({ ok: false, status: 400 });
    expect(await desk.importFile(new Uint8Array(), 'Régie')).toMatchObject({ ok: false, status: 400 });
    expect([engine.seq, outbox.lastSeq(), engine.state.personalCodes.count]).toEqual([seq, last, 1]);
  });

  it('the journal and the snapshots hold no code and no hash', async () => {
    const codes = ['SECRET01', 'SECRET02', 'SECRET03'];
    await desk.importFile(file(codes), 'Régie');
    await desk.release('SECRET02', 'Régie');
    engine.flush();
    const rows = db.prepare('SELECT payload FROM journal').pluck().all() as string[];
    const snaps = db.prepare('SELECT state FROM snapshots').pluck().all() as string[];
    expect(snaps.length).toBeGreaterThan(0);
    const text = [...rows, ...snaps, JSON.stringify(engine.state)].join('\n');
    for (const c of codes) {
      expect(text).not.toContain(c);
      expect(text).not.toContain(hashPersonalCode(salt(), c));
    }
    expect(readFileSync(join(dir, 'pupitre.sqlite3')).includes('Personne 1')).toBe(false);
  });
});
