import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { programOf } from '../../src/shared/api/room-bus';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import type { SeatsAnswer } from '../../src/main/server/seats-route';
import { silentLogger } from '../../src/node/log/logger';
import type { SeatWithToken } from '../../src/shared/domain/seats';
import { connectError, connectView, nextSnapshot, repoRoot, send, type ViewSocket } from './helpers';

// Seats against a real core (in this process, real HTTP and socket.io on 127.0.0.1): the tokens of a
// database of before seats keep working, a room seat's command on the main room is refused and
// writes nothing (view channel and remote HTTP), revoking closes a seat's views at once, a new
// token voids the old one. The journal's actor is the seat's name.

const fixture = join(repoRoot, 'tests/fixtures/seats-v0');
let dir: string;
let core: RunningCore | null = null;
const sockets: ViewSocket[] = [];

async function start(from?: string): Promise<RunningCore> {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-seats-'));
  mkdirSync(join(dir, 'renderer'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  if (from) copyFileSync(join(from, 'pupitre.sqlite3'), join(dir, 'data', 'pupitre.sqlite3'));
  core = await startCore({
    dataDir: join(dir, 'data'),
    rendererDir: join(dir, 'renderer'),
    resourcesDir: join(repoRoot, 'resources'),
    port: 0,
    logger: silentLogger,
    hub: { mode: 'off' },
  });
  return core;
}

afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await core?.close();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

function open(token: string): ViewSocket {
  const s = connectView(core!.port, token);
  sockets.push(s);
  return s;
}

function http(method: string, path: string, token?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: core!.port, path, method, headers: token ? { Authorization: `Bearer ${token}` } : {} },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: body ? (JSON.parse(body) as unknown) : null }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const seatOf = (c: RunningCore, name: string): SeatWithToken => {
  const s = c.seats.all().find((x) => x.name === name);
  if (!s) throw new Error(`no seat ${name}: ${c.seats.all().map((x) => x.name).join(', ')}`);
  return s;
};
const journalRows = (c: RunningCore) => c.db.prepare('SELECT COUNT(*) FROM journal').pluck().get() as number;
let n = 0;
const envelope = (command: unknown) => ({ id: `seats-test-${String(n++).padStart(6, '0')}`, command });

describe('seats', () => {
  it('a database of before seats: its printed tokens open the first régie seat, the main output and stage; the old journal replays', async () => {
    const tokens = JSON.parse(readFileSync(join(fixture, 'tokens.json'), 'utf8')) as { control: string; output: string; stage: string };
    const c = await start(fixture);
    expect(c.tokens).toEqual(tokens);
    expect(seatOf(c, 'Régie — modération').token).toBe(tokens.control);
    expect(c.seats.all().find((s) => s.kind === 'output' && s.room === null)?.token).toBe(tokens.output);
    expect(c.seats.all().find((s) => s.kind === 'stage' && s.room === null)?.token).toBe(tokens.stage);
    // The tokens live in their seats from now on, not in the settings too.
    expect(c.db.prepare("SELECT COUNT(*) FROM settings WHERE key LIKE 'token.%'").pluck().get()).toBe(0);
    // Every room of the demo gets its seats; the main room has no moderator seat (the régie is there).
    const names = c.seats.all().map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Régie — conduite', 'Grand Auditorium — sortie', 'Grand Auditorium — scène', 'Salle 450 — animation', 'Salle 450 — sortie', 'Salle 450 — scène']),
    );
    expect(names.filter((x) => x.endsWith('— animation'))).toHaveLength(6);
    expect(new Set(c.seats.all().map((s) => s.token)).size).toBe(c.seats.all().length);

    const desk = open(tokens.control);
    const snap = await nextSnapshot(desk);
    expect(snap.seat).toEqual({ id: 'regie-moderation', name: 'Régie — modération', kind: 'regie', room: null });
    expect(snap.state.notes.map((x) => x.author)).toContain('control-1'); // the old journal's actor, as it was
    expect((await nextSnapshot(open(tokens.output))).role).toBe('output');
    expect((await nextSnapshot(open(tokens.stage))).role).toBe('stage');
    // What the seat does now is journaled under its name.
    expect(await send(desk, envelope({ type: 'log.note', text: 'Vidéoprojecteur 2 rallumé' }))).toMatchObject({ ok: true });
    expect(c.db.prepare('SELECT actor FROM journal ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('Régie — modération');
  });

  it('a room seat’s command on the main room is refused with the reason and writes nothing (view channel); its remote drives its own room’s screen', async () => {
    const c = await start();
    const room = seatOf(c, 'Salle 450 — animation');
    const seat = open(room.token!);
    const snap = await nextSnapshot(seat);
    expect(snap.seat).toMatchObject({ kind: 'room', room: 'salle-450' });
    expect(snap.role).toBe('control');
    expect(snap.state.notes).toEqual([]); // the régie's logbook is not a room's
    const before = journalRows(c);
    const seqBefore = c.engine.seq;
    for (const command of [{ type: 'program.take' }, { type: 'log.note', text: 'Je note' }, { type: 'clock.set', clock: { mode: 'live' } }]) {
      const r = await send(seat, envelope(command));
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Salle 450 — animation/) } });
    }
    expect(journalRows(c)).toBe(before);
    expect(c.engine.seq).toBe(seqBefore);
    // Its remote (a Stream Deck in the workshop) drives its own room's screen, never the plenary's.
    const remote = await http('POST', '/api/remote/panic', room.token!);
    expect(remote.status).toBe(200);
    expect(programOf(c.engine.state, 'salle-450').panicFrom).not.toBeNull();
    expect(programOf(c.engine.state).panicFrom).toBeNull();
    expect(c.db.prepare('SELECT actor FROM journal ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('Salle 450 — animation (télécommande HTTP)');
    // An output's token is no remote's.
    expect((await http('POST', '/api/remote/panic', seatOf(c, 'Salle 450 — sortie').token!)).status).toBe(401);
    // The régie's remote is journaled under the seat's name.
    expect((await http('POST', '/api/remote/panic', c.tokens.control)).status).toBe(200);
    expect(c.db.prepare('SELECT actor FROM journal ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('Régie — modération (télécommande HTTP)');
  });

  it('revoking closes the seat’s open views at once, and its token opens nothing after; a new token brings it back', async () => {
    const c = await start();
    const target = seatOf(c, 'Salle 300 — sortie');
    const view = open(target.token!);
    await nextSnapshot(view);
    const closed = new Promise<string>((resolve) => view.once('disconnect', resolve));
    // Only a régie seat manages seats.
    expect((await http('POST', `/api/seats/${target.id}/revoke`, seatOf(c, 'Salle 450 — animation').token!)).status).toBe(403);
    const r = await http('POST', `/api/seats/${target.id}/revoke`, c.tokens.control);
    expect(r.status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect((await connectError(open(target.token!))).message).toBe('jeton invalide');
    const listed = (await http('GET', '/api/seats', c.tokens.control)).json as SeatsAnswer;
    expect(listed.seats.find((s) => s.id === target.id)).toMatchObject({ addresses: [], revokedAt: expect.any(Number) });
    // A desk cannot lock itself out.
    expect((await http('POST', '/api/seats/regie-moderation/revoke', c.tokens.control)).status).toBe(409);

    const back = await http('POST', `/api/seats/${target.id}/reissue`, c.tokens.control);
    expect(back.status).toBe(200);
    const fresh = c.seats.find(target.id)!.token!;
    expect(fresh).not.toBe(target.token);
    expect((await nextSnapshot(open(fresh))).seat.name).toBe('Salle 300 — sortie');
  });

  it('/health says the core is up to anyone; its memory and journal size only to a régie seat', async () => {
    const c = await start();
    const health = async (token?: string) =>
      (await (await fetch(`http://127.0.0.1:${c.port}/health`, token ? { headers: { Authorization: `Bearer ${token}` } } : {})).json()) as Record<string, unknown>;
    expect(Object.keys(await health()).sort()).toEqual(['ok', 'seq', 'version']);
    expect(Object.keys(await health(c.tokens.output)).sort()).toEqual(['ok', 'seq', 'version']);
    const figures = await health(c.tokens.control);
    expect(figures).toMatchObject({ ok: true, process: { rssMiB: expect.any(Number), heapUsedMiB: expect.any(Number) } });
    expect(figures.journalMiB).toBeGreaterThan(0);
  });

  it('a new token voids the old one and closes the views that use it', async () => {
    const c = await start();
    const conduite = seatOf(c, 'Régie — conduite');
    const desk = open(conduite.token!);
    await nextSnapshot(desk);
    const closed = new Promise<string>((resolve) => desk.once('disconnect', resolve));
    const r = await http('POST', `/api/seats/${conduite.id}/reissue`, c.tokens.control);
    expect(r.status).toBe(200);
    const answer = r.json as { seat: { addresses: string[] } };
    const fresh = c.seats.find(conduite.id)!.token!;
    expect(answer.seat.addresses[0]).toBe(`http://127.0.0.1:${c.port}/control?token=${fresh}`);
    await closed;
    expect((await connectError(open(conduite.token!))).message).toBe('jeton invalide');
    expect((await http('GET', '/api/remote/status', conduite.token!)).status).toBe(401);
    expect((await http('GET', '/api/remote/status', fresh)).status).toBe(200);
  });

  it('a programme with a new room adds that room’s seats, and never removes one', async () => {
    const c = await start();
    const before = c.seats.all().map((s) => s.id);
    const programme = { ...c.engine.state.programme!, rooms: [...(c.engine.state.programme!.rooms ?? []), { id: 'salle-50', name: 'Salle 50' }] };
    expect(await c.engine.submit(envelope({ type: 'programme.load', programme }), 'test')).toMatchObject({ ok: true });
    const after = c.seats.all().map((s) => s.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(c.seats.all().slice(before.length).map((s) => s.name)).toEqual(['Salle 50 — animation', 'Salle 50 — sortie', 'Salle 50 — scène']);
  });
});
