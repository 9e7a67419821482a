import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { CODES_SALT_KEY } from '../../src/main/codes/code-hashes';
import { Settings } from '../../src/main/store/settings';
import { CODE_TAKEN } from '../../src/hub/join-decision';
import { newParticipantId, participantSocket, TestParticipant } from '../../src/hub/testing/clients';
import { silentLogger } from '../../src/node/log/logger';
import { hashPersonalCode } from '../../src/node/presence/presence-key';
import { connectView, nextSnapshot, repoRoot, type ViewSocket } from './helpers';

/**
 * The régie's side of the personal codes, end to end through a real core and its embedded hub
 * (docs/rooms.md § 4): 1,000 codes imported from a CSV at the desk's route reach the hub as
 * hashes; a phone joining with one is an identified remote attendee; a second phone with the same
 * code is refused until the desk releases it. Neither the régie's journal and snapshots, nor its
 * database file, nor the snapshot a desk receives hold any code in clear (nor a hash, but the outbox).
 */

const N = 1000;
const codeOf = (i: number) => `ASSISES-${String(i).padStart(4, '0')}`;
const csv = ['Nom;Prénom;Courriel;Code personnel', ...Array.from({ length: N }, (_, i) => `Nom${i};Prénom${i};inscrit${i}@exemple.fr;${codeOf(i)}`)].join('\r\n');

let dir: string;
let core: RunningCore;
const closers: { close(): void }[] = [];

async function until<T>(get: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function post(path: string, body: string | Uint8Array, token = core.tokens.control): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${core.port}${path}`, { method: 'POST', body, headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every command the outbox holds was applied by the hub. */
const delivered = () => until(() => core.link?.current.state === 'online' && core.link.current.outboxPending === 0, 'outbox livrée au hub');

const hubCodes = async (): Promise<unknown> => {
  const token = new Settings(core.db).get('hub.regieToken');
  const res = await fetch(`http://127.0.0.1:${core.hub!.port}/health`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { codes?: unknown }).codes;
};

const phone = (code: string) => {
  const p = new TestParticipant(participantSocket(core.hub!.port), newParticipantId(), 'remote', core.link!.current.eventCode!);
  p.joinWith = { code };
  closers.push(p);
  return p;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-personal-codes-'));
  core = await startCore({
    dataDir: dir,
    rendererDir: join(repoRoot, 'none'),
    resourcesDir: join(repoRoot, 'resources'),
    port: 0,
    logger: silentLogger,
    hub: { mode: 'embedded', port: 0, host: '127.0.0.1' },
  });
  await delivered();
});
afterAll(async () => {
  closers.forEach((c) => c.close());
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('personal codes from the desk to the phones', () => {
  it('refuses anyone but a régie seat, and a bad file, in French', async () => {
    const output = core.seats.all().find((s) => s.kind === 'output')!.token!;
    expect(await post('/api/codes/import', csv, output)).toMatchObject({ status: 403, body: { ok: false, message: 'Jeton de régie requis pour gérer les codes personnels.' } });
    expect(await post('/api/codes/import', '')).toMatchObject({ status: 400, body: { message: 'Le fichier est vide : aucun code à importer.' } });
    expect(core.engine.state.personalCodes.count).toBe(0);
  });

  it('imports 1,000 codes; one phone per code; the desk’s release lets the second phone in', async () => {
    const checked = await post('/api/codes/check', `${csv}\r\nA;B;C;${codeOf(7)}\r\nnom;x;y;pas@un.code`);
    expect(checked).toMatchObject({ status: 200, body: { ok: true, report: { codes: N, duplicates: 1, duplicateLines: [N + 2], malformed: 1, column: 'Code personnel' } } });
    expect(core.engine.state.personalCodes.count).toBe(0);

    expect(await post('/api/codes/import', csv)).toMatchObject({ status: 200, body: { ok: true, count: N } });
    expect(core.engine.state.personalCodes).toMatchObject({ count: N, change: 'imported', changedBy: 'Régie — modération' });
    await delivered();
    expect(await hubCodes()).toBe(N);

    const first = phone('assises-0042');
    expect(await first.rejoin()).toMatchObject({ ok: true });
    expect(first.place).toMatchObject({ origin: 'remote', identified: true });
    const second = phone('ASSISES 0042');
    expect(await second.rejoin()).toEqual({ ok: false, error: { code: 'already_done', message: CODE_TAKEN, field: 'code' } });

    const released = await post('/api/codes/release', JSON.stringify({ code: 'Assises-0042' }));
    const salt = new Settings(core.db).get(CODES_SALT_KEY)!;
    expect(released).toEqual({ status: 200, body: { ok: true, hashPrefix: hashPersonalCode(salt, 'ASSISES0042').slice(0, 8) } });
    await delivered();
    expect(await second.rejoin()).toMatchObject({ ok: true });
    expect(second.place).toMatchObject({ origin: 'remote', identified: true });

    expect(await post('/api/codes/release', JSON.stringify({ code: 'PAS-DANS-LA-LISTE' }))).toMatchObject({ status: 404, body: { ok: false } });
  });

  it('a second import replaces the list: the old codes are refused on the phones', async () => {
    const next = ['Code', 'NOUVEAU-0001', 'NOUVEAU-0002'].join('\n');
    expect(await post('/api/codes/import', next)).toMatchObject({ status: 200, body: { count: 2 } });
    await delivered();
    expect(await hubCodes()).toBe(2);
    expect(await phone(codeOf(1)).rejoin()).toMatchObject({ ok: false, error: { field: 'code' } });
    expect(await phone('nouveau-0002').rejoin()).toMatchObject({ ok: true });
  });

  it('neither the database file, the journal, the snapshots nor the desk’s snapshot hold a code in clear', async () => {
    core.engine.flush();
    const salt = new Settings(core.db).get(CODES_SALT_KEY)!;
    const sample = [0, 42, 500, 999].map(codeOf);
    // The bytes of the régie's database and its WAL, whatever table they are in.
    const bytes = readdirSync(dir)
      .filter((f) => f.startsWith('pupitre.sqlite3'))
      .map((f) => readFileSync(join(dir, f)));
    expect(bytes.length).toBeGreaterThan(0);
    for (const b of bytes) {
      for (const c of [...sample, 'ASSISES0042', 'NOUVEAU0001']) expect(b.includes(c)).toBe(false);
      for (const leftOut of ['inscrit42@exemple.fr', 'Prénom42']) expect(b.includes(leftOut)).toBe(false);
    }
    // Hashes only in the outbox to the hub: never in the journal or the snapshots.
    const journal = (core.db.prepare('SELECT payload FROM journal').pluck().all() as string[]).join('\n');
    const snapshots = (core.db.prepare('SELECT state FROM snapshots').pluck().all() as string[]).join('\n');
    for (const c of sample) {
      const hash = hashPersonalCode(salt, c);
      expect(journal).not.toContain(hash);
      expect(snapshots).not.toContain(hash);
    }
    expect(journal).toContain('"type":"codes.imported"');

    const desk: ViewSocket = connectView(core.port, core.tokens.control);
    closers.push(desk);
    const snap = await nextSnapshot(desk);
    const wire = JSON.stringify(snap);
    expect(wire).toContain('"personalCodes"');
    for (const c of sample) {
      expect(wire).not.toContain(c);
      expect(wire).not.toContain(hashPersonalCode(salt, c));
      expect(wire).not.toContain(hashPersonalCode(salt, c).slice(0, 12));
    }
  });
});
