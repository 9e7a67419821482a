import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { silentLogger } from '../../src/node/log/logger';
import { connectError, connectView, nextSnapshot, repoRoot, send, type ViewSocket } from './helpers';

let dir: string;
let core: RunningCore;
const sockets: ViewSocket[] = [];
const open = (token: string, opts: { origin?: string } = {}) => {
  const s = connectView(core.port, token, opts);
  sockets.push(s);
  return s;
};

function get(path: string, host: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: core.port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-bad-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'control'), { recursive: true });
  writeFileSync(join(rendererDir, 'control', 'index.html'), '<!doctype html><title>control</title>');
  core = await startCore({ dataDir: join(dir, 'data'), rendererDir, resourcesDir: join(repoRoot, 'resources'), port: 0, demo: false, logger: silentLogger, hub: { mode: 'off' } });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bad input at the views channel', () => {
  it('answers a malformed envelope, an unknown command and invalid fields with typed errors', async () => {
    const seat = open(core.tokens.control);
    await nextSnapshot(seat);
    expect(await send(seat, 'just a string')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(await send(seat, { id: 'x', command: {} })).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(await send(seat, { id: 'unknown-cmd-1', command: { type: 'projector.explode' } })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await send(seat, { id: 'bad-clock-1', command: { type: 'clock.set', clock: { mode: 'rehearsal', at: 'tomorrow' } } })).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [expect.objectContaining({ path: 'command.clock.at' })] },
    });
    expect(core.engine.seq).toBe(0);
  });

  it('refuses a 1 MB command with a typed error, and drops a connection that sends over the message limit; others keep working', async () => {
    const seat = open(core.tokens.control);
    const other = open(core.tokens.control);
    await Promise.all([nextSnapshot(seat), nextSnapshot(other)]);
    const big = await send(seat, { id: 'big-note-0001', command: { type: 'log.note', text: 'x'.repeat(1024 * 1024) } });
    expect(big).toMatchObject({ ok: false, error: { code: 'too_large' } });

    const disconnected = new Promise<string>((res) => seat.once('disconnect', res));
    seat.emit('command', { id: 'huge-note-001', command: { type: 'log.note', text: 'x'.repeat(3 * 1024 * 1024) } }, () => undefined);
    expect(await disconnected).toMatch(/transport close|io server disconnect/);

    expect(await send(other, { id: 'after-big-01', command: { type: 'log.note', text: 'toujours là' } })).toMatchObject({ ok: true });
  });

  it('refuses a wrong or missing token at connection', async () => {
    expect((await connectError(open('not-a-token'))).message).toBe('jeton invalide');
    expect((await connectError(open(''))).message).toBe('jeton invalide');
  });

  it('refuses a foreign Origin and a foreign Host', async () => {
    const foreign = open(core.tokens.control, { origin: 'http://evil.example' });
    const err = await connectError(foreign);
    expect(err).toBeInstanceOf(Error);
    expect(foreign.connected).toBe(false);
    const rebinding = await get('/control', `evil.example:${core.port}`);
    expect(rebinding.status).toBe(421);
    const ok = await get('/control', `127.0.0.1:${core.port}`);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('keeps an output seat read-only', async () => {
    const output = open(core.tokens.output);
    const snap = await nextSnapshot(output);
    expect(snap.role).toBe('output');
    expect(snap.access).toBeNull();
    expect(await send(output, { id: 'from-output-1', command: { type: 'log.note', text: 'hack' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pushes back on a flood from one seat with "busy", and still serves another seat', async () => {
    const flooder = open(core.tokens.control);
    const calm = open(core.tokens.control);
    await Promise.all([nextSnapshot(flooder), nextSnapshot(calm)]);
    const results = await Promise.all(
      Array.from({ length: 3000 }, (_, i) => send(flooder, { id: `flood-${String(i).padStart(5, '0')}`, command: { type: 'log.note', text: `f${i}` } })),
    );
    const busy = results.filter((r) => !r.ok && r.error.code === 'busy').length;
    const done = results.filter((r) => r.ok).length;
    expect(busy + done).toBe(3000);
    expect(done).toBeGreaterThan(0);
    expect(await send(calm, { id: 'calm-seat-01', command: { type: 'log.note', text: 'je suis servi' } })).toMatchObject({ ok: true });
  });

  it('sends patches to every seat after a commit, and only what it shows to an output seat', async () => {
    const a = open(core.tokens.control);
    const b = open(core.tokens.output);
    const [, outSnap] = await Promise.all([nextSnapshot(a), nextSnapshot(b)]);
    expect(outSnap.state.notes).toEqual([]); // the logbook stays on control seats
    const controlPatch = new Promise((res) => a.once('patch', res));
    const outputPatch = new Promise((res) => b.once('patch', res));
    await send(a, { id: 'patch-note-01', command: { type: 'log.note', text: 'pas pour la sortie' } });
    expect(await controlPatch).toMatchObject({ ops: expect.arrayContaining([expect.objectContaining({ path: ['notes'] })]) });
    expect(await outputPatch).toMatchObject({ ops: [] });
    const clockPatch = new Promise((res) => b.once('patch', res));
    await send(a, { id: 'patch-clock-01', command: { type: 'clock.set', clock: { mode: 'rehearsal', at: 1_624_517_400_000 } } });
    expect(await clockPatch).toMatchObject({ ops: [expect.objectContaining({ path: ['clock'] })] });
  });
});
