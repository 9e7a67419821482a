import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestParticipant } from '../../src/hub/testing/clients';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { Snapshot } from '../../src/shared/api/channel';
import type { AudienceQuestion, ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, type CoreProcess, nextSnapshot, send, spawnCore, type ViewSocket } from './helpers';
import { programOf } from '../../src/shared/api/room-bus';

/**
 * Issue 15 end to end, through real processes: the core (child process) with its embedded hub,
 * phones as socket.io clients, a control seat, the projector's output seat and the stage seat.
 * A child's name in a question's text, a phone number as a display name and a family name (one the
 * organisers listed, which the detector also knows) as a word-cloud word reach
 * neither the projector, nor the stage, nor the phones until a moderator acts; after a redaction
 * every view, the phones and the CSV export show the labels, and the journal keeps the original.
 */

const CHILD = 'Ma fille Léa, 7 ans, est placée depuis 2019 : que faire ?';
const CHILD_REDACTED = 'Ma fille [prénom], 7 ans, est placée depuis 2019 : que faire ?';
const PHONE = '06 12 34 56 78';
const FATHERS = 'Quelle place pour les pères dans le suivi ?';
const CLEAN = 'Quels moyens pour les jeunes majeurs ?';
const FAMILY = 'Moreau';

let dir: string;
let core: CoreProcess;
let n = 0;
const seats: ViewSocket[] = [];
const phones: TestParticipant[] = [];
const mirrors: { desk: ViewState; output: ViewState; stage: ViewState } = {} as never;

async function seat(token: string, role: keyof typeof mirrors): Promise<Snapshot> {
  const s = connectView(core.port, token);
  seats.push(s);
  const snapshot = await nextSnapshot(s);
  mirrors[role] = snapshot.state;
  s.on('patch', (p) => (mirrors[role] = applyPatchOps(mirrors[role], p.ops)));
  return snapshot;
}
async function cmd(command: Record<string, unknown>): Promise<void> {
  const r = await send(seats[0]!, { id: `sg-flow-${String(++n).padStart(4, '0')}`, command });
  if (!r.ok) throw new Error(`${String(command.type)} refusée : ${r.error.message}`);
}
const refusal = async (command: Record<string, unknown>) => {
  const r = await send(seats[0]!, { id: `sg-flow-${String(++n).padStart(4, '0')}`, command });
  return r.ok ? null : r.error.message;
};
/** The cues this test fires are not the ones due next at its rehearsal times: confirmed out of order, as the desk does. */
async function go(cueId: string): Promise<void> {
  await expect
    .poll(async () => {
      const r = await send(seats[0]!, { id: `sg-flow-go-${String(++n).padStart(4, '0')}`, command: { type: 'cue.go', cueId, outOfOrder: true } });
      if (!r.ok && !/deux appuis/.test(r.error.message)) throw new Error(`GO ${cueId} refusé : ${r.error.message}`);
      return r.ok;
    }, { timeout: 15_000 })
    .toBe(true);
}
const question = (text: string): AudienceQuestion | undefined => mirrors.desk.audience.questions.find((q) => q.text === text || q.id === text);
const idOf = (text: string) => question(text)!.id;
const json = (x: unknown) => JSON.stringify(x);

function httpGet(path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: core.port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-sg-flow-'));
  core = await spawnCore(join(dir, 'data'));
  const desk = await seat(core.tokens.control, 'desk');
  await seat(core.tokens.output, 'output');
  const stageToken = new URL(desk.access?.stageUrl ?? 'http://x/').searchParams.get('token');
  if (!stageToken) throw new Error('pas de jeton de scène');
  await seat(stageToken, 'stage');
  const code = new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';
  for (const origin of ['room', 'remote', 'room', 'room'] as const) phones.push(await TestParticipant.join(core.hubPort ?? 0, code, { origin }));
}, 120_000);
afterAll(async () => {
  phones.forEach((p) => p.close());
  seats.forEach((s) => s.close());
  if (core?.child.exitCode === null) {
    core.child.kill('SIGTERM');
    await core.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('personal data from the phones, held until a moderator acts', () => {
  it('a child’s name in a text and a phone number as a name reach neither the projector, the stage nor the phones', async () => {
    const [asker, caller, , watcher] = phones as [TestParticipant, TestParticipant, TestParticipant, TestParticipant];
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } });
    await go('j1-seq1-questions-ouvrir');
    await expect.poll(() => watcher.state?.qa.open && asker.state?.qa.open && caller.state?.qa.open).toBe(true);
    expect(await asker.ask(CHILD, { name: 'Une éducatrice' })).toEqual({ ok: true });
    expect(await caller.ask(FATHERS, { name: PHONE })).toEqual({ ok: true });
    await expect.poll(() => question(CHILD) !== undefined && question(FATHERS) !== undefined, { timeout: 15_000 }).toBe(true);
    expect(question(CHILD)!.flags).toEqual([{ field: 'text', kind: 'given-name', start: 9, end: 12, match: 'Léa' }]);
    expect(question(FATHERS)!.flags).toEqual([{ field: 'name', kind: 'phone', start: 0, end: 14, match: PHONE }]);

    // A moderator shortlists them without reading (starring approves): still held.
    for (const text of [CHILD, FATHERS]) await cmd({ type: 'question.star', questionId: idOf(text), starred: true });
    for (const text of [CHILD, FATHERS]) {
      expect(await refusal({ type: 'program.preview', scene: { kind: 'question', questionId: idOf(text) } })).toMatch(/signalée/);
    }
    // A clean question approved after them: once the phones and the stage have it, they have seen every earlier order.
    expect(await watcher.ask(CLEAN)).toEqual({ ok: true });
    await expect.poll(() => question(CLEAN) !== undefined, { timeout: 15_000 }).toBe(true);
    await cmd({ type: 'question.star', questionId: idOf(CLEAN), starred: true });
    await expect.poll(() => watcher.state?.questions.some((q) => q.text === CLEAN), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => mirrors.stage.audience.questions.some((q) => q.text === CLEAN)).toBe(true);
    for (const p of phones) expect(json(p.state?.questions)).not.toMatch(/Léa|06 12 34 56 78|pères/);
    expect(json(mirrors.stage)).not.toMatch(/Léa|06 12 34 56 78|pères/);
    expect(json(mirrors.output)).not.toMatch(/Léa|06 12 34 56 78|pères/);
    expect(programOf(mirrors.output).onAir.kind).not.toBe('question');
  }, 60_000);

  it('a family name sent as a word is held back from the projector and the phones until a moderator allows it', async () => {
    const [a, b, c] = phones as [TestParticipant, TestParticipant, TestParticipant];
    // The organisers' watch list names the family of a case.
    await cmd({ type: 'moderation.lists', badWords: [], names: [FAMILY], allowed: [] });
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '14:20' }, 'Europe/Paris') } });
    await go('j1-seq2-nuage-ouvrir');
    await expect.poll(() => phones.every((p) => p.state?.interaction?.id === 'securite-enfant'), { timeout: 15_000 }).toBe(true);
    expect(await a.words('securite-enfant', [FAMILY, 'écoute'])).toEqual({ ok: true });
    expect(await b.words('securite-enfant', ['écoute', 'stabilité'])).toEqual({ ok: true });
    expect(await c.words('securite-enfant', ['écoute'])).toEqual({ ok: true });
    await expect.poll(() => mirrors.desk.audience.words['securite-enfant']?.['écoute'], { timeout: 15_000 }).toBe(3);
    expect(Object.keys(mirrors.desk.audience.heldWords['securite-enfant'] ?? {})).toEqual([FAMILY]);
    expect(mirrors.desk.audience.heldWords['securite-enfant']?.[FAMILY]).toMatch(/name$/);

    // Revealed and projected: the phones and the projector get the cloud without the name.
    await go('j1-seq2-nuage-projeter');
    await cmd({ type: 'program.preview', scene: { kind: 'wordcloud', interactionId: 'securite-enfant' } });
    await cmd({ type: 'program.take' });
    await expect.poll(() => (a.state?.results?.kind === 'cloud' ? a.state.results.words.map((w) => w.text) : []), { timeout: 15_000 }).toContain('écoute');
    for (const p of phones) expect(json(p.state?.results)).not.toContain(FAMILY);
    await expect.poll(() => mirrors.output.audience.words['securite-enfant']?.['écoute']).toBe(3);
    expect(json(mirrors.output)).not.toContain(FAMILY);

    // The moderator reads it and lets it through: only then does it reach the projector.
    await cmd({ type: 'words.allow', cloudId: 'securite-enfant', word: FAMILY });
    await expect.poll(() => mirrors.output.audience.words['securite-enfant']?.[FAMILY]).toBe(1);
  }, 60_000);
});

describe('after a redaction', () => {
  it('every view, the phones, the projector and the CSV show the labels; the journal keeps the original', async () => {
    const watcher = phones[3]!;
    await cmd({ type: 'question.redact', questionId: idOf(CHILD), span: null });
    const fathers = question(FATHERS)!;
    await cmd({ type: 'question.redact', questionId: fathers.id, span: { field: 'name', start: 0, end: PHONE.length } });
    await expect.poll(() => question(fathers.id)?.name).toBe('[téléphone]');
    expect(question(CHILD_REDACTED)).toMatchObject({ flags: [], published: true, status: 'approved' });

    // The phones get the redacted question and name.
    await expect.poll(() => watcher.state?.questions.find((q) => q.id === fathers.id)?.name, { timeout: 15_000 }).toBe('[téléphone]');
    await expect.poll(() => watcher.state?.questions.find((q) => q.id === idOf(CHILD_REDACTED))?.text, { timeout: 15_000 }).toBe(CHILD_REDACTED);
    // The stage (the shortlist) too.
    await expect.poll(() => mirrors.stage.audience.questions.find((q) => q.id === idOf(CHILD_REDACTED))?.text).toBe(CHILD_REDACTED);
    await expect.poll(() => mirrors.stage.audience.questions.find((q) => q.id === fathers.id)?.name).toBe('[téléphone]');
    // The projector: preview, TAKE.
    await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: idOf(CHILD_REDACTED) } });
    await cmd({ type: 'program.take' });
    await expect.poll(() => programOf(mirrors.output).onAir).toMatchObject({ kind: 'question', text: CHILD_REDACTED, name: 'Une éducatrice' });
    await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: fathers.id } });
    await cmd({ type: 'program.take' });
    await expect.poll(() => programOf(mirrors.output).onAir).toMatchObject({ kind: 'question', text: FATHERS, name: '[téléphone]' });

    for (const view of [mirrors.desk, mirrors.stage, mirrors.output]) expect(json(view)).not.toMatch(/Léa|06 12 34 56 78/);
    for (const p of phones) expect(json(p.state)).not.toMatch(/Léa|06 12 34 56 78/);

    // The export, names included: the labels, never the original.
    const csv = await httpGet(`/export?scope=session:j1-seq1&format=csv&names=1&token=${encodeURIComponent(core.tokens.control)}`);
    expect(csv.status).toBe(200);
    const rows = parse(csv.body, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.find((r) => r['n°'] === idOf(CHILD_REDACTED))?.['texte d’origine']).toBe(CHILD_REDACTED);
    expect(rows.find((r) => r['n°'] === fathers.id)?.['auteur']).toBe('[téléphone]');
    expect(csv.body.toString('utf8')).not.toMatch(/Léa|06 12 34 56 78/);

    // The journal (the SQLite file, read as it is) keeps what the participants wrote, and the redactions.
    const db = new Database(join(dir, 'data', 'pupitre.sqlite3'), { readonly: true });
    try {
      const payloads = db.prepare("SELECT payload FROM journal WHERE type = 'audience.received'").pluck().all() as string[];
      expect(payloads.some((p) => p.includes(CHILD))).toBe(true);
      expect(payloads.some((p) => p.includes(`"name":"${PHONE}"`))).toBe(true);
      const redactions = db.prepare("SELECT payload FROM journal WHERE type = 'question.redacted'").pluck().all() as string[];
      expect(redactions.map((p) => JSON.parse(p) as { spans: { match: string }[] }).map((e) => e.spans.map((s) => s.match))).toEqual([['Léa'], [PHONE]]);
    } finally {
      db.close();
    }
  }, 60_000);
});
