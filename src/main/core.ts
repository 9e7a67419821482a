import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createServer as createNetServer } from 'node:net';
import type { AccessInfo, LinkStatus } from '../shared/api/channel';
import { DEFAULT_HUB_PORT, type PartialHubLimits } from '../hub';
import type { EmbeddedHub } from './hub-process/embedded-hub';
import { startHubInProcess } from './hub-process/in-process-hub';
import type { HubLauncher } from './hub-process/launcher';
import { nodeHubLauncher } from './hub-process/node-launcher';
import { withHubProcessNote } from './hub-process/status-note';
import { HubSupervisor } from './hub-process/supervisor';
import { brandingResync, hubCommandsFor, withoutRepeatedBranding } from './link/hub-commands';
import { roomsAfter, roomsResync } from './link/rooms-command';
import { HubLink } from './link/hub-link';
import { Outbox } from './store/outbox';
import { startCueScheduler } from './engine/cue-scheduler';
import { RegieEngine } from './engine/regie-engine';
import { createFileLogger, type Logger } from '../node/log/logger';
import { parseProgrammeFile } from './programme/programme-file';
import { assetReader } from './programme/asset-reader';
import { MAX_LOGO_BYTES } from '../shared/domain/event-branding';
import type { AccessTokens } from './server/access';
import { newToken } from './server/access';
import { seatsRoute } from './server/seats-route';
import { SeatStore } from './store/seat-store';
import { roomsOf } from '../shared/domain/rooms';
import type { SeatWithToken } from '../shared/domain/seats';
import { asRunCsv } from './export/as-run-csv';
import { exportRoute } from './export/export-route';
import { createHttpServer } from './server/http-server';
import { createRemoteApi, type TakeOverResult } from './server/remote-api';
import { startOscRemote } from './server/osc-remote';
import { ViewChannel } from './server/view-channel';
import type { Db } from '../node/sqlite/database';
import { openRegieDatabase } from './store/regie-database';
import { Journal } from './store/journal';
import { Settings } from './store/settings';
import { Snapshots } from './store/snapshots';
import { zonedToEpoch } from '../shared/domain/zoned-time';
import { livePurge } from './store/purge/live-purge';
import { purgeRoute } from './store/purge/purge-route';
import { currentPresenceKey } from '../node/presence/presence-key';
import { isKnownRoom } from '../shared/api/room-bus';
import type { RoomId } from '../shared/domain/rooms';
import { roomSecret } from './rooms/room-secrets';
import { CodesDesk } from './codes/codes-desk';
import { codesRoute } from './codes/codes-route';
import { boundedStep, closeHttp } from './platform/shutdown';
import { databaseMiB, processFigures } from '../node/process-figures';
import { LanListeners } from './server/lan-listeners';
import { type LanState, LanSwitch } from './server/lan-switch';
import { lanRoute } from './server/lan-route';
import { requestToken } from './server/http-json';
import type { StandbyStatus } from '../shared/api/channel';
import { StandbyGate } from './standby/standby-gate';
import { StandbySource } from './standby/standby-source';
import { FOLLOWING_REASON, StandbyFollower } from './standby/standby-follower';
import { STANDBY_NAMESPACE } from './standby/standby-protocol';

export const CORE_VERSION = '0.1.0';
export const DEFAULT_PORT = 4870;

export interface CoreOptions {
  /** Folder of the database and the logs. Created if missing. */
  dataDir: string;
  /** Folder of the built views (out/renderer). */
  rendererDir: string;
  /** Folder of resources/ (the demo programme). */
  resourcesDir: string;
  /** 0 picks a free port. Default 4870, or the next free one. */
  port?: number;
  /**
   * Open the views to the venue network at start (`--lan`), or keep them on 127.0.0.1 (false),
   * for this run, whatever the desk's stored choice; absent: the desk's stored choice (« Sièges »
   * → « Ouvrir aux tablettes du réseau local »), closed by default. Switched live from the desk.
   */
  lan?: boolean;
  /** better_sqlite3.node built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string | undefined;
  /** Load the demo programme into an empty database (default true). */
  demo?: boolean;
  logger?: Logger;
  echoLog?: boolean;
  /**
   * The audience hub. Embedded (default): started here, listening on the venue network (0.0.0.0)
   * for participants only. Remote: a hub on a server, reached with its régie token. Off: no audience.
   */
  hub?: HubSetting;
  /** Folder of the built participant page (out/participant), served by an embedded hub. */
  participantDir?: string;
  /**
   * How the embedded hub's process is started: a Node child process by default (`npm run serve`);
   * the Electron shell passes Electron's utilityProcess. The core itself stays plain Node.
   */
  hubLauncher?: HubLauncher;
  /** The OSC remote control's UDP port (off when absent; 0 picks a free one). */
  oscPort?: number;
  /**
   * Hot standby (docs/standby.md): follow this primary (its views' address and its « secours »
   * token) instead of leading. The audience hub must then be the primary's remote one, or none.
   */
  follow?: { url: string; token: string };
}

export type HubSetting =
  | {
      mode: 'embedded';
      port?: number;
      host?: string;
      /** The hub's limits (per participant, per address, …): the defaults when absent. */
      limits?: PartialHubLimits;
      /**
       * Run the hub inside the core's process, as before: for bench/take's comparison only. A
       * phone's join or vote then runs on the core's event loop, and nothing restarts the hub.
       */
      inProcess?: boolean;
    }
  | { mode: 'remote'; url: string; token: string }
  | { mode: 'off' };

export interface RunningCore {
  engine: RegieEngine;
  /** The embedded hub (its own process, supervised), or null with a remote hub or none. */
  hub: EmbeddedHub | null;
  link: HubLink | null;
  db: Db;
  port: number;
  /** The main room's tokens as before seats (the first régie seat's, the main output's and stage's), as they are now. */
  readonly tokens: AccessTokens;
  /** Every seat, with its token (the régie's eyes only). */
  readonly seats: SeatStore;
  /** The personal codes (import, release, clear), as the desk's dialog and `serve --codes` use them. */
  readonly codes: CodesDesk;
  /** Closes a seat's open views (revocation). */
  disconnectSeat(seatId: string): number;
  /** The views on the venue network (the desk's switch): as now, and switched live. */
  readonly lan: { state(): Promise<LanState>; set(open: boolean, by: string): Promise<LanState> };
  readonly urls: { control: string; output: string; stage: string; lanControl: string[]; lanOutput: string[]; lanStage: string[] };
  logger: Logger;
  logFile: string | null;
  /** The OSC remote control's port, or null when it is off. */
  oscPort: number | null;
  /** The token a standby follows this régie with (« secours »: it opens nothing else). */
  readonly standbyToken: string;
  /** The hot standby as the desk sees it. */
  standbyStatus(): StandbyStatus;
  close(): Promise<void>;
}

export const DEMO_FILE = 'demo/assises-2021.yaml';
/** The demo starts in rehearsal, ten minutes before the opening of day 1. */
export const DEMO_REHEARSAL_START = { date: '2021-06-24', time: '08:50' };

const EVENT_CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code participants can type: 6 characters, none that look alike (0/O, 1/I/L). */
function newEventCode(): string {
  return Array.from(randomBytes(6), (b) => EVENT_CODE_LETTERS[b % EVENT_CODE_LETTERS.length]).join('');
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

async function listen(server: Server, host: string, port: number): Promise<number> {
  const tryPort = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : p);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });
  if (port === 0) return tryPort(0);
  for (let p = port; p < port + 10; p += 1) {
    try {
      return await tryPort(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  return tryPort(0);
}

function isLoopbackPeer(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Seeds an empty database with the Assises demo: the app shows something real with no setup. */
async function seedDemo(engine: RegieEngine, resourcesDir: string, logger: Logger): Promise<void> {
  const file = join(resourcesDir, DEMO_FILE);
  const programme = parseProgrammeFile(readFileSync(file, 'utf8'), DEMO_FILE, { readAsset: assetReader(dirname(file), MAX_LOGO_BYTES) });
  const at = zonedToEpoch(DEMO_REHEARSAL_START, programme.event.timeZone);
  for (const [id, command] of [
    ['demo-seed-programme', { type: 'programme.load', programme }],
    ['demo-seed-clock', { type: 'clock.set', clock: { mode: 'rehearsal', at } }],
  ] as const) {
    const r = await engine.submit({ id, command }, 'system');
    if (!r.ok) throw new Error(`démo : ${r.error.message}`);
  }
  logger.info('demo programme loaded', { file });
}

/** Starts the régie core: database, engine, HTTP + socket.io for the views. Plain Node. */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  if (options.follow && (options.hub ?? { mode: 'embedded' }).mode === 'embedded') {
    throw new Error(
      'une régie de secours rejoint le hub du public de la principale (--hub-url et --hub-token) ou n’en a pas (--no-hub) : un hub intégré à la principale s’arrête avec elle',
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const fileLogger = options.logger ? null : createFileLogger({ dir: join(options.dataDir, 'logs'), echo: options.echoLog ?? false });
  const logger = options.logger ?? fileLogger!;
  const dbPath = join(options.dataDir, 'pupitre.sqlite3');
  // Opened again after the desk's RGPD purge, which replaces the file with its purged copy.
  let db = openRegieDatabase(dbPath, { nativeBinding: options.nativeBinding });
  let settings = new Settings(db);
  const seats = new SeatStore(db);
  // The seats the programme's rooms call for: at first start (before the demo, the tokens of a
  // database of before seats are adopted then), and whenever a programme brings new rooms.
  const ensureSeats = () => {
    // A follower's seats are the primary's (copied with their tokens): it makes none of its own then.
    if (follower) return;
    const programme = engine.state.programme;
    const added = seats.ensure(programme ? roomsOf(programme) : [], Date.now());
    if (added.length > 0) {
      logger.info('seats added', { seats: added.map((s) => s.name) });
      channel?.seatsChanged();
    }
  };
  const mainSeat = (pick: (s: SeatWithToken) => boolean) => seats.all().find(pick)?.token ?? '';
  const tokens = (): AccessTokens => ({
    control: mainSeat((s) => s.kind === 'regie'),
    output: mainSeat((s) => s.kind === 'output' && s.room === null),
    stage: mainSeat((s) => s.kind === 'stage' && s.room === null),
  });

  let channel: ViewChannel | null = null;
  let link: HubLink | null = null;
  let outbox = new Outbox(db);
  // Each room's presence secret: made once, kept in the settings (stable across restarts), sent to the hub by rooms.set.
  const secretOf = (room: RoomId) => roomSecret(settings, room);
  // The personal codes: imported, released and cleared at the desk; their hashes reach the hub through the outbox.
  const codes = new CodesDesk({ engine: () => engine, settings: () => settings, db: () => db });
  let journal = new Journal(db);
  // The hot standby (docs/standby.md): answers wait for a connected standby's commit, up to a deadline.
  let source: StandbySource | null = null;
  let follower: StandbyFollower | null = null;
  /** After a takeover: the origins of the former primary's pages, still let in (they move here). */
  let followedOrigins: string[] = [];
  /** The other régie's views origins: its pages are let in, and this régie's pages may open sockets to it (set below). */
  let peerOrigins: () => string[] = () => [];
  /** Why the hub fenced this régie off (another took over), or null. */
  let fencedBy: string | null = null;
  const standbySince = Date.now();
  // The desks' status line; set once the views' channel exists.
  let publishStatus: () => void = () => undefined;
  const gate: StandbyGate = new StandbyGate({ primarySeq: (): number => engine.seq, onChange: () => publishStatus() });
  const engine: RegieEngine = new RegieEngine(journal, new Snapshots(db), {
    onCommitted: (c) => {
      if (c.changed.includes('programme')) ensureSeats();
      gate.committed(c.seq);
      source?.kick();
      channel?.onCommitted(c);
      link?.kick();
    },
    replication: gate,
    // The hub's commands are written in the same transaction as the events that cause them.
    onEvent: (event, after, meta) => {
      // A programme may bring other rooms: the hub learns them first (their secrets made here, in the same transaction).
      const rooms = event.type === 'programme.loaded' || event.type === 'programme.edited' ? roomsAfter(after.programme, secretOf, () => outbox.lastOfType('rooms.set')) : [];
      const commands = withoutRepeatedBranding([...rooms, ...hubCommandsFor(event, after), ...codes.commandsFor(event)], () =>
        outbox.lastOfType('branding.set'),
      );
      for (const command of commands) outbox.append(outbox.lastSeq() + 1, command, meta.at);
    },
    onError: (err) => logger.error('journal write failed', { err: String(err) }),
  });
  logger.info('core starting', { seq: engine.seq, dataDir: options.dataDir, follow: options.follow?.url ?? null });
  // One line a minute of what the process costs: after an event, the log says whether memory crept.
  const statsTimer = setInterval(() => logger.info('core stats', { seq: engine.seq, ...processFigures(), journalMiB: databaseMiB(dbPath) }), 60_000);
  statsTimer.unref();
  // A standby's journal is the primary's copy: nothing of its own is written while it follows.
  if (options.follow) engine.setReadOnly(FOLLOWING_REASON);
  if (engine.seq === 0 && options.demo !== false && !options.follow) await seedDemo(engine, options.resourcesDir, logger);
  ensureSeats();
  // The hub's resyncs go in the outbox of a régie that leads (a standby copies the primary's outbox).
  const resyncOutbox = () => {
    // The phones' look, when this journal never sent it (written by an older version).
    const look = brandingResync(engine.state, outbox.lastOfType('branding.set'));
    if (look) outbox.append(outbox.lastSeq() + 1, look, Date.now());
    // The rooms and their secrets, when this journal never sent them (written before rooms).
    const rooms = roomsResync(engine.state, secretOf, outbox.lastOfType('rooms.set'));
    if (rooms) outbox.append(outbox.lastSeq() + 1, rooms, Date.now());
  };
  if (!options.follow) resyncOutbox();
  const standbyToken = settings.getOrCreate('standby.token', newToken);
  const scheduler = startCueScheduler(engine, logger);

  // The names the views accept in Host and Origin: loopback, plus the LAN addresses while open.
  const allowedHosts = new Set(['127.0.0.1', 'localhost']);
  let port = 0;
  // The LAN listeners are made once the HTTP server exists (below); nothing reads them before it listens.
  const lanIps = (): string[] => lanListeners.ips();
  const isRegie = (token: string | null) => seats.byToken(token)?.kind === 'regie';
  const http = createHttpServer({
    rendererDir: options.rendererDir,
    peerOrigins: () => peerOrigins(),
    allowedHosts,
    port: () => port,
    // Anyone may ask whether the core is up. Its sequence and version: this machine or a régie seat
    // (the venue network learns nothing more, LAN open); its memory and journal size: a régie seat only.
    health: (req) => {
      const token = requestToken(req);
      if (!isLoopbackPeer(req.socket.remoteAddress) && !isRegie(token)) return { ok: true };
      return { ok: true, seq: engine.seq, version: CORE_VERSION, ...(isRegie(token) ? { process: processFigures(), journalMiB: databaseMiB(dbPath) } : {}) };
    },
    exportFile: (name, token) => {
      if (!isRegie(token)) return { status: 403, body: 'Jeton de régie requis pour les exports.' };
      if (name === 'as-run.csv') return { status: 200, body: asRunCsv(engine.state), contentType: 'text/csv; charset=utf-8' };
      return { status: 404, body: `Export inconnu : ${name.slice(0, 80)}` };
    },
    remote: createRemoteApi({ engine, seats, logger, takeOver: (actor) => takeOver(actor) }),
    seats: seatsRoute({
      seats: () => seats,
      origins: () => [...lanIps().map((ip) => `http://${ip}:${port}`), `http://127.0.0.1:${port}`],
      connected: () => channel?.connectedSeats() ?? {},
      disconnect: (id) => channel?.disconnectSeat(id),
      // The standby copies the seats (their tokens): it hears of the change at once, not at the next command.
      onChange: (what, seat, by) => {
        source?.kick();
        logger.info(what === 'revoke' ? 'seat revoked' : 'seat token reissued', { seat: seat.id, name: seat.name, by: by.name });
        channel?.seatsChanged();
      },
    }),
    codes: codesRoute({ desk: () => codes, seatOf: (token) => seats.byToken(token) ?? null }),
    lan: lanRoute({ lan: () => lanSwitch, seatOf: (token) => seats.byToken(token) ?? null }),
    // Exports and the purge: the central régie's (a room seat's own exports come with the rooms' exports).
    purge: purgeRoute({ isControl: (token) => isRegie(token), purge: () => purge() }),
    download: exportRoute({
      state: () => engine.state,
      isControl: (token) => isRegie(token),
      onError: (err) => logger.error('export failed', { err: String(err) }),
    }),
  });
  const lanListeners = new LanListeners({ http, port: () => port, allowedHosts });
  const lanSwitch = new LanSwitch({ listeners: lanListeners, settings: () => settings, logger });
  const urls = () => {
    const t = tokens();
    return {
      control: `http://127.0.0.1:${port}/control?token=${t.control}`,
      output: `http://127.0.0.1:${port}/output?token=${t.output}`,
      stage: `http://127.0.0.1:${port}/stage?token=${t.stage}`,
      lanControl: lanIps().map((ip) => `http://${ip}:${port}/control?token=${t.control}`),
      lanOutput: lanIps().map((ip) => `http://${ip}:${port}/output?token=${t.output}`),
      lanStage: lanIps().map((ip) => `http://${ip}:${port}/stage?token=${t.stage}`),
    };
  };
  const access = (): AccessInfo => {
    const u = urls();
    return { controlUrl: u.lanControl[0] ?? u.control, outputUrl: u.lanOutput[0] ?? u.output, stageUrl: u.lanStage[0] ?? u.stage, lan: lanIps().length > 0 };
  };
  const hubSetting = options.hub ?? { mode: 'embedded' };
  const offStatus: LinkStatus = {
    state: 'off',
    since: Date.now(),
    hubUrl: null,
    embedded: false,
    rttMs: null,
    outboxPending: 0,
    hubBacklog: null,
    participants: { room: 0, remote: 0 },
    eventCode: null,
    joinUrls: [],
    lastError: null,
  };
  // A room's output shows its join QR code with the room's key of the moment (docs/rooms.md § 4);
  // none without an audience hub, nor for a room the programme does not have.
  const presenceKey = (room: RoomId, now: number): string | null =>
    hubSetting.mode === 'off' || !isKnownRoom(engine.state, room) ? null : currentPresenceKey(secretOf(room), room, now);
  channel = new ViewChannel(http, {
    engine,
    seats,
    allowedHosts,
    port: () => port,
    access,
    version: CORE_VERSION,
    logger,
    status: { link: offStatus },
    presenceKey,
    peerOrigins: () => peerOrigins(),
  });
  // Always on loopback (the desk on this machine); the venue network is the LAN switch's, on the same port.
  port = await listen(http, '127.0.0.1', options.port ?? DEFAULT_PORT);
  const lanAtStart = await lanSwitch.start(options.lan);
  logger.info('core listening', { port, lan: lanAtStart.open, lanAddresses: lanAtStart.addresses });
  // The OSC remote (UDP) follows the choice made at start: a change at the desk applies at the next start.
  const osc =
    options.oscPort === undefined ? null : await startOscRemote({ engine, seats, logger, port: options.oscPort, host: lanAtStart.open ? '0.0.0.0' : '127.0.0.1' });

  let hub: EmbeddedHub | null = null;
  let lastHubPort: number | null = null;
  let closed = false;
  // The link's status as the views see it: with what the supervisor has to say about the hub's process.
  const originOf = (url: string | null): string | null => {
    try {
      return url === null ? null : new URL(url).origin;
    } catch {
      return null;
    }
  };
  const standbyStatus = (): StandbyStatus => {
    const epoch = journal.lastEpoch();
    if (fencedBy !== null) return { role: 'fenced', state: 'none', lagMs: null, peer: null, peerViews: null, since: standbySince, epoch, lastError: fencedBy };
    if (follower) return follower.status(epoch);
    return source?.status(epoch, standbySince) ?? { role: 'primary', state: 'none', lagMs: null, peer: null, since: standbySince, epoch, lastError: null };
  };
  // The other régie's pages (docs/standby.md § « Les vues »): its standby's, the primary it follows or followed.
  peerOrigins = () => {
    const standby = originOf(standbyStatus().peerViews ?? null);
    return [...(standby === null ? [] : [standby]), ...(follower?.peerOrigins() ?? followedOrigins)];
  };
  const showLink = () => {
    if (closed) return;
    const linkStatus = link ? withHubProcessNote(link.current, hub?.state() ?? null, Date.now()) : offStatus;
    channel?.setStatus({ link: linkStatus, standby: standbyStatus() });
  };
  // The audience side, started here and again after the desk's RGPD purge (the embedded hub on
  // the port it had: the phones come back to the address they know).
  const startAudience = async (): Promise<void> => {
    if (hubSetting.mode === 'off') return;
    const regieId = settings.getOrCreate('regie.id', newToken);
    let url: string;
    let token: string;
    let joinUrls: string[] = [];
    if (hubSetting.mode === 'embedded') {
      token = settings.getOrCreate('hub.regieToken', newToken);
      const eventCode = settings.getOrCreate('hub.eventCode', newEventCode);
      const hubPort = lastHubPort ?? hubSetting.port ?? ((await isPortFree(DEFAULT_HUB_PORT)) ? DEFAULT_HUB_PORT : 0);
      const start = {
        dataDir: resolve(options.dataDir),
        port: hubPort,
        host: hubSetting.host ?? '0.0.0.0',
        regieToken: token,
        eventCode,
        ...(options.participantDir ? { participantDir: resolve(options.participantDir) } : {}),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(hubSetting.limits ? { limits: hubSetting.limits } : {}),
      };
      hub = hubSetting.inProcess
        ? await startHubInProcess(start, logger)
        : await HubSupervisor.start({
            launcher: options.hubLauncher ?? nodeHubLauncher(),
            start,
            logger,
            onChange: showLink,
            onRestarted: () => link?.retryNow(),
          });
      lastHubPort = hub.port;
      url = `http://127.0.0.1:${hub.port}`;
      joinUrls = hub.urls.map((u) => `${u.replace(/\/$/, '')}/?e=${encodeURIComponent(eventCode)}`);
      logger.info('embedded hub listening', { port: hub.port, joinUrls, pid: hub.pid, inProcess: hub.inProcess });
    } else {
      url = hubSetting.url.replace(/\/$/, '');
      token = hubSetting.token;
    }
    link = new HubLink({
      url,
      token,
      regieId,
      embedded: hubSetting.mode === 'embedded',
      engine,
      outbox,
      logger,
      joinUrls,
      onStatus: () => showLink(),
      epoch: () => journal.lastEpoch(),
      onFenced: (why) => {
        // Another régie leads (docs/standby.md): this one stops acting, its desk says why.
        fencedBy = why;
        engine.setReadOnly(`Une autre régie a pris la main : celle-ci ne prend plus aucune commande (${why})`);
        logger.error('another régie took over', { why });
        showLink();
      },
    });
    showLink();
    link.start();
  };
  const stopAudience = async (): Promise<void> => {
    // Forgotten once stopped: nothing may reach their databases while the purge holds them.
    const [stopping, closing] = [link, hub];
    link = null;
    hub = null;
    await stopping?.stop();
    await closing?.close();
  };
  const purge = livePurge({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    logger,
    state: () => engine.state,
    stopAudience,
    closeDatabase: () => {
      engine.flush();
      db.close();
    },
    reopenDatabase: () => {
      db = openRegieDatabase(dbPath, { nativeBinding: options.nativeBinding });
      settings = new Settings(db);
      seats.reopen(db);
      outbox = new Outbox(db);
      journal = new Journal(db);
      engine.reopen(journal, new Snapshots(db));
    },
    startAudience,
  });
  publishStatus = showLink;
  /**
   * « Prendre la main » (docs/standby.md): the standby stops following, writes the next epoch in
   * its journal, links to the audience hub (resuming after the last hub message in its journal, as
   * the primary would have) and takes commands.
   */
  const takeOver = async (actor: string): Promise<TakeOverResult> => {
    if (!follower) return { ok: false, message: fencedBy !== null ? 'une autre régie a pris la main : celle-ci ne peut pas la reprendre' : 'cette régie mène déjà : il n’y a rien à reprendre' };
    const pressedAt = Date.now();
    followedOrigins = follower.peerOrigins();
    follower.stop();
    follower = null;
    engine.setReadOnly(null);
    const epoch = journal.lastEpoch() + 1;
    const r = await engine.submitSystem(actor, () => [{ type: 'epoch.begun', epoch }]);
    if (!r.ok) return { ok: false, message: r.error.message };
    resyncOutbox();
    logger.info('took over', { epoch, seq: engine.seq, by: actor, ms: Date.now() - pressedAt });
    await startAudience();
    showLink();
    return { ok: true, epoch };
  };
  source = new StandbySource(channel.io.of(STANDBY_NAMESPACE), {
    engine,
    gate,
    db: () => db,
    journal: () => journal,
    outbox: () => outbox,
    token: () => standbyToken,
    regieId: () => settings.get('regie.id') ?? null,
    viewsOrigins: () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...lanIps().map((ip) => `http://${ip.includes(':') ? `[${ip}]` : ip}:${port}`)],
    logger,
  });
  if (options.follow) {
    follower = new StandbyFollower({
      url: options.follow.url,
      token: options.follow.token,
      engine,
      journal: () => journal,
      outbox: () => outbox,
      settings: () => settings,
      db: () => db,
      viewsPort: () => port,
      onSeatsCopied: () => {
        // The primary's seats replaced this régie's own: a view open with a token gone closes (it was never the primary's).
        const before = new Map(seats.all().map((s) => [s.id, s.token]));
        seats.reopen(db);
        for (const [id, token] of before) if (seats.find(id)?.token !== token) channel?.disconnectSeat(id);
        channel?.seatsChanged();
      },
      logger,
      onStatus: () => publishStatus(),
    });
    follower.start();
  } else {
    await startAudience();
  }
  showLink();
  // The lag grows while nothing arrives: the desks see it move.
  const standbyTimer = setInterval(() => showLink(), 1_000);
  standbyTimer.unref();

  return {
    engine,
    get hub() {
      return hub;
    },
    get link() {
      return link;
    },
    get db() {
      return db;
    },
    port,
    get tokens() {
      return tokens();
    },
    seats,
    codes,
    disconnectSeat: (id) => channel?.disconnectSeat(id) ?? 0,
    lan: { state: () => lanSwitch.state(), set: (open, by) => lanSwitch.set(open, by) },
    get urls() {
      return urls();
    },
    logger,
    logFile: fileLogger?.file ?? null,
    oscPort: osc?.port ?? null,
    standbyToken,
    standbyStatus,
    async close() {
      if (closed) return;
      closed = true;
      scheduler.stop();
      clearInterval(statsTimer);
      clearInterval(standbyTimer);
      follower?.stop();
      source?.close();
      // Each step is bounded: a stuck one is named in the log and the shutdown goes on, so the
      // journal is always closed (a quit that hangs is a quit someone ends with kill -9).
      const step = (name: string, work: () => Promise<void> | void, ms = 5_000) => boundedStep(name, work, ms, logger);
      await step('osc', () => osc?.close());
      await step('hub link', () => link?.stop());
      engine.close();
      await step('views', () => channel?.close());
      await step('lan', async () => {
        await lanListeners.close();
      });
      await step('embedded hub', () => hub?.close(), 10_000);
      await step('http', () => closeHttp(http));
      db.close();
      logger.info('core stopped');
    },
  };
}
