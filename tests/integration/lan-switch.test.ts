import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { lanAddresses } from '../../src/main/server/lan-listeners';
import type { SeatsAnswer } from '../../src/main/server/seats-route';
import type { Logger } from '../../src/node/log/logger';
import { connectError, nextSnapshot, repoRoot, spawnCore, type ViewSocket } from './helpers';

// « Ouvrir aux tablettes du réseau local » against a real core: switched live from a régie seat,
// reached from this machine's venue address (the sandbox has one: eth0), closed again (its
// listener gone, its connections cut, its Host and Origin refused), the choice kept across a
// restart and logged with the seat that made it. Opened, nothing answers without a token.

const LAN = lanAddresses()[0];
let dir = '';
let core: RunningCore | null = null;
const sockets: ViewSocket[] = [];
const logged: { msg: string; fields: Record<string, unknown> }[] = [];
const logger: Logger = {
  debug: () => {},
  info: (msg, fields = {}) => logged.push({ msg, fields }),
  warn: () => {},
  error: () => {},
};

async function start(opts: { lan?: boolean } = {}): Promise<RunningCore> {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'pupitre-lan-'));
    mkdirSync(join(dir, 'renderer', 'control'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'control', 'index.html'), '<!doctype html><title>Pupitre</title>');
  }
  core = await startCore({
    dataDir: join(dir, 'data'),
    rendererDir: join(dir, 'renderer'),
    resourcesDir: join(repoRoot, 'resources'),
    port: 0,
    logger,
    hub: { mode: 'off' },
    ...opts,
  });
  return core;
}

afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await core?.close();
  core = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
  logged.length = 0;
});

const token = (c: RunningCore, name: string) => c.seats.all().find((s) => s.name === name)!.token!;

async function call(address: string, c: RunningCore, path: string, init: { method?: string; token?: string | undefined; body?: unknown } = {}) {
  const res = await fetch(`http://${address}:${c.port}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* a page or a sentence */
  }
  return { status: res.status, text, json: json as Record<string, unknown> | null };
}

function connectable(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, address);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

/** A raw request with the headers a browser would send (fetch does not let a test set Host). */
function raw(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The views' socket.io handshake as a page at `origin` opens it. */
async function handshake(address: string, port: number, origin: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://${address}:${port}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } });
  return { status: res.status, body: await res.text() };
}

function view(address: string, port: number, seatToken: string, origin?: string): ViewSocket {
  const s: ViewSocket = io(`http://${address}:${port}`, {
    auth: { token: seatToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(origin ? { extraHeaders: { Origin: origin } } : {}),
  });
  sockets.push(s);
  return s;
}

describe.skipIf(!LAN)('the LAN switch on a real core', () => {
  it('opens live from a régie seat: the tablets reach the views at the LAN address, and nothing answers there without a token', async () => {
    const c = await start();
    const regie = c.tokens.control;
    const salle450 = token(c, 'Salle 450 — animation');
    expect(await connectable(LAN!, c.port)).toBe('ECONNREFUSED');
    expect((await call('127.0.0.1', c, '/api/lan', { token: regie })).json).toMatchObject({ ok: true, open: false, addresses: [], changedBy: null });
    // Only a régie seat switches it.
    for (const t of [undefined, salle450, token(c, 'Salle 450 — sortie')]) {
      const r = await call('127.0.0.1', c, '/api/lan', { method: 'POST', token: t, body: { open: true } });
      expect(r.status).toBe(403);
      expect(r.json?.message).toBe('Jeton de régie requis pour ouvrir la régie au réseau local.');
    }
    expect((await call('127.0.0.1', c, '/api/lan', { method: 'POST', token: regie, body: { open: 'oui' } })).status).toBe(400);
    expect(await connectable(LAN!, c.port)).toBe('ECONNREFUSED');

    const opened = await call('127.0.0.1', c, '/api/lan', { method: 'POST', token: regie, body: { open: true } });
    expect(opened.json).toMatchObject({ ok: true, open: true, addresses: [LAN], failed: [], changedBy: 'Régie — modération' });
    expect(logged.find((l) => l.msg === 'lan opened')?.fields).toMatchObject({ by: 'Régie — modération', addresses: [LAN] });

    // The seats' addresses (and QR codes) give the LAN address first.
    const seats = (await call('127.0.0.1', c, '/api/seats', { token: regie })).json as unknown as SeatsAnswer;
    const room = seats.seats.find((s) => s.name === 'Salle 450 — animation')!;
    expect(room.addresses[0]).toBe(`http://${LAN}:${c.port}/control?token=${salle450}&room=salle-450`);
    expect(room.addresses[1]).toMatch(/^http:\/\/127\.0\.0\.1:/);

    // From the venue network: a tablet with its seat's address opens its view.
    const origin = `http://${LAN}:${c.port}`;
    const tablet = view(LAN!, c.port, salle450, origin);
    expect((await nextSnapshot(tablet)).seat).toMatchObject({ name: 'Salle 450 — animation', room: 'salle-450' });
    // Without a token, or from a page elsewhere, nothing.
    expect((await connectError(view(LAN!, c.port, 'pas-un-jeton', origin))).message).toBe('jeton invalide');
    expect(await handshake(LAN!, c.port, 'http://evil.example')).toMatchObject({ status: 403, body: expect.stringContaining('origine non autorisée') });
    expect((await handshake(LAN!, c.port, origin)).status).toBe(200);
    expect((await call(LAN!, c, '/health')).json).toEqual({ ok: true });
    expect((await call(LAN!, c, '/health', { token: regie })).json).toMatchObject({ ok: true, seq: c.engine.seq });
    expect((await call('127.0.0.1', c, '/health')).json).toMatchObject({ ok: true, seq: c.engine.seq });
    for (const [method, path] of [
      ['GET', '/api/seats'],
      ['GET', '/api/lan'],
      ['POST', '/api/lan'],
      ['POST', '/api/codes/clear'],
      ['POST', '/api/purge'],
      ['GET', '/api/remote/status'],
      ['POST', '/api/remote/panic'],
      ['GET', '/export/as-run.csv'],
      ['GET', '/export?scope=all&format=csv'],
    ] as const) {
      const r = await call(LAN!, c, path, { method });
      expect([401, 403], `${method} ${path} without a token: ${r.status} ${r.text.slice(0, 80)}`).toContain(r.status);
    }
    // The pages themselves are the built views, with no data (their data comes over the token's socket).
    expect((await call(LAN!, c, '/control')).text).toBe('<!doctype html><title>Pupitre</title>');
  });

  it('closes live: the LAN listener is gone, the tablets are cut, the LAN Host and Origin refused; loopback keeps working', async () => {
    const c = await start();
    const regie = c.tokens.control;
    await c.lan.set(true, 'Régie — conduite');
    const origin = `http://${LAN}:${c.port}`;
    const tablet = view(LAN!, c.port, token(c, 'Salle 450 — animation'), origin);
    await nextSnapshot(tablet);
    expect(await c.lan.state()).toMatchObject({ views: 1 });
    const cut = new Promise<string>((resolve) => tablet.once('disconnect', resolve));

    const closed = await call('127.0.0.1', c, '/api/lan', { method: 'POST', token: regie, body: { open: false } });
    expect(closed.json).toMatchObject({ ok: true, open: false, addresses: [], connections: 0, views: 0, changedBy: 'Régie — modération' });
    expect(await cut).toBe('transport close');
    expect(await connectable(LAN!, c.port)).toBe('ECONNREFUSED');
    expect(logged.find((l) => l.msg === 'lan closed')?.fields).toEqual({ by: 'Régie — modération', viewsCut: 1 });
    // A page on this machine that names the LAN address is refused now (Host and Origin checks).
    expect((await raw(c.port, '/health', { Host: `${LAN}:${c.port}` })).status).toBe(421);
    expect(await handshake('127.0.0.1', c.port, origin)).toMatchObject({ status: 403, body: expect.stringContaining('origine non autorisée') });
    expect((await handshake('127.0.0.1', c.port, `http://127.0.0.1:${c.port}`)).status).toBe(200);
    // The seats' addresses are this machine's only again; the desk here still works.
    const seats = (await call('127.0.0.1', c, '/api/seats', { token: regie })).json as unknown as SeatsAnswer;
    expect(seats.seats.every((s) => s.addresses.every((a) => a.startsWith('http://127.0.0.1:')))).toBe(true);
    expect((await nextSnapshot(view('127.0.0.1', c.port, regie))).seat.name).toBe('Régie — modération');
  });

  it('keeps the choice across a restart (with who and when); `lan: false` keeps a run closed without changing it', async () => {
    let c = await start();
    await call('127.0.0.1', c, '/api/lan', { method: 'POST', token: c.tokens.control, body: { open: true } });
    const stored = JSON.parse(c.db.prepare("SELECT value FROM settings WHERE key = 'lan.open'").pluck().get() as string) as { open: boolean; by: string; at: number };
    expect(stored).toMatchObject({ open: true, by: 'Régie — modération' });
    await c.close();

    c = await start();
    expect(await c.lan.state()).toMatchObject({ open: true, addresses: [LAN], changedBy: 'Régie — modération', changedAt: stored.at });
    expect(await connectable(LAN!, c.port)).toBe('connected');
    expect(logged.find((l) => l.msg === 'lan open at start')?.fields).toMatchObject({ from: 'setting' });
    await c.close();

    c = await start({ lan: false });
    expect(await c.lan.state()).toMatchObject({ open: false, addresses: [] });
    expect(await connectable(LAN!, c.port)).toBe('ECONNREFUSED');
    // The stored choice is still the desk's.
    expect(JSON.parse(c.db.prepare("SELECT value FROM settings WHERE key = 'lan.open'").pluck().get() as string)).toMatchObject({ open: true });
  });
});

describe.skipIf(!LAN)('npm run serve and the LAN', () => {
  it('--lan opens for the run; without it, the desk’s stored choice applies at the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pupitre-lan-serve-'));
    try {
      const first = await spawnCore(dataDir, ['--lan']);
      try {
        expect(await connectable(LAN!, first.port)).toBe('connected');
        // The desk closes it.
        const r = await fetch(`http://127.0.0.1:${first.port}/api/lan`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${first.tokens.control}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ open: false }),
        });
        expect(((await r.json()) as { open: boolean }).open).toBe(false);
        expect(await connectable(LAN!, first.port)).toBe('ECONNREFUSED');
      } finally {
        await first.stop();
      }
      // No --lan: the desk's choice (closed).
      const second = await spawnCore(dataDir);
      try {
        expect(await connectable(LAN!, second.port)).toBe('ECONNREFUSED');
        await fetch(`http://127.0.0.1:${second.port}/api/lan`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${second.tokens.control}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ open: true }),
        });
      } finally {
        await second.stop();
      }
      // No --lan: the desk opened it last, so it opens at start.
      const third = await spawnCore(dataDir);
      try {
        expect(await connectable(LAN!, third.port)).toBe('connected');
        const log = readFileSync(join(dataDir, 'logs', 'pupitre.log'), 'utf8');
        expect(log).toMatch(/lan opened.*Régie — modération/);
        expect(log).toMatch(/lan closed.*Régie — modération/);
      } finally {
        await third.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
