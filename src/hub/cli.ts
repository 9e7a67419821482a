/**
 * The hub alone, for a server that remote participants reach (or for tests):
 *   tsx src/hub/cli.ts --data-dir DOSSIER --event-code CODE [--port 4871] [--host 0.0.0.0] [--json]
 * The régie's token comes from --token or PUPITRE_HUB_TOKEN; without either, one is made and printed.
 * With --json, one line of JSON on stdout once listening: { ready, port, pid, … }.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileLogger } from '../node/log/logger';
import { DatabaseTooNewError } from '../node/sqlite/database';
import { startHub } from './hub';
import { newToken } from '../node/random-token';
import { parseMessage } from '../shared/protocol/validate';
import { DEFAULT_HUB_PORT, partialHubLimitsSchema, type PartialHubLimits } from './options';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    token: { type: 'string' },
    'event-code': { type: 'string' },
    'participant-dir': { type: 'string' },
    'public-host': { type: 'string', multiple: true },
    'trust-proxy': { type: 'boolean', default: false },
    limits: { type: 'string' },
    redis: { type: 'string' },
    'node-id': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const usage = `Usage : tsx src/hub/cli.ts --data-dir DOSSIER --event-code CODE [options]
  --data-dir         dossier de la base du hub (hub.sqlite3) et de ses journaux
  --event-code       code que les participants saisissent pour rejoindre (ou PUPITRE_EVENT_CODE)
  --port             port (défaut : ${DEFAULT_HUB_PORT} ; 0 = au hasard)
  --host             adresse d'écoute (défaut : 127.0.0.1 ; 0.0.0.0 = toutes)
  --token            jeton de la régie (ou PUPITRE_HUB_TOKEN ; sinon un jeton est créé et affiché)
  --participant-dir  dossier de la page des participants
  --public-host      nom d'hôte public derrière un proxy inverse (répétable)
  --trust-proxy      croire X-Forwarded-For venant d'un proxy sur cette machine (127.0.0.1, ::1)
  --limits JSON      limites, p. ex. '{"joinRate":{"perSecond":200,"burst":2000},"newParticipantsPerMinute":2500,
                     "socketsPerParticipant":4,"trustedProxies":["10.0.0.5"]}' (trustedProxies : les
                     répartiteurs dont on croit X-Forwarded-For ; voir src/hub/options.ts pour toutes)
  --redis URL        un nœud d'une grappe de hubs : l'état partagé dans ce Redis (redis://HÔTE:6379),
                     au lieu de la base SQLite (voir docs/cluster.md) ; ou PUPITRE_REDIS_URL, qui garde
                     le mot de passe (redis://:MOT-DE-PASSE@HÔTE:6379) hors de la ligne de commande
  --node-id NOM      le nom de ce nœud dans la grappe (défaut : le nom de la machine)
  --json             une ligne JSON sur la sortie standard quand le hub écoute`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const dataDir = values['data-dir'] ?? fail(`--data-dir manque.\n${usage}`);
const eventCode = values['event-code'] ?? process.env.PUPITRE_EVENT_CODE ?? fail(`--event-code manque.\n${usage}`);
const port = values.port === undefined ? DEFAULT_HUB_PORT : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Port invalide : ${values.port}`);
let limits: PartialHubLimits = {};
if (values.limits !== undefined) {
  let raw: unknown;
  try {
    raw = JSON.parse(values.limits);
  } catch {
    fail('--limits : JSON illisible');
  }
  const parsed = parseMessage(partialHubLimitsSchema, raw, '--limits');
  if (!parsed.ok) fail(parsed.error.message);
  limits = parsed.value;
}
const redisUrl = values.redis ?? process.env.PUPITRE_REDIS_URL;
// The address is not repeated in the error: it may hold Redis's password.
if (redisUrl !== undefined && !/^rediss?:\/\/./.test(redisUrl)) fail('--redis (ou PUPITRE_REDIS_URL) : adresse invalide (redis://HÔTE:6379 attendu)');
const nodeId = values['node-id'] ?? hostname();
if (redisUrl !== undefined && !/^[\w.-]{1,64}$/.test(nodeId)) fail(`--node-id : lettres, chiffres, « . », « - » ou « _ », 64 au plus : ${nodeId}`);
/** The Redis address as the logs may show it: without its user and password. */
function redisHost(url: string | undefined): string {
  try {
    const u = new URL(url ?? '');
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}
const givenToken = values.token ?? process.env.PUPITRE_HUB_TOKEN;
const token = givenToken ?? newToken();

try {
  const logger = createFileLogger({ dir: join(dataDir, 'logs'), echo: !values.json });
  if (redisUrl !== undefined) {
    // A cluster node outlives a Redis outage: a command that gave up waiting for Redis and that no
    // code awaited (a library's heartbeat) is logged as the error it is, never the end of the node.
    // Any other unhandled rejection still ends the process, as everywhere else.
    process.on('unhandledRejection', (reason) => {
      if (reason instanceof Error && reason.name === 'MaxRetriesPerRequestError') {
        logger.error('redis command abandoned during an outage (unhandled)', { err: reason.message });
        return;
      }
      throw reason;
    });
  }
  const hub = await startHub({
    dataDir,
    port,
    host: values.host ?? '127.0.0.1',
    regieToken: token,
    eventCode,
    ...(values['participant-dir'] ? { participantDir: values['participant-dir'] } : {}),
    publicHosts: values['public-host'] ?? [],
    trustProxy: values['trust-proxy'],
    limits,
    ...(redisUrl ? { redis: { url: redisUrl, nodeId } } : {}),
    logger,
  });
  if (values.json) {
    const line = { ready: true, port: hub.port, host: hub.host, pid: process.pid, hubId: hub.hubId, dbPath: hub.dbPath, nodeId: hub.nodeId, urls: hub.urls };
    process.stdout.write(JSON.stringify(givenToken ? line : { ...line, token }) + '\n');
  } else {
    console.log(
      hub.nodeId
        ? `\nPupitre — nœud « ${hub.nodeId} » d'une grappe de hubs prêt (état partagé : ${redisHost(redisUrl)})\n`
        : `\nPupitre — hub du public prêt (base : ${hub.dbPath ?? ''})\n`,
    );
    for (const u of hub.urls) console.log(`  Participants  ${u}`);
    console.log(`  Code de l'événement : ${eventCode}`);
    if (!givenToken) console.log(`  Jeton de la régie (créé pour cette session) : ${token}`);
    console.log(`\n  Ctrl+C pour arrêter.\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('hub stopping', { signal });
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  if (err instanceof DatabaseTooNewError) fail(err.message, 3);
  fail(`Le hub n'a pas pu démarrer : ${err instanceof Error ? err.message : String(err)}`, 1);
}
