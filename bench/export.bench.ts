/**
 * bench/export: 10,000 questions (French text, some hostile) to CSV (target ≤ 200 ms) and to the
 * XLSX workbook (target ≤ 2 s), through the same `buildExport` as the desk and the command line.
 * Pseudonymised (the default) as the desk makes them; the first pseudonymised pass, which reads every
 * text with the detector, and a CSV with the names are printed apart.
 * Prints the median and the worst of several runs, and the file sizes. No assertion: figures.
 */
import { roomOfSessionId } from '../src/shared/api/room-live';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newQuestion } from '../src/main/engine/audience-reducer';
import { buildExport, type ExportRequest } from '../src/main/export/export-file';
import { parseProgrammeFile } from '../src/main/programme/programme-file';
import { type AudienceQuestion, initialState, type RegieState } from '../src/shared/api/state';
import { DEMO_FILE } from '../src/main/core';
import { DEMO_SESSION, demoReportState } from '../tests/integration/report-demo-state';

const QUESTIONS = 10_000;
const CSV_RUNS = 15;
const XLSX_RUNS = 5;

const openings = [
  'Comment',
  'Pourquoi',
  'Qu’en est-il de',
  'Quelle place pour',
  'Que pensez-vous de',
  'Quels moyens pour',
  'Peut-on envisager',
];
const topics = [
  'l’accompagnement des jeunes majeurs sortant de l’ASE',
  'la parole de l’enfant devant le juge des enfants',
  'la coordination entre départements et éducation nationale',
  'la charge de travail des éducateurs depuis la crise sanitaire',
  'les familles d’accueil en zone rurale',
  'la santé mentale des enfants placés',
  'le secret professionnel partagé',
];
const hostile = [
  '=HYPERLINK("http://evil","clic")',
  "+cmd|' /C calc'!A0",
  '-1+1',
  '@SUM(A1)',
  '<script>alert(1)</script>',
  'Il a dit « oui »; puis "non"',
  '👶🏽🏠❤️',
];

function benchState(): RegieState {
  const programme = parseProgrammeFile(readFileSync(join(import.meta.dirname, '..', 'resources', DEMO_FILE), 'utf8'), DEMO_FILE);
  const sessions = programme.sessions.filter((s) => s.kind !== 'break');
  const questions: AudienceQuestion[] = [];
  const start = Date.UTC(2021, 5, 24, 7, 0);
  for (let i = 0; i < QUESTIONS; i += 1) {
    const text =
      i % 50 === 0 ? hostile[(i / 50) % hostile.length]! : `${openings[i % openings.length]} ${topics[(i * 7) % topics.length]} ? (${i})`;
    const q = newQuestion(`q-${i + 1}`, {
      msgId: `p${i}:m`,
      hubSeq: i + 1,
      receivedAt: start + i * 997,
      origin: i % 3 === 0 ? 'remote' : 'room',
      name: i % 4 === 0 ? `Participant ${i}` : null,
      text,
      sessionId: sessions[i % sessions.length]!.id,
      room: roomOfSessionId(programme, sessions[i % sessions.length]!.id),
      flags: i % 40 === 0 ? [{ field: 'text', kind: 'given-name', start: 0, end: 0, match: 'Zoé' }] : [],
    });
    const status = (['incoming', 'approved', 'answered', 'rejected'] as const)[i % 4]!;
    questions.push({
      ...q,
      status,
      upvotes: i % 17,
      editedText: i % 9 === 0 ? `${text} (reformulée)` : null,
      rank: i % 25 === 0 && status === 'approved' ? i : null,
    });
  }
  const s = initialState();
  return { ...s, programme, audience: { ...s.audience, questions } };
}

/**
 * Times an export, and the longest stretch during which it held the event loop (the core makes
 * exports in its own process: a TAKE or a vote waits that long at most).
 */
async function measure(
  runs: number,
  request: ExportRequest,
  state: RegieState,
): Promise<{ median: number; max: number; bytes: number; blocked: number }> {
  const times: number[] = [];
  let bytes = 0;
  let blocked = 0;
  for (let i = 0; i < runs; i += 1) {
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      blocked = Math.max(blocked, now - last);
      last = now;
    }, 1);
    const t0 = performance.now();
    const file = await buildExport(state, request, { now: Date.now() });
    times.push(performance.now() - t0);
    blocked = Math.max(blocked, performance.now() - last);
    clearInterval(ticker);
    bytes = file.body.length;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, bytes, blocked };
}

const state = benchState();
const base = { scope: { kind: 'event' as const }, names: false, delimiter: ';' as const };
await buildExport(state, { ...base, names: true, format: 'csv' }, { now: Date.now() }); // warm-up (JIT, Intl)
const named = await measure(CSV_RUNS, { ...base, names: true, format: 'csv' }, state);
// The first pseudonymised export reads every text with the detector; the next ones redact only
// what is new or changed (a question is immutable: its redaction is kept with it).
const cold = await measure(1, { ...base, format: 'csv' }, state);
const csv = await measure(CSV_RUNS, { ...base, format: 'csv' }, state);
const unanswered = await measure(CSV_RUNS, { ...base, format: 'csv-unanswered' }, state);
const xlsx = await measure(XLSX_RUNS, { ...base, format: 'xlsx' }, state);
// The PDF report of the demo session (polls, a word cloud, questions of every kind).
const report = demoReportState();
const pdf = await measure(XLSX_RUNS, { ...base, scope: { kind: 'session', sessionId: DEMO_SESSION }, format: 'pdf' }, report);
const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} Ko`;
console.log(`bench/export — ${QUESTIONS.toLocaleString('fr-FR')} questions (toute la manifestation)`);
console.log(`  CSV avec les noms   médiane ${ms(named.median)}  pire ${ms(named.max)}  (${CSV_RUNS} passes)  (boucle bloquée ${ms(named.blocked)} au plus)`);
console.log(`  CSV pseudonymisé, 1re passe  ${ms(cold.median)}  (tous les textes lus par le détecteur ; boucle bloquée ${ms(cold.blocked)} au plus)`);
console.log(
  `  CSV questions       médiane ${ms(csv.median)}  pire ${ms(csv.max)}  (${CSV_RUNS} passes)  ${kb(csv.bytes)}   cible ≤ 200 ms  (boucle bloquée ${ms(csv.blocked)} au plus)`,
);
console.log(
  `  CSV sans réponse    médiane ${ms(unanswered.median)}  pire ${ms(unanswered.max)}  (${CSV_RUNS} passes)  ${kb(unanswered.bytes)}`,
);
console.log(
  `  XLSX (5 feuilles)   médiane ${ms(xlsx.median)}  pire ${ms(xlsx.max)}  (${XLSX_RUNS} passes)  ${kb(xlsx.bytes)}   cible ≤ 2 000 ms  (boucle bloquée ${ms(xlsx.blocked)} au plus)`,
);
console.log(
  `  PDF (séance de démo) médiane ${ms(pdf.median)}  pire ${ms(pdf.max)}  (${XLSX_RUNS} passes)  ${kb(pdf.bytes)}   (boucle bloquée ${ms(pdf.blocked)} au plus)`,
);
