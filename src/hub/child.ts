/**
 * The embedded hub's process: started and supervised by the régie core (src/main/hub-process),
 * never by hand (`npm run hub` is the standalone hub). Under `npm run serve` it is a Node child
 * process (child_process.fork, IPC); in the Electron app, a utilityProcess (process.parentPort),
 * built as out/main/hub.js.
 *
 * It waits for `start` (its options, the régie's token included: never on the command line),
 * answers `ready` with its port and hub id, and sends its log lines to the core, which writes them
 * into the régie's log. It closes cleanly on `stop` or SIGTERM, and exits on its own when the core
 * is gone (the IPC channel closes, or its parent process changes): a core that dies leaves no hub.
 */
import type { Logger, LogLevel } from '../node/log/logger';
import { DatabaseTooNewError } from '../node/sqlite/database';
import { type HubStartOptions, type HubToParent, parentToHubSchema } from './child-messages';
import { type RunningHub, startHub } from './hub';

interface ParentChannel {
  post(message: HubToParent): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** Called when the core's end of the channel closes (Node's IPC only: Electron's has no such event). */
  onClose(listener: () => void): void;
}

/** Electron's utility process: `process.parentPort` (typed here, src/hub does not import electron). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function parentChannel(): ParentChannel | null {
  const port = (process as NodeJS.Process & { parentPort?: ParentPort | null }).parentPort;
  if (port) {
    return { post: (m) => port.postMessage(m), onMessage: (l) => port.on('message', (e) => l(e.data)), onClose: () => {} };
  }
  if (process.send && process.connected) {
    return {
      post: (m) => {
        if (process.connected) process.send?.(m, undefined, {}, () => {});
      },
      onMessage: (l) => void process.on('message', l),
      onClose: (l) => void process.once('disconnect', l),
    };
  }
  return null;
}

const channel = parentChannel();
if (!channel) {
  console.error('src/hub/child.ts est lancé par la régie (son hub intégré). Pour un hub seul : npm run hub -- --help');
  process.exit(2);
}

const post = (m: HubToParent) => {
  try {
    channel.post(m);
  } catch {
    // The core is gone: the watchdog below ends this process.
  }
};
const send = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) =>
  post({ type: 'log', level, msg: msg.slice(0, 500), ...(fields ? { fields } : {}) });
const logger: Logger = { debug: send('debug'), info: send('info'), warn: send('warn'), error: send('error') };

let starting: Promise<RunningHub | null> | null = null;
let stopping = false;

async function start(options: HubStartOptions): Promise<RunningHub | null> {
  const { participantDir, nativeBinding, publicHosts, trustProxy, limits, ...rest } = options;
  try {
    const hub = await startHub({
      ...rest,
      ...(participantDir ? { participantDir } : {}),
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(publicHosts ? { publicHosts } : {}),
      ...(trustProxy === undefined ? {} : { trustProxy }),
      ...(limits ? { limits } : {}),
      logger,
    });
    post({ type: 'ready', pid: process.pid, port: hub.port, host: hub.host, hubId: hub.hubId, dbPath: hub.dbPath ?? '', urls: hub.urls });
    return hub;
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    post(
      err instanceof DatabaseTooNewError
        ? { type: 'failed', code: 'db_too_new', message, tooNew: { path: err.path, found: err.found, known: err.known } }
        : { type: 'failed', code: 'start_failed', message },
    );
    // Let the message leave before the channel goes.
    setTimeout(() => process.exit(1), 50);
    return null;
  }
}

/** Closes the hub (its last writes committed, its database closed), then exits; bounded in time. */
async function shutdown(why: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 5_000).unref();
  try {
    const hub = await starting;
    logger.info('hub process stopping', { why });
    await hub?.close();
  } finally {
    process.exit(0);
  }
}

// A start that never comes (a core that died between fork and send): do not linger.
const startDeadline = setTimeout(() => void shutdown('no start message'), 60_000);

channel.onMessage((raw) => {
  const parsed = parentToHubSchema.safeParse(raw);
  if (!parsed.success) {
    logger.warn('message from the core ignored (invalid)', { issue: parsed.error.issues[0]?.message ?? '' });
    return;
  }
  const m = parsed.data;
  switch (m.type) {
    case 'start':
      clearTimeout(startDeadline);
      if (!starting && !stopping) starting = start(m.options);
      return;
    case 'stop':
      void shutdown('stop');
      return;
  }
});
channel.onClose(() => void shutdown('core gone (IPC closed)'));
// Ctrl+C in a terminal reaches the whole process group: the core decides when the hub stops.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// Electron's parentPort has no close event; a parent that dies reparents this process.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown('core gone (parent process changed)');
}, 1_000).unref();
