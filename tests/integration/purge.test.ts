import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { TestParticipant } from '../../src/hub/testing/clients';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { stateOf, until } from './export-fixture';
import { connectView, type CoreProcess, nextSnapshot, repoRoot, send, spawnCore } from './helpers';

/**
 * The RGPD purge through real processes: a core and its embedded hub take questions, votes and
 * words from phones whose display names and texts hold personal data; the exports made during the
 * show are pseudonymised; then, the core stopped, `npm run purge` (the real script) leaves none of
 * the participants' ids, names or redacted originals in any file of the data folder — databases,
 * their WAL and journal files, logs — and the exports and the core still work on what remains.
 */

const IDS = { sandrine: 'purgeSandrine0000000001', kevin: 'purgeKevin000000000002', remote: 'purgeDistant0000000003' };
const NAMES = { sandrine: 'Sandrine Vasseur', kevin: 'Kevin Dubreuil', remote: '06 98 76 54 32', typed: 'Hélène Marchalot' };
/** What the texts hold that must not leave the desk pseudonymised nor survive the purge. */
const ORIGINALS = ['Léa', '07 11 22 33 44', 'famille.vasseur@exemple.fr', 'Fontanel', 'zigoto'];
const ASKS = {
  lea: 'Comment accompagner ma fille Léa après le placement ?',
  phone: 'Vous pouvez me joindre au 07 11 22 33 44 pour en parler',
  email: 'Écrivez à famille.vasseur@exemple.fr : quelle aide pour les parents ?',
  listed: 'Que devient le petit Fontanel depuis l’audience ?',
  clean: 'Quelle place pour les assistants familiaux dans le projet pour l’enfant ?',
  /** Nothing the detector finds: a moderator redacts the nickname by hand. */
  nickname: 'On l’appelle zigoto dans le quartier, faut-il s’inquiéter ?',
};

let dir: string;
let dataDir: string;
let core: CoreProcess;
let live: ViewState;
const bodies = new Map<string, Buffer>();
let n = 0;

function httpGet(port: number, path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function download(query: string): Promise<Buffer> {
  const r = await httpGet(core.port, `/export?${query}&token=${encodeURIComponent(core.tokens.control)}`);
  expect(r.status, r.body.toString()).toBe(200);
  return r.body;
}

const csvRows = (body: Buffer) => parse(body, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
const secrets = () => [...Object.values(IDS), ...Object.values(NAMES), ...ORIGINALS];
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

/** Every file of the data folder, logs included, read as bytes, in both encodings a name may take. */
function folderBytes(): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push(join(d, e.name));
    }
  };
  walk(dataDir);
  return files.map((f) => readFileSync(f).toString('utf8') + readFileSync(f).toString('latin1')).join('\n');
}

async function showWithPersonalData(): Promise<void> {
  const desk = connectView(core.port, core.tokens.control);
  await nextSnapshot(desk);
  const cmd = async (command: Record<string, unknown>) => {
    const r = await send(desk, { id: `purge-${String(++n).padStart(4, '0')}`, command });
    if (!r.ok) throw new Error(`${String(command.type)} refusée : ${r.error.message}`);
  };
  const go = (cueId: string) =>
    until(async () => {
      const r = await send(desk, { id: `purge-go-${String(++n).padStart(4, '0')}`, command: { type: 'cue.go', cueId, outOfOrder: true } });
      if (!r.ok && !/deux appuis/.test(r.error.message)) throw new Error(`GO ${cueId} refusé : ${r.error.message}`);
      return r.ok;
    }, `GO ${cueId}`);
  const code = new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';
  const sandrine = await TestParticipant.join(core.hubPort!, code, { participantId: IDS.sandrine });
  const kevin = await TestParticipant.join(core.hubPort!, code, { participantId: IDS.kevin });
  const remote = await TestParticipant.join(core.hubPort!, code, { participantId: IDS.remote, origin: 'remote' });
  try {
    await cmd({ type: 'moderation.lists', badWords: [], names: ['Fontanel'], allowed: [] });
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } });
    await go('j1-seq1-sondage-ouvrir');
    await until(
      () => sandrine.state?.interaction?.id === 'charge-de-travail' && remote.state?.interaction?.id === 'charge-de-travail',
      'le sondage',
    );
    for (const [p, choice] of [
      [sandrine, 0],
      [kevin, 1],
      [remote, 1],
    ] as const)
      expect((await p.vote('charge-de-travail', [choice])).ok).toBe(true);
    await go('j1-seq1-sondage-fermer');
    await go('j1-seq1-questions-ouvrir');
    await until(() => sandrine.state?.qa.open && remote.state?.qa.open, 'les questions ouvertes');
    const asks: [TestParticipant, string, string][] = [
      [sandrine, ASKS.lea, NAMES.sandrine],
      [kevin, ASKS.phone, NAMES.kevin],
      [sandrine, ASKS.email, NAMES.sandrine],
      [remote, ASKS.listed, NAMES.remote],
      [kevin, ASKS.clean, NAMES.kevin],
      [remote, ASKS.nickname, NAMES.remote],
    ];
    for (const [p, text, name] of asks) expect((await p.ask(text, { name })).ok).toBe(true);
    const s = await until(async () => {
      const st = await stateOf(core);
      return st.audience.questions.length >= asks.length ? st : null;
    }, 'les questions à la régie');
    const question = (text: string) => s.audience.questions.find((q) => q.text === text)!;
    const id = (text: string) => question(text).id;
    // Screened, published to the phones (the hub's board then holds the text and the name), upvoted.
    for (const text of [ASKS.lea, ASKS.clean, ASKS.phone]) {
      if (question(text).flags.length > 0) await cmd({ type: 'question.clear-flags', questionId: id(text) });
      await cmd({ type: 'question.approve', questionId: id(text) });
    }
    await cmd({ type: 'question.edit', questionId: id(ASKS.phone), text: 'Joignable au 07 11 22 33 44 : comment en parler ?' });
    const at = ASKS.nickname.indexOf('zigoto');
    await cmd({
      type: 'question.redact',
      questionId: id(ASKS.nickname),
      span: { field: 'text', start: at, end: at + 6, kind: 'given-name' },
    });
    await cmd({ type: 'question.add', text: 'Au micro : et la petite Léa, que devient-elle ?', name: NAMES.typed, sessionId: 'j1-seq1' });
    await until(() => remote.state?.questions.some((q) => q.id === id(ASKS.clean)), 'la question publiée');
    for (const p of [sandrine, remote]) expect((await p.upvote(id(ASKS.clean))).ok).toBe(true);
    await until(
      async () => ((await stateOf(core)).audience.questions.find((q) => q.text === ASKS.clean)?.upvotes ?? 0) >= 2,
      'les soutiens',
    );

    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '14:20' }, 'Europe/Paris') } });
    await go('j1-seq2-nuage-ouvrir');
    await until(() => kevin.state?.interaction?.id === 'securite-enfant', 'le nuage');
    for (const [p, words] of [
      [sandrine, ['écoute', 'Fontanel']],
      [kevin, ['écoute', 'stabilité']],
      [remote, ['confiance']],
    ] as const)
      expect((await p.words('securite-enfant', [...words])).ok).toBe(true);
    await until(async () => ((await stateOf(core)).audience.words['securite-enfant']?.['écoute'] ?? 0) === 2, 'les mots');
  } finally {
    for (const p of [sandrine, kevin, remote]) p.close();
    desk.close();
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const cli = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
/** `npm run purge` itself, as the organisers type it. */
const npmPurge = (args: string[]) =>
  spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'purge', '--', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 180_000,
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-purge-it-'));
  dataDir = join(dir, 'data');
  core = await spawnCore(dataDir);
  await showWithPersonalData();
  live = await stateOf(core);
}, 180_000);

afterAll(async () => {
  if (core.child.exitCode === null) {
    core.child.kill('SIGTERM');
    await core.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the exports during the show', () => {
  it('are pseudonymised: one « Participant n » per person, « Régie » typed in, no name and no personal data in the texts', async () => {
    for (const [key, query] of [
      ['csv', 'scope=session:j1-seq1&format=csv'],
      ['csv-unanswered', 'scope=session:j1-seq1&format=csv-unanswered'],
      ['csv-words', 'scope=event&format=csv-words'],
    ] as const) {
      const body = await download(query);
      bodies.set(key, body);
      for (const s of secrets()) expect(body.toString('utf8'), `${key} : ${s}`).not.toContain(s);
    }
    const rows = csvRows(bodies.get('csv')!);
    const authorOf = (text: string) => rows.find((r) => r['texte d’origine']!.startsWith(text))!['auteur'];
    expect(authorOf('Comment accompagner ma fille [prénom]')).toBe(authorOf('Écrivez à [e-mail]')); // Sandrine, twice
    expect(new Set([authorOf('Comment accompagner'), authorOf('Vous pouvez me joindre'), authorOf('Que devient le petit')]).size).toBe(3);
    expect(authorOf('Au micro')).toBe('Régie');
    expect(rows.map((r) => r['auteur']).every((a) => /^(Participant \d+|Régie)$/.test(a!))).toBe(true);
    expect(rows.find((r) => r['texte d’origine']!.startsWith('Vous pouvez'))!['texte modifié']).toBe(
      'Joignable au [téléphone] : comment en parler ?',
    );
    const speakers = csvRows(bodies.get('csv-unanswered')!);
    expect(speakers.map((r) => r['question'])).toContain('Comment accompagner ma fille [prénom] après le placement ?');
    expect(rows.find((r) => r['texte d’origine']!.startsWith('On l’appelle'))!['texte d’origine']).toBe(
      'On l’appelle [prénom] dans le quartier, faut-il s’inquiéter ?',
    );
  });

  it('keep the names and the texts as written when « inclure les noms » is asked for', async () => {
    const text = (await download('scope=session:j1-seq1&format=csv&names=1')).toString('utf8');
    for (const s of [NAMES.sandrine, NAMES.kevin, ASKS.lea, '07 11 22 33 44']) expect(text).toContain(s);
  });

  it('pseudonymise the workbook and the PDF report too', async (ctx) => {
    const xlsx = await download('scope=day:2021-06-24&format=xlsx');
    const wb = XLSX.read(xlsx);
    const cells = wb.SheetNames.map((name) => XLSX.utils.sheet_to_csv(wb.Sheets[name]!)).join('\n');
    for (const s of secrets()) expect(cells, s).not.toContain(s);
    expect(cells).toContain('Participant 1');
    const pdf = await download('scope=session:j1-seq1&format=pdf');
    if (!poppler) {
      if (process.env.CI) throw new Error('poppler (pdftotext) manque : la CI doit l’installer');
      ctx.skip('poppler (pdftotext) absent de cette machine');
      return;
    }
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('par Participant');
    expect(text).toContain('ma fille [prénom]');
    for (const s of secrets()) expect(text, s).not.toContain(s);
  });
});

describe('npm run purge, after the event', () => {
  it('changes nothing without --oui, and refuses while the core runs', () => {
    const db = join(dataDir, 'pupitre.sqlite3');
    const before = sha(db);
    const dry = npmPurge(['--data-dir', dataDir]);
    expect([dry.status, dry.stderr]).toEqual([2, expect.stringContaining('ajoutez --oui')]);
    const busy = npmPurge(['--data-dir', dataDir, '--oui']);
    expect([busy.status, busy.stderr]).toEqual([4, expect.stringContaining('arrêtez-le')]);
    expect(sha(db)).toBe(before);
  }, 240_000);

  it('leaves no participant id, display name or redacted original in any file of the data folder', async () => {
    core.child.kill('SIGTERM');
    await core.exited;
    const bytes = folderBytes();
    for (const s of secrets()) expect(bytes, `avant la purge : ${s}`).toContain(s);

    const r = npmPurge(['--data-dir', dataDir, '--oui', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ok: boolean; participants: number; regie: unknown; hub: unknown };
    expect(report).toMatchObject({ ok: true, participants: 3 });
    expect(report.regie).not.toBeNull();
    expect(report.hub).not.toBeNull();
    const files = readdirSync(dataDir);
    expect(files.filter((f) => /-wal$|-shm$|-journal$|purge/.test(f))).toEqual([]);
    const after = folderBytes();
    for (const s of secrets()) expect(after, s).not.toContain(s);
    expect(statSync(join(dataDir, 'hub.sqlite3')).size).toBeGreaterThan(0);
  }, 240_000);

  it('keeps the exports working, with the same pseudonymised questions and the same counts', () => {
    const out = join(dir, 'apres.csv');
    const r = cli('src/main/cli/export.ts', ['--db', dataDir, '--scope', 'session:j1-seq1', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    // Row by row, so that a difference names its row.
    const after = readFileSync(out).toString('utf8').split('\r\n');
    expect(after).toEqual(bodies.get('csv')!.toString('utf8').split('\r\n'));
    const polls = join(dir, 'sondages.csv');
    expect(cli('src/main/cli/export.ts', ['--db', dataDir, '--format', 'csv-polls', '--out', polls]).status).toBe(0);
    const votes = csvRows(readFileSync(polls)).filter((x) => x['sondage'] === 'charge-de-travail');
    expect(votes.map((x) => x['total'])).toEqual(['1', '2', '0', '0']);
    const named = join(dir, 'noms.csv');
    expect(cli('src/main/cli/export.ts', ['--db', dataDir, '--format', 'csv', '--names', '--out', named]).status).toBe(0);
    for (const s of secrets()) expect(readFileSync(named, 'utf8'), s).not.toContain(s);
  }, 120_000);

  it('lets the core start on the purged database, replay it, and take phones again', async () => {
    core = await spawnCore(dataDir);
    const s = await stateOf(core);
    expect(s.audience.questions.map((q) => [q.id, q.upvotes, q.status])).toEqual(
      live.audience.questions.map((q) => [q.id, q.upvotes, q.status]),
    );
    expect(s.audience.questions.every((q) => q.name === null)).toBe(true);
    expect(s.audience.tallies).toEqual(live.audience.tallies);
    expect(s.notes.some((x) => x.text.startsWith('Purge RGPD'))).toBe(true);
    const pdf = await download('scope=session:j1-seq1&format=pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const code = new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';
    const again = await TestParticipant.join(core.hubPort!, code);
    try {
      expect(again.state?.questions.every((q) => q.name === null)).toBe(true);
    } finally {
      again.close();
    }
  }, 120_000);
});
