/**
 * The rehearsal simulator: `npm run simulate -- --event-code CODE [--url http://127.0.0.1:4871]
 * [--participants 200] [--questions-per-min 30] [--votes-per-s 50] [--duration 60] …` (see --help).
 * N synthetic participants on one hub; stops by itself and prints a bilan (or JSON with --json).
 */
import { createWriteStream } from 'node:fs';
import { parseSimulatorArgs, isLoopback, usage } from './options';
import { type AcceptedMessage, runRooms, runSimulation } from './simulator';
import { formatSummary } from './stats';

const parsed = parseSimulatorArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  console.log(usage);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`${parsed.message}\n\n${usage}`);
  process.exit(2);
}
const opts = parsed.options;
const log = (line: string) => (opts.json ? console.error(line) : console.log(line));
if (!isLoopback(opts.url)) log(`Attention : hub distant (${opts.url}) — ne simulez que sur un hub de répétition.`);

const stop = new AbortController();
process.once('SIGINT', () => {
  log('Arrêt demandé : bilan…');
  stop.abort();
});

const record = opts.record === undefined ? null : createWriteStream(opts.record, { flags: 'w' });
const onAccepted = record ? (m: AcceptedMessage) => void record.write(JSON.stringify(m) + '\n') : undefined;
const closeRecord = () => new Promise<void>((resolve) => (record ? record.end(resolve) : resolve()));

try {
  const deps = { log, signal: stop.signal, ...(onAccepted ? { onAccepted } : {}) };
  if (opts.rooms) {
    const summaries = await runRooms(opts, deps);
    await closeRecord();
    if (opts.json) process.stdout.write(JSON.stringify({ rooms: summaries }) + '\n');
    else for (const [room, s] of Object.entries(summaries)) console.log(`\n— Salle ${room} —\n${formatSummary(s)}`);
    process.exit(Object.values(summaries).some((s) => s.participants.joined === 0) ? 1 : 0);
  }
  const summary = await runSimulation(opts, deps);
  await closeRecord();
  if (opts.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else console.log(formatSummary(summary));
  const joined = summary.participants.joined;
  process.exit(joined === 0 ? 1 : 0);
} catch (err) {
  console.error(`La simulation a échoué : ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
