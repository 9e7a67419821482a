import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AudienceQuestion, ViewState } from '../../src/shared/api/state';
import { cleanText } from '../../src/shared/protocol/clean-text';
import { buildExportData, HOSTILE, stateOf, TOO_LONG } from './export-fixture';
import { type CoreProcess, repoRoot, spawnCore } from './helpers';

/**
 * The exports read back with real parsers (csv-parse, SheetJS, exceljs, LibreOffice) hold exactly
 * the régie's data — hostile text included — and no cell of a workbook is a formula.
 */

let dir: string;
let core: CoreProcess;
let state: ViewState;
const csvBodies = new Map<string, Buffer>();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-export-'));
  core = await spawnCore(join(dir, 'data'));
  await buildExportData(core);
  state = await stateOf(core);
}, 120_000);
afterAll(async () => {
  if (core.child.exitCode === null) {
    core.child.kill('SIGTERM');
    await core.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/**
 * One connection per request (`agent: false`): under load, undici's fetch sometimes reused a
 * keep-alive socket the core had just closed (« other side closed »), a client-side race.
 */
function httpGet(path: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: core.port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
const get = (query: string) => httpGet(`/export?${query}`);
const download = async (query: string, token = core.tokens.control) => {
  const res = await get(`${query}&token=${encodeURIComponent(token)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, body: Buffer.from(await res.arrayBuffer()) };
};

/** What the CSV writer does to a text a spreadsheet would run: the documented apostrophe. */
const csvText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const STATUS: Record<Exclude<AudienceQuestion['status'], 'merged'>, string> = {
  answered: 'répondue',
  approved: 'non répondue (approuvée)',
  incoming: 'à trier',
  rejected: 'rejetée',
};
const statusOf = (q: AudienceQuestion) => (q.status === 'merged' ? `fusionnée dans ${q.mergedInto}` : STATUS[q.status]);
const ORIGIN = { room: 'salle', remote: 'à distance', regie: 'saisie par la régie' } as const;
const sessionQuestions = () => state.audience.questions.filter((q) => q.sessionId === 'j1-seq1');
const byText = (text: string) => {
  const q = state.audience.questions.find((x) => x.text === text);
  if (!q) throw new Error(`absente : ${text}`);
  return q;
};

/**
 * Pseudonymised: one « Participant n » per participant (from the participant id in the message id),
 * numbered in order of first appearance among the exported questions; « Régie » for a typed-in one.
 */
function pseudonymOf(q: AudienceQuestion, exported: readonly AudienceQuestion[]): string {
  if (q.origin === 'regie') return 'Régie';
  const who = (x: AudienceQuestion) => x.msgId?.split(':')[0];
  const order = [...new Set(exported.filter((x) => x.origin !== 'regie').map(who))];
  return `Participant ${order.indexOf(who(q)) + 1}`;
}

function parseCsv(body: Buffer, delimiter = ';'): Record<string, string>[] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(body, { bom: true, columns: true, delimiter, relax_quotes: false }) as Record<string, string>[];
}

describe('the data the exports start from', () => {
  it('holds the screened questions, the hostile ones as the hub cleaned them, and not the refused one', () => {
    const texts = state.audience.questions.map((q) => q.text);
    expect(texts).toContain(HOSTILE.html);
    expect(texts).toContain(HOSTILE.hyperlink);
    expect(texts).toContain('Voir gnp.exe la pièce jointe'); // the bidi override is gone
    expect(texts).toContain('Protection de l’enfance'); // the zero-width characters too
    expect(texts).not.toContain(TOO_LONG);
    expect(byText(HOSTILE.html)).toMatchObject({ status: 'approved', editedText: 'Quelle place pour le script des familles ?', askers: 2 });
    expect(byText(HOSTILE.html).upvotes).toBeGreaterThanOrEqual(3);
    expect(byText('Protection de l’enfance')).toMatchObject({ status: 'merged', mergedInto: byText(HOSTILE.html).id });
    expect(byText(HOSTILE.emoji).rank).toBeLessThan(byText(HOSTILE.hyperlink).rank!);
  });
});

describe('the questions as CSV', () => {
  it('gives every question of the session, exactly as journaled, pseudonymised by default', async () => {
    const { res, body } = await download('scope=session:j1-seq1&format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="pupitre-questions-j1-seq1-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    csvBodies.set('csv', body);
    const rows = parseCsv(body);
    const expected = sessionQuestions().sort((a, b) => a.receivedAt - b.receivedAt);
    expect(rows.map((r) => r['n°'])).toEqual(expected.map((q) => q.id));
    for (const [i, q] of expected.entries()) {
      const r = rows[i]!;
      expect(r['séance']).toBe('j1-seq1');
      expect(r['texte d’origine']).toBe(csvText(q.text));
      expect(r['texte modifié']).toBe(csvText(q.editedText ?? ''));
      expect(r['statut']).toBe(statusOf(q));
      expect(r['fusionnée dans']).toBe(q.mergedInto ?? '');
      expect(r['origine']).toBe(ORIGIN[q.origin]);
      expect(r['votes']).toBe(String(q.upvotes));
      expect(r['personnes']).toBe(String(q.askers));
      expect(r['auteur']).toBe(pseudonymOf(q, expected));
    }
    expect(body.toString('utf8')).not.toContain('Jean-Édouard');
    // The shortlist order: the emoji question was moved before the HYPERLINK one.
    const rank = (text: string) => rows.find((r) => r['n°'] === byText(text).id)!['rang dans la sélection'];
    expect([rank(HOSTILE.emoji), rank(HOSTILE.hyperlink)]).toEqual(['1', '2']);
  });

  it('gives the names when asked, and commas when asked', async () => {
    const { body } = await download('scope=session:j1-seq1&format=csv&names=1&sep=,');
    const rows = parseCsv(body, ',');
    const author = (text: string) => rows.find((r) => r['n°'] === byText(text).id)!['auteur'];
    expect(author(HOSTILE.hyperlink)).toBe('Jean-Édouard');
    expect(author(cleanText(HOSTILE.quotes))).toBe(csvText('=cmd'));
    expect(rows.find((r) => r['n°'] === byText(cleanText(HOSTILE.quotes)).id)!['texte d’origine']).toBe(
      'Il a dit « oui »; puis "non", enfin une autre ligne',
    );
  });

  it('gives the speakers the approved questions not yet answered, shortlist first', async () => {
    const { body } = await download('scope=session:j1-seq1&format=csv-unanswered');
    const rows = parseCsv(body);
    const expected = sessionQuestions().filter((q) => q.status === 'approved');
    expect(rows.map((r) => r['n°']).sort()).toEqual(expected.map((q) => q.id).sort());
    expect(rows.slice(0, 2).map((r) => r['n°'])).toEqual([byText(HOSTILE.emoji).id, byText(HOSTILE.hyperlink).id]);
    const html = rows.find((r) => r['n°'] === byText(HOSTILE.html).id)!;
    expect(html['question']).toBe('Quelle place pour le script des familles ?');
    expect(rows.some((r) => r['n°'] === byText(HOSTILE.combining.normalize('NFC')).id)).toBe(false); // answered
  });

  it('gives the poll’s counts by origin and the word cloud’s words', async () => {
    const polls = parseCsv((await download('scope=event&format=csv-polls')).body).filter((r) => r['sondage'] === 'charge-de-travail');
    const tally = state.audience.tallies['charge-de-travail']!;
    expect(polls.map((r) => [r['réponse'], r['salle'], r['à distance'], r['total']])).toEqual(
      ['nettement augmenté', 'un peu augmenté', 'peu changé', 'diminué'].map((label, i) => {
        const c = tally.counts[String(i)] ?? { room: 0, remote: 0 };
        return [label, String(c.room), String(c.remote), String(c.room + c.remote)];
      }),
    );
    expect(polls[0]!['votants']).toBe('3');
    const words = parseCsv((await download('scope=session:j1-seq2&format=csv-words')).body);
    const shown = Object.fromEntries(words.filter((r) => r['projeté'] === 'oui').map((r) => [r['mot'], Number(r['occurrences'])]));
    expect(shown).toMatchObject({ écoute: 3, stabilité: 2, confiance: 1 });
    const sent = Object.values(state.audience.words['securite-enfant']!).reduce((a, b) => a + b, 0);
    expect(words.reduce((sum, r) => sum + Number(r['occurrences']), 0)).toBe(sent); // every word sent is accounted for
  });
});

let xlsxCache: Buffer | null = null;
const dayWorkbook = async () => (xlsxCache ??= (await download('scope=day:2021-06-24&format=xlsx')).body);

describe('the workbook (XLSX)', () => {
  it('reads back with SheetJS as the same data, text kept as text, with no formula anywhere', async () => {
    const { res, body } = await download('scope=day:2021-06-24&format=xlsx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="pupitre-export-2021-06-24-\d{4}-\d{2}-\d{2}\.xlsx"/);
    xlsxCache = body;
    const wb = XLSX.read(body);
    expect(wb.SheetNames).toEqual(['Questions', 'Sans réponse', 'Sondages', 'Nuages de mots', 'Déroulé']);
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name]!;
      for (const [ref, cell] of Object.entries(ws)) {
        if (ref.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        expect(c.f, `${name}!${ref}`).toBeUndefined();
        expect(['s', 'n'], `${name}!${ref}`).toContain(c.t);
      }
    }
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets['Questions']!, { header: 1, raw: true, defval: null });
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const day = state.audience.questions.slice().sort((a, b) => a.receivedAt - b.receivedAt);
    expect(rows.slice(1).map((r) => r[col('n°')])).toEqual(day.map((q) => q.id));
    for (const [i, q] of day.entries()) {
      const r = rows[i + 1]!;
      expect(r[col('texte d’origine')]).toBe(q.text); // exact: no apostrophe in a workbook
      expect(r[col('texte modifié')]).toBe(q.editedText);
      expect(r[col('statut')]).toBe(statusOf(q));
      expect(r[col('votes')]).toBe(q.upvotes);
      expect(r[col('personnes')]).toBe(q.askers);
      expect(r[col('auteur')]).toBe(pseudonymOf(q, day));
    }
    const hyper = wb.Sheets['Questions']![
      XLSX.utils.encode_cell({ r: 1 + day.findIndex((q) => q.text === HOSTILE.hyperlink), c: col('texte d’origine') })
    ] as XLSX.CellObject;
    expect(hyper).toMatchObject({ t: 's', v: HOSTILE.hyperlink });
    const words = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Nuages de mots']!);
    expect(Object.fromEntries(words.filter((r) => r['projeté'] === 'oui').map((r) => [r['mot'], r['occurrences']]))).toMatchObject({
      écoute: 3,
      stabilité: 2,
      confiance: 1,
    });
    const asRun = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Déroulé']!);
    // The as-run log only grows while the test runs (auto cues fire as the rehearsal clock goes
    // on): the sheet holds exactly the log as it stood at the export, a prefix of the log now.
    const exported = asRun.map((r) => r['n°']);
    const now = await stateOf(core);
    expect(exported.length).toBeGreaterThanOrEqual(state.asRun.length);
    expect(exported).toEqual(now.asRun.slice(0, exported.length).map((e) => e.seq));
  });

  it('has a bold frozen header, widths and an autofilter on every sheet (read with exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    const xlsxBody = await dayWorkbook();
    await wb.xlsx.load(xlsxBody as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.autoFilter, ws.name).toBeTruthy();
    }
    const sheets = XLSX.read(xlsxBody, { cellStyles: true }).Sheets;
    for (const [name, ws] of Object.entries(sheets)) expect(ws['!cols']?.[0]?.width, name).toBeGreaterThan(5);
  });

  it('converts in LibreOffice without error, with the rows', async (ctx) => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (!soffice) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) manque : la CI doit l’installer');
      ctx.skip('LibreOffice (soffice) absent de cette machine');
      return;
    }
    const work = join(dir, 'soffice');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'export.xlsx'), await dayWorkbook());
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):59,34,76,1',
        '--outdir',
        join(work, 'out'),
        join(work, 'export.xlsx'),
      ],
      {
        encoding: 'utf8',
        timeout: 110_000,
      },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const csv = readFileSync(join(work, 'out', 'export.csv'));
    const rows = parse(csv, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    const day = state.audience.questions.slice().sort((a, b) => a.receivedAt - b.receivedAt);
    expect(rows.map((x) => x['n°'])).toEqual(day.map((q) => q.id));
    expect(rows.map((x) => x['texte d’origine'])).toEqual(day.map((q) => q.text));
  }, 120_000);
});

describe('the export route', () => {
  it('refuses a seat that is not the régie, and a wrong request, in French', async () => {
    expect((await get(`scope=event&format=csv&token=${core.tokens.output}`)).status).toBe(403);
    expect((await get('scope=event&format=csv')).status).toBe(403);
    const unknown = await get(`scope=session:nulle-part&format=csv&token=${core.tokens.control}`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('séance inconnue : nulle-part');
    const format = await get(`scope=event&format=docx&token=${core.tokens.control}`);
    expect([format.status, await format.text()]).toEqual([400, expect.stringContaining('format inconnu')]);
    const pdf = await get(`scope=day:2021-06-24&format=pdf&token=${core.tokens.control}`);
    expect([pdf.status, await pdf.text()]).toEqual([400, expect.stringContaining('séance par séance')]);
    expect((await get(`x=1&token=${core.tokens.control}`.replace('x=1', 'scope=event&format=csv&names=oui'))).status).toBe(400);
  });

  it('serves the session’s PDF report and the result images', async () => {
    const { res, body } = await download('scope=session:j1-seq1&format=pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/filename="pupitre-rapport-j1-seq1-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const png = PNG_SIGNATURE;
    for (const path of ['poll/charge-de-travail.png', 'wordcloud/securite-enfant.png']) {
      const r = await httpGet(`/export/image/${path}?token=${core.tokens.control}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await r.arrayBuffer()).subarray(0, 8)]).toEqual(png);
    }
    expect((await httpGet(`/export/image/poll/securite-enfant.png?token=${core.tokens.control}`)).status).toBe(404);
    expect((await httpGet(`/export/image/poll/charge-de-travail.png?token=${core.tokens.output}`)).status).toBe(403);
  });
});

describe('the command line, on the database after the event', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/export.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('exports the same CSV as the desk, and leaves the database file exactly as it was', async () => {
    core.child.kill('SIGTERM');
    await core.exited;
    const dataDir = join(dir, 'data');
    const db = join(dataDir, 'pupitre.sqlite3');
    const before = { files: readdirSync(dataDir).sort(), hash: sha(db), mtime: statSync(db).mtimeMs };
    const out = join(dir, 'cli.csv');
    const r = cli(['--db', db, '--scope', 'session:j1-seq1', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(csvBodies.get('csv')!)).toBe(true);
    expect({ files: readdirSync(dataDir).sort(), hash: sha(db), mtime: statSync(db).mtimeMs }).toEqual(before);

    const xlsx = cli(['--db', dataDir, '--scope', 'event', '--format', 'xlsx', '--out', dir, '--names']);
    expect(xlsx.status, xlsx.stderr).toBe(0);
    const file = readdirSync(dir).find((f) => f.endsWith('.xlsx'));
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(XLSX.read(readFileSync(join(dir, file!))).Sheets['Questions']!);
    expect(rows.find((x) => x['texte d’origine'] === HOSTILE.hyperlink)?.['auteur']).toBe('Jean-Édouard');
  }, 120_000);

  it('says clearly what is wrong: no file, not Pupitre, newer schema, unknown scope; --help', () => {
    const help = cli(['--help']);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('Usage : npm run export')]);
    const missing = cli(['--db', join(dir, 'absente.sqlite3')]);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('Fichier introuvable')]);
    writeFileSync(join(dir, 'texte.sqlite3'), 'ceci n’est pas une base');
    const text = cli(['--db', join(dir, 'texte.sqlite3')]);
    expect([text.status, text.stderr]).toEqual([2, expect.stringContaining('n’est pas une base Pupitre')]);
    const other = new Database(join(dir, 'autre.sqlite3'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    const foreign = cli(['--db', join(dir, 'autre.sqlite3')]);
    expect([foreign.status, foreign.stderr]).toEqual([2, expect.stringContaining('n’est pas une base Pupitre')]);
    const newer = join(dir, 'future.sqlite3');
    copyFileSync(join(dir, 'data', 'pupitre.sqlite3'), newer);
    const f = new Database(newer);
    f.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('du futur');
    f.close();
    const future = cli(['--db', newer]);
    expect([future.status, future.stderr]).toEqual([3, expect.stringContaining('version plus récente de Pupitre (schéma 999')]);
    const scope = cli(['--db', join(dir, 'data'), '--scope', 'session:inconnue']);
    expect([scope.status, scope.stderr]).toEqual([2, expect.stringContaining('séance inconnue : inconnue')]);
  }, 120_000);
});
