import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server as HttpServer } from 'node:http';
import { type Namespace, Server } from 'socket.io';
import { type Logger, silentLogger } from '../node/log/logger';
import { type Db, openDatabase } from '../node/sqlite/database';
import { MAX } from '../shared/protocol/limits';
import { PARTICIPANT_NAMESPACE, PROTOCOL_VERSION, REGIE_NAMESPACE } from '../shared/protocol/version';
import { audienceState, roomBoard } from './board';
import { logoFile, participantBranding } from './branding';
import { hubMigrations } from './hub-migrations';
import { HubStore } from './hub-store';
import type { HubStorage, StorageCounts } from './hub-storage';
import { type Committed, HubWriter } from './hub-writer';
import { cachedLocalHosts, type HostPolicy, isHubHost, isHubOrigin, joinUrls } from './host-guard';
import { createHubHttpServer } from './http-routes';
import { DEFAULT_HUB_PORT, HUB_DB_FILE, type HubLimits, type HubOptions, resolveLimits } from './options';
import { AUDIENCE_ROOM, ParticipantChannel, type ParticipantNamespace } from './participant-channel';
import { Places } from './places';
import { PresenceCounter } from './presence';
import { RateLimiter } from './rate-limiter';
import { localRateGate, type RateGate } from './rate-gate';
import { type ClusterNode, openClusterNode } from './redis/cluster-node';
import { SqliteHubStorage } from './sqlite-storage';
import { RegieChannel, type RegieNamespace, sameSecret } from './regie-channel';
import { phonesOf, RoomBroadcasts } from './room-broadcasts';
import { clientAddress, trustedPeers } from './client-address';
import { processFigures, type ProcessFigures } from '../node/process-figures';
import { PendingSockets } from './pending-sockets';

export interface HubStats {
  hubSeq: number;
  ackedHubSeq: number;
  /** Audience messages the régie has not acknowledged. */
  unacked: number;
  appliedSeq: number;
  pendingWrites: number;
  participants: { room: number; remote: number };
  /** Per room (distinct participants, by origin as the hub decided it). */
  rooms: Record<string, { room: number; remote: number }>;
  /** Personal codes known (hashed), and how many are held by a phone. */
  codes: number;
  regieConnected: boolean;
  /** Participant messages refused since start, by error code. */
  refused: Record<string, number>;
  /** The hub process's memory (the soak bench follows it over hours). */
  process: ProcessFigures;
  /** Connections not joined yet, and those closed for waiting too long or too many from one address. */
  pending: { waiting: number; addresses: number; evicted: number; timedOut: number };
}

export interface RunningHub {
  port: number;
  host: string;
  hubId: string;
  /** The SQLite file; null on a cluster node (its state is in Redis). */
  dbPath: string | null;
  /** On a cluster node, its name (--node-id). */
  nodeId: string | null;
  /** Addresses for participants (the join page). */
  urls: string[];
  limits: HubLimits;
  /** The SQLite statements (null on a cluster node). */
  store: HubStore | null;
  /** Rows stored, whatever the storage (for tests: a refusal stores nothing). */
  counts(): Promise<StorageCounts>;
  stats(): HubStats;
  close(): Promise<void>;
}

function listen(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err.code === 'EADDRINUSE' ? new Error(`le port ${port} est déjà utilisé sur ${host} : choisissez-en un autre (--port)`) : err);
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the audience hub: its database, HTTP (participant page, /health) and socket.io with the
 * `/participant` and `/regie` namespaces. Embedded in the régie or alone (cli.ts).
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const dbPath = options.redis ? null : (options.dbPath ?? (options.dataDir ? join(options.dataDir, HUB_DB_FILE) : null));
  if (!dbPath && !options.redis) throw new Error('startHub : indiquez dataDir ou dbPath');
  if (!options.regieToken || options.regieToken.length < 16)
    throw new Error('startHub : jeton de régie trop court (16 caractères au moins)');
  if (!options.eventCode.trim() || options.eventCode.length > MAX.eventCode)
    throw new Error(`startHub : code d’événement vide ou trop long (${MAX.eventCode} au plus)`);
  if (dbPath) mkdirSync(dirname(dbPath), { recursive: true });

  const limits = resolveLimits(options.limits);
  const logger: Logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';

  let port = 0;
  const policy: HostPolicy = {
    port: () => port,
    localHosts: cachedLocalHosts(host),
    publicHosts: new Set((options.publicHosts ?? []).map((h) => h.toLowerCase())),
  };
  const presence = new PresenceCounter();
  let broadcasts: RoomBroadcasts | null = null;
  let regie: RegieChannel | null = null;
  let participantChannel: ParticipantChannel | null = null;
  let sendBranding: (() => void) | null = null;
  let pendingSockets: PendingSockets | null = null;
  /** On a cluster node: what else it does after a commit (tell the other nodes of upvote counts). */
  let clusterCommitted: ((c: Committed) => void) | null = null;
  /** Participants present: this process's, or on a cluster node every node's. */
  let present: Pick<PresenceCounter, 'counts' | 'byRoom'> = presence;
  const onCommitted = (c: Committed) => {
    // A cluster's phones get each patch once, from the node that applied the command; upvote
    // counts go out from the node the régie is linked to (cluster-node.ts).
    broadcasts?.push(c.ops, !options.redis || regie?.connected ? c.votes : []);
    clusterCommitted?.(c);
    if (c.ops.length > 0 || c.roomsChanged) participantChannel?.afterCommit(c.roomsChanged);
    if (c.appended) regie?.pump();
    if (c.branding) sendBranding?.();
  };
  const onError = (err: unknown) => logger.error('hub write failed', { err: String(err) });

  let db: Db | null = null;
  let storage: HubStorage;
  let places: Places;
  let rate: RateGate | null = null;
  let cluster: ClusterNode | null = null;
  if (options.redis) {
    cluster = await openClusterNode({ ...options.redis, eventCode: options.eventCode, limits, now, logger, onCommitted, onError });
    storage = cluster.storage;
    places = cluster.places;
    rate = cluster.rate;
    clusterCommitted = cluster.committed;
    present = cluster.presence(presence);
  } else {
    db = openDatabase(dbPath ?? '', { migrations: hubMigrations, nativeBinding: options.nativeBinding });
    const store = new HubStore(db);
    places = new Places(store, now(), limits.placeMemoryMs);
    storage = new SqliteHubStorage(store, new HubWriter(store, places, { maxQueue: limits.maxQueue, maxBatch: limits.maxBatch, now, onCommitted, onError }));
  }
  const hubId = storage.hubId;
  const writer = storage;

  const isRegie = (authorization: string | undefined): boolean => {
    const m = /^Bearer (.+)$/.exec(authorization ?? '');
    return m !== null && sameSecret(m[1], options.regieToken);
  };

  const stats = (): HubStats => {
    const acked = regie?.ackedHubSeq() ?? storage.savedAck();
    return {
      hubSeq: writer.hubSeq,
      ackedHubSeq: acked,
      unacked: Math.max(0, writer.hubSeq - acked),
      appliedSeq: writer.appliedSeq,
      pendingWrites: writer.pending,
      participants: present.counts(),
      rooms: present.byRoom(),
      codes: places.codeCount,
      regieConnected: regie?.connected ?? false,
      refused: Object.fromEntries(participantChannel?.refused ?? []),
      process: processFigures(),
      pending: { waiting: 0, addresses: 0, ...pendingSockets?.counts(), evicted: pendingSockets?.dropped.evicted ?? 0, timedOut: pendingSockets?.dropped.timedOut ?? 0 },
    };
  };

  const http = createHubHttpServer({
    participantDir: options.participantDir,
    policy,
    // The public learns the hub is up; the figures are the régie's (its token in Authorization: Bearer).
    health: (authorization) => (isRegie(authorization) ? { ok: true, protocol: PROTOCOL_VERSION, ...stats() } : { ok: true }),
    branding: () => participantBranding(writer.board.branding),
    logo: (path) => logoFile(writer.board.branding, path),
  });
  const io = new Server(http, {
    serveClient: false,
    ...(cluster ? { adapter: cluster.adapter } : {}),
    maxHttpBufferSize: limits.maxMessageBytes,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    allowRequest: (req, cb) => {
      if (!isHubHost(req.headers.host, policy)) return cb('adresse non autorisée', false);
      if (!isHubOrigin(req.headers.origin, policy)) return cb('origine non autorisée', false);
      cb(null, true);
    },
  });

  // socket.io types its namespaces with the server's event maps; each of ours has its own.
  const participants = io.of(PARTICIPANT_NAMESPACE) as unknown as ParticipantNamespace;
  // Each node tells its own phones (every node reads the command that changed it).
  sendBranding = () => participants.local.to(AUDIENCE_ROOM).emit('branding', participantBranding(writer.board.branding));
  const votesOf = writer.votesOf;
  broadcasts = new RoomBroadcasts(
    {
      // Through the adapter on a cluster: every node's phones of that room.
      patch: (room, p) => {
        participants.to(phonesOf(room)).emit('patch', p);
        cluster?.sentRevision(room, p.rev);
      },
      state: (room, s) => {
        participants.to(phonesOf(room)).emit('state', s);
        cluster?.sentRevision(room, s.rev);
      },
    },
    (room, rev) => audienceState(writer.board, room, votesOf, PROTOCOL_VERSION, rev),
    votesOf,
    (room, id) => roomBoard(writer.board, room).questions.some((q) => q.id === id),
    { patchDelayMs: limits.patchDelayMs, votesIntervalMs: limits.votesIntervalMs, maxOps: 50 },
    now,
  );
  const participantLimiter = new RateLimiter(limits.participantRate, now);
  const addressLimiter = new RateLimiter(limits.addressRate, now);
  const joinLimiter = new RateLimiter(limits.joinRate, now);
  rate ??= localRateGate(participantLimiter, addressLimiter, joinLimiter);
  const newIdLimiter = new RateLimiter({ perSecond: limits.newParticipantsPerMinute / 60, burst: limits.newParticipantsPerMinute }, now);
  const trusted = trustedPeers(limits.trustedProxies, options.trustProxy ?? false);
  const pending = new PendingSockets({
    perAddress: limits.pendingPerAddress,
    deadlineMs: limits.joinDeadlineMs,
    addressOf: (req) => clientAddress(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], trusted),
    logger,
  });
  pendingSockets = pending;
  participantChannel = new ParticipantChannel(participants, {
    writer,
    store: storage,
    broadcasts,
    presence,
    places,
    rate,
    newIdLimiter,
    socketsPerParticipant: limits.socketsPerParticipant,
    placeMemoryMs: limits.placeMemoryMs,
    eventCode: options.eventCode,
    addressOf: (socket) => clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trusted),
    onJoined: (conn) => pending.settle(conn),
    now,
    logger,
  });
  cluster?.bind({
    participants: participants as unknown as Namespace,
    broadcasts,
    isRegieNode: () => regie?.connected ?? false,
    presence,
  });
  const regieNsp = io.of(REGIE_NAMESPACE) as unknown as RegieNamespace;
  regie = new RegieChannel(regieNsp, {
    storage,
    presence: present,
    token: options.regieToken,
    eventCode: options.eventCode,
    hubId,
    window: limits.regieWindow,
    batch: limits.regieBatch,
    presenceIntervalMs: limits.presenceIntervalMs,
    logger,
  });
  pending.watch(io, participants as unknown as Namespace, regieNsp as unknown as Namespace);

  const prune = () => {
    try {
      const t = now();
      void storage
        .prune(regie?.ackedHubSeq() ?? 0, t - limits.keepAckedMs, t - limits.dedupKeepMs)
        .catch((err: unknown) => logger.error('hub prune failed', { err: String(err) }));
      participantLimiter.sweep();
      addressLimiter.sweep();
      joinLimiter.sweep();
      newIdLimiter.sweep();
      if (storage instanceof SqliteHubStorage) storage.store.prunePlaces(t - limits.placeMemoryMs);
      places.prune(t - limits.placeMemoryMs);
      participantChannel?.prune(t - limits.placeMemoryMs);
    } catch (err) {
      logger.error('hub prune failed', { err: String(err) });
    }
  };
  const pruneTimer = setInterval(prune, limits.pruneIntervalMs);
  pruneTimer.unref();
  // One line a minute in the log: enough to tell afterwards how the audience side went.
  const statsTimer = setInterval(() => logger.info('hub stats', { ...stats() }), 60_000);
  statsTimer.unref();

  try {
    port = await listen(http, host, options.port ?? DEFAULT_HUB_PORT);
  } catch (err) {
    clearInterval(pruneTimer);
    clearInterval(statsTimer);
    pending.close();
    regie.close();
    broadcasts.close();
    await storage.close();
    io.close();
    db?.close();
    await cluster?.close();
    throw err;
  }
  logger.info('hub listening', { host, port, hubId, hubSeq: writer.hubSeq, dbPath, node: options.redis?.nodeId });

  let closed: Promise<void> | null = null;
  return {
    port,
    host,
    hubId,
    dbPath,
    nodeId: options.redis?.nodeId ?? null,
    urls: joinUrls(host, port, options.publicHosts ?? []),
    limits,
    store: storage instanceof SqliteHubStorage ? storage.store : null,
    counts: () => storage.counts(),
    stats,
    close() {
      closed ??= (async () => {
        clearInterval(pruneTimer);
        clearInterval(statsTimer);
        pendingSockets?.close();
        regie?.close();
        broadcasts?.close();
        await storage.close();
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
          http.closeAllConnections();
        });
        db?.close();
        await cluster?.close();
        logger.info('hub stopped');
      })();
      return closed;
    },
  };
}
