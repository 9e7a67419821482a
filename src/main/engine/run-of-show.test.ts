import { mainQa } from '../../shared/api/room-live';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDelays } from '../../shared/domain/delays';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import { parseProgrammeFile } from '../programme/programme-file';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { decideRestore, decideTick } from './decide';
import { rebuildState, RegieEngine } from './regie-engine';
import { programOf } from '../../shared/api/room-bus';
import { cuesOf } from '../../shared/api/room-cues';

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
const paris = (date: string, time: string) => zonedToEpoch({ date, time }, 'Europe/Paris');
const MIN = 60_000;

let dir: string;
let db: Db;
let realNow: number;
let engine: RegieEngine;
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `ros-${String(n++).padStart(6, '0')}`, command }, 'control-1');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-ros-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  realNow = Date.UTC(2026, 10, 28, 12, 0, 0);
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Puts the rehearsal clock at a wall time of the event, then lets real time run. */
async function rehearseAt(date: string, time: string) {
  expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris(date, time) } })).toMatchObject({ ok: true });
}
const advance = (ms: number) => (realNow += ms);

describe('the run of show in the core', () => {
  it('on a first start flags nothing: no alarm that nothing caused, and nothing fires', async () => {
    await rehearseAt('2021-06-24', '08:50');
    advance(1000); // the demo's clock: the « Rejoindre » cue (auto, 08:50) just passed
    await engine.submitSystem('régie:démarrage', decideRestore);
    expect(engine.state.cues.runs).toEqual({});
    expect(engine.state.asRun).toEqual([]);
    expect(cuesOf(engine.state).standby).toBe('j1-ouverture-participation'); // waits for a GO
    advance(250);
    await engine.submitSystem('régie:horloge', decideTick);
    expect(engine.state.cues.runs).toEqual({});
    expect(programOf(engine.state).onAir).toEqual({ kind: 'holding' });
  });

  it('flags auto cues whose time passed while closed as missed, and never fires them', async () => {
    // The régie ran the show (first start at 08:40), then was closed until 10:14.
    await rehearseAt('2021-06-24', '08:40');
    await engine.submitSystem('régie:démarrage', decideRestore);
    advance(94 * MIN);
    await engine.submitSystem('régie:démarrage', decideRestore);
    expect(engine.state.cues.runs['j1-ouverture-participation']).toMatchObject({ status: 'missed', reason: 'closed' });
    expect(engine.state.asRun.at(-1)).toMatchObject({ kind: 'cue.missed', cueId: 'j1-ouverture-participation', sessionId: 'j1-ouverture' });
    expect(engine.state.live.interactions).toEqual({});
  });

  it('GO fires a cue and opens its poll; a second GO within a second is refused', async () => {
    await rehearseAt('2021-06-24', '10:15');
    const go = await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' });
    expect(go).toMatchObject({ ok: true });
    expect(engine.state.live.interactions['charge-de-travail']).toMatchObject({ status: 'open', revealed: false });
    expect(engine.state.asRun.at(-1)).toMatchObject({ kind: 'cue.fired', cueId: 'j1-seq1-sondage-ouvrir', plannedAt: paris('2021-06-24', '10:15') });
    advance(300);
    expect(await cmd({ type: 'cue.go' })).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringContaining('deux appuis') } });
  });

  it('a manual cue waits for GO; an auto cue fires on the tick at its (delayed) time', async () => {
    await rehearseAt('2021-06-24', '10:40');
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true }); // the poll's cues are passed over
    expect(mainQa(engine.state).open).toBe(true);
    expect(await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 12 })).toMatchObject({ ok: true });
    const schedule = applyDelays(demo, engine.state.delays);
    expect(schedule['j1-seq1']?.startDelay).toBe(12);
    // The Q&A closes by itself at +01:10 after the session's start: 10:55 planned, 11:07 expected.
    advance(26 * MIN); // 11:06
    await engine.submitSystem('régie:horloge', decideTick);
    expect(mainQa(engine.state).open).toBe(true);
    advance(MIN + 5000); // 11:07:05, within the 15 s an auto cue may be late
    await engine.submitSystem('régie:horloge', decideTick);
    expect(mainQa(engine.state).open).toBe(false);
    expect(engine.state.cues.runs['j1-seq1-questions-fermer']).toMatchObject({ status: 'fired', trigger: 'auto' });
    // Manual cues never fire by themselves.
    expect(engine.state.cues.runs['j1-seq1-sondage-fermer']).toBeUndefined();
  });

  it('a delay can be taken back, and the as-run log keeps both, on the show clock', async () => {
    await rehearseAt('2021-06-24', '10:05');
    await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 12 });
    expect(engine.state.asRun.at(-1)?.actualAt).toBe(paris('2021-06-24', '10:05'));
    expect(await cmd({ type: 'delay.clear', sessionId: 'j1-seq1' })).toMatchObject({ ok: true });
    expect(engine.state.delays).toEqual([]);
    expect(engine.state.asRun.map((e) => [e.kind, e.detail])).toEqual([
      ['delay.set', '+12 min'],
      ['delay.cleared', ''],
    ]);
    expect(await cmd({ type: 'delay.clear', sessionId: 'j1-seq1' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await cmd({ type: 'delay.set', sessionId: 'nope', minutes: 5 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('nope') } });
  });

  it('marks the actual start of a session against its planned time', async () => {
    await rehearseAt('2021-06-24', '09:52');
    await cmd({ type: 'session.mark', sessionId: 'j1-seq1', edge: 'start' });
    expect(engine.state.sessionMarks['j1-seq1']?.startedAt).toBe(paris('2021-06-24', '09:52'));
    expect(engine.state.asRun.at(-1)).toMatchObject({ kind: 'session.start', plannedAt: paris('2021-06-24', '09:45'), actualAt: paris('2021-06-24', '09:52') });
  });

  it('imports a programme file all or nothing, with the line and field of each error', async () => {
    const bad = 'Jour;Début;Fin;Titre\n24/06/2021;09:00;08:00;Ouverture\n';
    const r = await cmd({ type: 'programme.import', fileName: 'programme.csv', content: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected', issues: [expect.objectContaining({ path: expect.stringContaining('ligne 2') })] } });
    expect(engine.state.programme).toEqual(demo);
    const good = 'Jour;Début;Fin;Titre;Type\n24/06/2021;09:00;10:00;Ouverture;ouverture\n';
    expect(await cmd({ type: 'programme.import', fileName: 'programme.csv', content: good })).toMatchObject({ ok: true });
    expect(engine.state.programme?.sessions).toHaveLength(1);
  });

  it('rebuilds the run of show from the journal after a restart', async () => {
    await rehearseAt('2021-06-24', '10:15');
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' });
    await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 7 });
    await cmd({ type: 'cue.hold' });
    const restarted = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
    expect(restarted.state).toEqual(engine.state);
    expect(rebuildState(new Journal(db), null).state).toEqual(engine.state);
    expect(cuesOf(restarted.state).held).toBe(true);
  });
});

describe('the join address', () => {
  it('is chosen by the operator among the hub’s addresses (or a public one), and validated', async () => {
    expect(engine.state.joinUrl).toBeNull();
    expect(await cmd({ type: 'join.choose', url: 'http://192.168.10.5:4871/?e=ABC234' })).toMatchObject({ ok: true });
    expect(engine.state.joinUrl).toBe('http://192.168.10.5:4871/?e=ABC234');
    expect(await cmd({ type: 'join.choose', url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await cmd({ type: 'join.choose', url: null })).toMatchObject({ ok: true });
    expect(engine.state.joinUrl).toBeNull();
  });
});
