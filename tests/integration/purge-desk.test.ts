import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestParticipant } from '../../src/hub/testing/clients';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { stateOf, until } from './export-fixture';
import { joinPhone } from './room-presence';
import { connectView, type CoreProcess, nextSnapshot, send, spawnCore, type ViewSocket } from './helpers';

/**
 * The desk's RGPD purge (`POST /api/purge`) in a running core with its embedded hub: refused
 * during the show, then done in place — the core lets go of its files, compacts them into purged
 * copies, replays them, and the hub takes phones again on the same port.
 */

const IDS = { anne: 'deskPurgeAnne00000000001', yves: 'deskPurgeYves00000000002' };
const NAMES = { anne: 'Anne-Sophie Quellec', yves: 'Yves Tanguy-Morvan' };
const ORIGINALS = ['Timothée', '06 55 44 33 22'];

let dir: string;
let dataDir: string;
let core: CoreProcess;
let desk: ViewSocket;
let n = 0;

function post(
  path: string,
  body: unknown,
  token: string | null = core.tokens.control,
): Promise<{ status: number; json: { ok: boolean; message?: string; report?: { participants: number } } }> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = request(
      {
        host: '127.0.0.1',
        port: core.port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': data.length,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const cmd = async (command: Record<string, unknown>) => {
  const r = await send(desk, { id: `desk-purge-${String(++n).padStart(4, '0')}`, command });
  if (!r.ok) throw new Error(`${String(command.type)} refusée : ${r.error.message}`);
};
const go = (cueId: string) =>
  until(async () => {
    const r = await send(desk, {
      id: `desk-purge-go-${String(++n).padStart(4, '0')}`,
      command: { type: 'cue.go', cueId, outOfOrder: true },
    });
    if (!r.ok && !/deux appuis/.test(r.error.message)) throw new Error(`GO ${cueId} refusé : ${r.error.message}`);
    return r.ok;
  }, `GO ${cueId}`);
const code = () => new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';

function folderBytes(): string {
  return readdirSync(dataDir)
    .filter((f) => f.includes('sqlite3'))
    .map((f) => {
      const b = readFileSync(join(dataDir, f));
      return b.toString('utf8') + b.toString('latin1');
    })
    .join('\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-purge-desk-'));
  dataDir = join(dir, 'data');
  core = await spawnCore(dataDir);
  desk = connectView(core.port, core.tokens.control);
  await nextSnapshot(desk);
  const anne = await joinPhone({ dataDir, hubPort: core.hubPort }, code(), { participantId: IDS.anne });
  const yves = await TestParticipant.join(core.hubPort!, code(), { participantId: IDS.yves, origin: 'remote' });
  try {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } });
    await go('j1-seq1-sondage-ouvrir');
    await until(
      () => anne.state?.interaction?.id === 'charge-de-travail' && yves.state?.interaction?.id === 'charge-de-travail',
      'le sondage',
    );
    expect((await anne.vote('charge-de-travail', [0])).ok).toBe(true);
    expect((await yves.vote('charge-de-travail', [2])).ok).toBe(true);
    await go('j1-seq1-sondage-fermer');
    await go('j1-seq1-questions-ouvrir');
    await until(() => anne.state?.qa.open && yves.state?.qa.open, 'les questions');
    expect((await anne.ask('Mon fils Timothée est placé loin de nous : que faire ?', { name: NAMES.anne })).ok).toBe(true);
    expect((await yves.ask('Rappelez-moi au 06 55 44 33 22', { name: NAMES.yves })).ok).toBe(true);
    expect((await yves.ask('Quelle formation pour les familles d’accueil ?', { name: NAMES.yves })).ok).toBe(true);
    const s = await until(async () => {
      const st = await stateOf(core);
      return st.audience.questions.length >= 3 ? st : null;
    }, 'les questions à la régie');
    const clean = s.audience.questions.find((q) => q.text.startsWith('Quelle formation'))!;
    // A display name that is a given name is flagged: read (cleared), then approved.
    if (clean.flags.length > 0) await cmd({ type: 'question.clear-flags', questionId: clean.id });
    await cmd({ type: 'question.approve', questionId: clean.id });
    await until(() => anne.state?.questions.some((q) => q.id === clean.id && q.name === NAMES.yves), 'la question publiée avec son nom');
  } finally {
    anne.close();
    yves.close();
  }
}, 180_000);

afterAll(async () => {
  desk?.close();
  if (core.child.exitCode === null) {
    core.child.kill('SIGTERM');
    await core.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the desk’s purge', () => {
  it('is refused without the régie’s token, without the typed confirmation, and during the show, in French', async () => {
    expect((await post('/api/purge', { confirm: 'EFFACER' }, null)).status).toBe(403);
    expect((await post('/api/purge', { confirm: 'EFFACER' }, core.tokens.output)).status).toBe(403);
    const unconfirmed = await post('/api/purge', { confirm: 'oui' });
    expect([unconfirmed.status, unconfirmed.json.message]).toEqual([400, expect.stringContaining('tapez « EFFACER »')]);
    const open = await post('/api/purge', { confirm: 'EFFACER' });
    expect([open.status, open.json.message]).toEqual([409, expect.stringContaining('les questions sont encore ouvertes')]);
    await go('j1-seq1-questions-fermer');
    await cmd({ type: 'edit.lock', locked: true });
    const locked = await post('/api/purge', { confirm: 'EFFACER' });
    expect([locked.status, locked.json.message]).toEqual([409, expect.stringContaining('mode spectacle')]);
    await cmd({ type: 'edit.lock', locked: false });
    for (const s of [...Object.values(IDS), ...Object.values(NAMES)]) expect(folderBytes(), s).toContain(s);
  }, 60_000);

  it('purges in place: the views get the purged state, no id or name is left in the files, the counts stay', async () => {
    const before = await stateOf(core);
    const patched = new Promise<void>((resolve) => {
      desk.on('patch', (p) => {
        if (p.ops.some((op) => JSON.stringify(op).includes('Purge RGPD'))) resolve();
      });
    });
    const r = await post('/api/purge', { confirm: 'effacer' });
    expect(r.status, r.json.message).toBe(200);
    expect(r.json.report?.participants).toBe(2);
    await patched;
    const after = await stateOf(core);
    expect(after.audience.questions.map((q) => [q.id, q.status, q.upvotes, q.name])).toEqual(
      before.audience.questions.map((q) => [q.id, q.status, q.upvotes, null]),
    );
    expect(after.audience.questions[0]?.text).toBe('Mon fils [prénom] est placé loin de nous : que faire ?');
    expect(after.audience.tallies).toEqual(before.audience.tallies);
    const bytes = folderBytes();
    for (const s of [...Object.values(IDS), ...Object.values(NAMES), ...ORIGINALS]) expect(bytes, s).not.toContain(s);
  }, 120_000);

  it('lets the phones come back to the same hub, and their new questions reach the régie', async () => {
    const anne = await joinPhone({ dataDir, hubPort: core.hubPort }, code(), { participantId: IDS.anne });
    try {
      expect(anne.state?.questions.length).toBeGreaterThan(0);
      expect(anne.state?.questions.every((q) => q.name === null)).toBe(true);
      const poll = { kind: 'poll', id: 'apres-la-purge', type: 'yesno', question: 'Encore une question ?' };
      await cmd({ type: 'interaction.create', interaction: poll, open: true });
      await until(() => anne.state?.interaction?.id === 'apres-la-purge', 'le sondage sur le téléphone');
      expect((await anne.vote('apres-la-purge', [0])).ok).toBe(true);
      await until(async () => (await stateOf(core)).audience.tallies['apres-la-purge']?.voters.room === 1, 'le vote à la régie');
    } finally {
      anne.close();
    }
  }, 60_000);
});
