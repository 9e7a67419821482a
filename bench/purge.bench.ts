/**
 * bench/purge: the RGPD purge of a data folder after a big event — 2,000 participants, 3,000
 * questions (one in four holding a first name, a phone number or an e-mail), 5 polls voted by
 * everyone (a few changing their vote), 8,000 upvotes, a word cloud of 3 words each — written by the
 * real engine (journal, snapshots, group commit) and the real hub store (backlog, message ids,
 * votes, upvotes, words). Prints the purge's time and each database's size before and after, then
 * what a pseudonymised export of the purged event costs against one with the names.
 * No assertion: figures. `npm run bench:purge` (or `-- --participants 500` for a quick look).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { hubMigrations } from '../src/hub/hub-migrations';
import { HubStore } from '../src/hub/hub-store';
import { DEMO_FILE } from '../src/main/core';
import { RegieEngine } from '../src/main/engine/regie-engine';
import type { RegieEvent } from '../src/main/engine/events';
import { openExportDatabase } from '../src/main/export/export-database';
import { buildExport } from '../src/main/export/export-file';
import { audienceReceived } from '../src/main/link/hub-link';
import { parseProgrammeFile } from '../src/main/programme/programme-file';
import { openDatabase } from '../src/node/sqlite/database';
import { openRegieDatabase } from '../src/main/store/regie-database';
import { Journal } from '../src/main/store/journal';
import { purgeDataDir } from '../src/main/store/purge/purge-data-dir';
import { Snapshots } from '../src/main/store/snapshots';
import { interactionSchema } from '../src/shared/domain/interaction';
import type { AudienceMessage } from '../src/shared/protocol/audience-messages';

const { values } = parseArgs({
  options: { participants: { type: 'string', default: '2000' }, questions: { type: 'string', default: '3000' } },
});
const PARTICIPANTS = Number(values.participants);
const QUESTIONS = Number(values.questions);
const POLLS = ['charge-de-travail', 'priorites-sortie-crise', 'confiance-equipes', 'placement-familial', 'bilan-assises'];
const CLOUD = 'securite-enfant';

const texts = [
  (i: number) => `Comment accompagner ma fille Léa après le placement ? (${i})`,
  (i: number) => `Quelle place pour les assistants familiaux dans le projet pour l’enfant ? (${i})`,
  (i: number) => `Vous pouvez me joindre au 06 12 34 ${String(10 + (i % 90))} 78 pour en parler (${i})`,
  (i: number) => `Que pensez-vous de la coordination entre départements et éducation nationale ? (${i})`,
  (i: number) => `Écrivez à famille${i}@exemple.fr : quelle aide pour les parents ?`,
  (i: number) => `Comment protéger la parole de l’enfant devant le juge des enfants ? (${i})`,
  (i: number) => `Les jeunes majeurs sortant de l’ASE sont-ils mieux suivis depuis la loi ? (${i})`,
  (i: number) => `La santé mentale des enfants placés est-elle mieux prise en compte ? (${i})`,
];
const words = ['écoute', 'stabilité', 'confiance', 'sécurité', 'présence', 'cadre', 'Kevin', 'lien', 'repères', 'temps'];
const pid = (i: number) => `participant${String(i).padStart(12, '0')}`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
function sizeOf(dir: string, prefix: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

async function writeEvent(dir: string): Promise<{ messages: number; events: number }> {
  const db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
  const engine = new RegieEngine(new Journal(db), new Snapshots(db));
  const programme = parseProgrammeFile(readFileSync(join(import.meta.dirname, '..', 'resources', DEMO_FILE), 'utf8'), DEMO_FILE);
  const polls = POLLS.map((id, k) =>
    interactionSchema.parse({ kind: 'poll', id, type: 'single', question: `Sondage ${k + 1}`, options: ['a', 'b', 'c', 'd'] }),
  );
  const cloud = interactionSchema.parse({ kind: 'wordcloud', id: CLOUD, prompt: 'Un mot pour la sécurité de l’enfant' });
  const withPolls = {
    ...programme,
    interactions: [...(programme.interactions ?? []).filter((i) => !POLLS.includes(i.id) && i.id !== CLOUD), ...polls, cloud],
  };
  await engine.submitSystem('system', () => [{ type: 'programme.loaded', programme: withPolls }]);
  await engine.submitSystem('system', () => [
    { type: 'moderation.lists.set', badWords: [], names: ['Fontanel'], allowed: [] },
    ...POLLS.map((id): RegieEvent => ({ type: 'interaction.opened', interactionId: id, at: 1 })),
    { type: 'interaction.opened', interactionId: CLOUD, at: 1 },
  ]);
  const hubDb = openDatabase(join(dir, 'hub.sqlite3'), { migrations: hubMigrations });
  const hub = new HubStore(hubDb);
  let hubSeq = 0;
  const t0 = Date.UTC(2021, 5, 24, 8, 0);
  const pending: Promise<unknown>[] = [];
  const hubRows: AudienceMessage[] = [];
  const send = (participant: number, body: Record<string, unknown>) => {
    hubSeq += 1;
    const m = {
      hubSeq,
      msgId: `${pid(participant)}:m${hubSeq}`,
      receivedAt: t0 + hubSeq * 250,
      origin: participant % 5 === 0 ? 'remote' : 'room',
      participantId: pid(participant),
      ...body,
    } as AudienceMessage;
    hubRows.push(m);
    // Journaled as the hub link journals it: the question's findings, the words held, found on arrival.
    pending.push(engine.submitSystem('audience', (state) => [audienceReceived(state, 'bench-hub', m)], `aud:${m.msgId}`));
    return m;
  };
  for (let q = 0; q < QUESTIONS; q += 1) {
    const p = (q * 7) % PARTICIPANTS;
    send(p, {
      type: 'question.ask',
      text: texts[q % texts.length]!(q),
      name: q % 3 === 0 ? `Prénom${p} Nom${p}` : null,
      sessionId: 'j1-seq1',
    });
    if (q % 200 === 199) await Promise.all(pending.splice(0));
  }
  for (const [k, poll] of POLLS.entries()) {
    for (let p = 0; p < PARTICIPANTS; p += 1) {
      const first = send(p, { type: 'poll.vote', pollId: poll, choices: [(p + k) % 4], rating: null, replaces: null });
      if (p % 10 === 0) send(p, { type: 'poll.vote', pollId: poll, choices: [(p + k + 1) % 4], rating: null, replaces: first.msgId });
    }
    await Promise.all(pending.splice(0));
  }
  for (let u = 0; u < 8000; u += 1) send(u % PARTICIPANTS, { type: 'question.upvote', questionId: `q-${3 + ((u * 13) % QUESTIONS)}` });
  for (let p = 0; p < PARTICIPANTS; p += 1)
    send(p, { type: 'words.send', cloudId: CLOUD, words: [words[p % 10]!, words[(p + 3) % 10]!, words[(p + 7) % 10]!] });
  await Promise.all(pending.splice(0));
  engine.close();
  db.close();

  hub.transaction(() => {
    for (const m of hubRows) {
      // The backlog keeps what the régie has not acknowledged, pruned ten minutes after: the last ones.
      if (m.hubSeq > hubSeq - 2000) hub.append(m);
      hub.recordMsg(m.msgId, m.hubSeq, m.receivedAt);
      if (m.type === 'poll.vote') hub.putVote(m.pollId, m.participantId, String(m.choices?.[0]), m.msgId, m.hubSeq);
      if (m.type === 'question.upvote' && !hub.hasUpvoted(m.questionId, m.participantId))
        hub.putUpvote(m.questionId, m.participantId, m.hubSeq);
      if (m.type === 'words.send') for (const w of m.words) hub.putWord(m.cloudId, m.participantId, w.toLowerCase(), m.hubSeq);
    }
  });
  hubDb.close();
  return { messages: hubRows.length, events: engine.seq };
}

const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-purge-'));
try {
  const t = performance.now();
  const written = await writeEvent(dir);
  console.log(
    `bench/purge — ${PARTICIPANTS} participants, ${QUESTIONS} questions, ${written.messages} audience messages, ${written.events} journal events (written in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const before = { regie: sizeOf(dir, 'pupitre.sqlite3'), hub: sizeOf(dir, 'hub.sqlite3') };
  const cpu = process.cpuUsage();
  const report = purgeDataDir(dir);
  const used = process.cpuUsage(cpu);
  const after = { regie: sizeOf(dir, 'pupitre.sqlite3'), hub: sizeOf(dir, 'hub.sqlite3') };
  console.log(
    `  purge: ${report.ms} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores), ${report.participants} participants pseudonymised`,
  );
  const phases = (p: { phases: Record<string, number> } | null) =>
    p
      ? Object.entries(p.phases)
          .map(([k, v]) => `${k} ${v} ms`)
          .join(', ')
      : '-';
  console.log(`    régie: ${phases(report.regie)}`);
  console.log(`    hub:   ${phases(report.hub)}`);
  console.log(`  régie database (with its WAL): ${mb(before.regie)} → ${mb(after.regie)}`);
  console.log(`  hub database (with its WAL):   ${mb(before.hub)} → ${mb(after.hub)}`);

  const { state } = openExportDatabase(dir);
  for (const names of [false, true]) {
    for (const format of ['csv', 'xlsx'] as const) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const s = performance.now();
        await buildExport(state, { scope: { kind: 'event' }, format, names, delimiter: ';' }, { now: Date.now() });
        runs.push(performance.now() - s);
      }
      runs.sort((a, b) => a - b);
      console.log(`  export ${format.padEnd(4)} ${names ? 'with names     ' : 'pseudonymised  '}: median ${runs[1]!.toFixed(0)} ms (of 3)`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
