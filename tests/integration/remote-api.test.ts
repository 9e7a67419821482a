import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import { connectView, nextSnapshot, send, spawnCore, type CoreProcess, type ViewSocket } from './helpers';
import { programOf } from '../../src/shared/api/room-bus';
import { cuesOf } from '../../src/shared/api/room-cues';

// The Stream Deck / Companion remote control against a real core (child process, demo programme):
// each action goes through the engine (refusals in French, as HTTP 409), the token is checked,
// the method too, and a flood is answered with 429.

let dir: string;
let core: CoreProcess;
let seat: ViewSocket;
let state: ViewState;
let n = 0;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

function call(method: string, path: string, opts: { bearer?: string; localAddress?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: core.port,
        method,
        path,
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        headers: opts.bearer ? { Authorization: `Bearer ${opts.bearer}` } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(body) as Record<string, unknown> });
          } catch (err) {
            reject(new Error(`not JSON (${res.statusCode}): ${body.slice(0, 200)} ${String(err)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
const control = (method: string, action: string, query = '') => call(method, `/api/remote/${action}?token=${core.tokens.control}${query}`);

async function cmd(command: unknown): Promise<void> {
  expect(await send(seat, { id: `remote-test-${n++}`, command }), JSON.stringify(command)).toMatchObject({ ok: true });
}

async function addShortlisted(text: string): Promise<string> {
  const before = state.audience.questions.length;
  await cmd({ type: 'question.add', text, name: null, sessionId: null });
  await expect.poll(() => state.audience.questions.length).toBe(before + 1);
  const id = state.audience.questions.at(-1)!.id;
  await cmd({ type: 'question.star', questionId: id, starred: true });
  await expect.poll(() => state.audience.questions.find((q) => q.id === id)?.rank ?? null).not.toBeNull();
  return id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-remote-'));
  core = await spawnCore(dir, ['--no-hub']);
  seat = connectView(core.port, core.tokens.control);
  state = (await nextSnapshot(seat)).state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
});
afterAll(async () => {
  seat.close();
  core.child.kill('SIGTERM');
  await core.exited;
  rmSync(dir, { recursive: true, force: true });
});

describe('the remote control (HTTP, for Companion)', () => {
  it('refuses a missing or wrong token with 401, an output token too, and a wrong method with 405', async () => {
    expect((await call('GET', '/api/remote/status')).status).toBe(401);
    const wrong = await call('POST', '/api/remote/take', { bearer: 'pas-le-bon-jeton' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(wrong.json.error).toMatch(/jeton de régie/);
    expect((await call('GET', `/api/remote/take?token=${core.tokens.output}`)).status).toBe(401);
    const put = await call('PUT', `/api/remote/take?token=${core.tokens.control}`);
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST');
    expect((await call('POST', '/api/remote/status', { bearer: core.tokens.control })).status).toBe(405);
    expect((await control('GET', 'explode')).status).toBe(404);
    expect((await call('GET', '/api/remote/status', { bearer: core.tokens.control })).json).toMatchObject({ take: 0 });
  });

  it('reports the status for Companion feedback: on air, preview, lock, next cue', async () => {
    const r = await call('GET', '/api/remote/status', { bearer: core.tokens.control });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      onAir: { kind: 'holding', label: 'Écran d’attente' },
      preview: null,
      locked: false,
      panic: false,
      nextQuestion: null,
    });
    expect(r.json.nextCue).toMatchObject({ id: cuesOf(state).standby });
  });

  it('TAKE refused in French (409) with nothing in preview; accepted once a scene is composed', async () => {
    const empty = await control('POST', 'take');
    expect(empty.status).toBe(409);
    expect(empty.json.error).toMatch(/rien en aperçu/);
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Pause café' } });
    const ok = await control('GET', 'take', '&transition=cut');
    expect(ok.status).toBe(200);
    expect(ok.json.status).toMatchObject({ onAir: { kind: 'message', label: 'Message : Pause café' } });
    // The seat's mirror gets the patch shortly after the HTTP answer.
    await expect.poll(() => programOf(state).onAir).toEqual({ kind: 'message', text: 'Pause café' });
    expect(programOf(state).takeTransition).toEqual({ kind: 'cut', durationMs: 0 });
    const badTransition = await control('POST', 'take', '&transition=wipe');
    expect(badTransition.status).toBe(400);
  });

  it('panic, restore, lock: the engine’s rules, its refusals as 409', async () => {
    expect((await control('POST', 'panic', '&to=black')).status).toBe(200);
    await expect.poll(() => programOf(state).onAir.kind).toBe('black');
    expect((await control('POST', 'restore')).status).toBe(200);
    await expect.poll(() => programOf(state).onAir.kind).toBe('message');
    const again = await control('POST', 'restore');
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/rien à rétablir/);

    await cmd({ type: 'program.preview', scene: { kind: 'join' } });
    expect((await control('POST', 'lock')).status).toBe(200);
    const locked = await control('POST', 'take');
    expect(locked.status).toBe(409);
    expect(locked.json.error).toMatch(/verrouillée/);
    expect((await call('GET', '/api/remote/status', { bearer: core.tokens.control })).json).toMatchObject({
      locked: true,
      preview: { kind: 'join' },
    });
    expect((await control('POST', 'unlock')).status).toBe(200);
    await expect.poll(() => programOf(state).locked).toBe(false);
    expect(programOf(state).onAir.kind).toBe('message');
  });

  it('GO fires the standby cue, as the desk’s Space does', async () => {
    const standby = cuesOf(state).standby;
    expect(standby).not.toBeNull();
    const r = await control('POST', 'go');
    expect(r.status).toBe(200);
    await expect.poll(() => state.cues.runs[standby!]?.status ?? null).not.toBeNull();
  });

  it('GO out of order is refused (409, in French): a Stream Deck cannot fire a cue more than 5 min early', async () => {
    // The standby is now the poll of 10:15, and the show clock reads about 08:50.
    await expect.poll(() => cuesOf(state).standby).toBe('j1-seq1-sondage-ouvrir');
    await new Promise((r) => setTimeout(r, 1100)); // past the double-GO guard: the order is what refuses
    const r = await control('POST', 'go');
    expect(r.status).toBe(409);
    expect(r.json.error).toMatch(/GO hors ordre refusé sans confirmation : j1-seq1-sondage-ouvrir .*plus de 5 min d’avance/);
    expect(state.cues.runs['j1-seq1-sondage-ouvrir']).toBeUndefined();
    expect(state.live.interactions).toEqual({});
  });

  it('next question: the shortlist in the moderators’ order, skipping flagged ones, then 409 when none is left', async () => {
    expect((await control('POST', 'next-question')).status).toBe(409);
    const first = await addShortlisted('Comment associer les enfants aux décisions qui les concernent ?');
    // Flagged (a phone number) and not cleared: never sent to the projector by the remote.
    const flagged = await addShortlisted('Appelez-moi au 06 12 34 56 78 pour en parler');
    expect(state.audience.questions.find((q) => q.id === flagged)!.flags.length).toBeGreaterThan(0);
    const third = await addShortlisted('Quelle place pour les familles d’accueil ?');
    // The moderator moves the third before the first.
    await cmd({ type: 'question.move', questionId: third, beforeId: first });
    await expect
      .poll(
        () =>
          (state.audience.questions.find((q) => q.id === third)!.rank ?? 0) <
          (state.audience.questions.find((q) => q.id === first)!.rank ?? 0),
      )
      .toBe(true);

    const status = await call('GET', `/api/remote/status?token=${core.tokens.control}`);
    expect(status.json.nextQuestion).toMatchObject({ id: third, text: 'Quelle place pour les familles d’accueil ?' });

    const onAirBefore = programOf(state).onAir;
    const previewed = await control('POST', 'preview/next-question');
    expect(previewed.status).toBe(200);
    await expect.poll(() => programOf(state).preview).toMatchObject({ kind: 'question', questionId: third });
    expect(programOf(state).onAir).toEqual(onAirBefore); // the « Rejoindre » scene of the GO above

    expect((await control('POST', 'next-question')).status).toBe(200);
    await expect.poll(() => programOf(state).onAir).toMatchObject({ kind: 'question', questionId: third });
    expect((await control('GET', 'next-question')).status).toBe(200);
    await expect.poll(() => programOf(state).onAir).toMatchObject({ kind: 'question', questionId: first });
    // The flagged one is skipped and nothing follows: a clear refusal, the projector unchanged.
    const none = await control('POST', 'next-question');
    expect(none.status).toBe(409);
    expect(none.json.error).toMatch(/aucune question suivante/);
    expect(programOf(state).onAir).toMatchObject({ kind: 'question', questionId: first });
  });

  it('answers a flood from one address with 429 (other addresses unaffected)', async () => {
    const replies = await Promise.all(
      Array.from({ length: 120 }, () => call('GET', '/api/remote/status', { bearer: 'x', localAddress: '127.0.0.9' })),
    );
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers['retry-after']).toBe('1');
    expect(replies.every((r) => r.status === 429 || r.status === 401)).toBe(true);
    expect((await call('GET', '/api/remote/status', { bearer: core.tokens.control })).status).toBe(200);
  });
});
