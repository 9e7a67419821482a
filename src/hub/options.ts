import { z } from 'zod';
import { TRANSPORT_LIMIT_BYTES } from '../shared/protocol/version';
import type { Logger } from '../node/log/logger';

const rate = z.strictObject({
  perSecond: z.number().positive().max(1_000_000),
  burst: z.number().int().min(1).max(1_000_000),
});
export type RateLimit = z.infer<typeof rate>;

/** The hub's limits. Each refusal they cause is answered with a readable error; nothing is stored. */
export const hubLimitsSchema = z.strictObject({
  /** Largest socket.io message (maxHttpBufferSize); a bigger one closes the connection. */
  maxMessageBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024),
  /** Messages per participant (by participant id; before join, by connection). */
  participantRate: rate,
  /** Messages per IP address, counted only for messages the participant's own limit let through (joins apart). */
  addressRate: rate,
  /** Joins per IP address (a join storm when the session starts; see the defaults). */
  joinRate: rate,
  /** Connections one participant id may hold joined at once (tabs, a reload overlapping its old socket). */
  socketsPerParticipant: z.number().int().min(1).max(1000),
  /**
   * Connections from one address that have not joined yet (bare sockets, pages on the way); beyond,
   * the one that has waited longest is closed (src/hub/pending-sockets.ts).
   */
  pendingPerAddress: z.number().int().min(1).max(1_000_000),
  /** A connection that has not joined this long after opening is closed, with the reason. */
  joinDeadlineMs: z.number().int().min(100).max(3_600_000),
  /** Participant ids not seen before that one IP address may bring per minute. */
  newParticipantsPerMinute: z.number().int().min(1).max(1_000_000),
  /**
   * Peers whose X-Forwarded-For is believed (the reverse proxy or load balancer in front of the
   * hub): exact addresses, `127.0.0.1`, `::1`… Any other peer is the participant's own address.
   */
  trustedProxies: z.array(z.string().min(1).max(64)).max(100),
  /** A phone keeps its room and its « dans la salle » this long after it proved it (a conference day). */
  placeMemoryMs: z.number().int().min(60_000),
  /** Participant messages and régie commands waiting for the disk; beyond, `busy`. */
  maxQueue: z.number().int().min(1).max(1_000_000),
  /** Most messages written in one transaction. */
  maxBatch: z.number().int().min(1).max(100_000),
  /** Audience messages sent to the régie and not yet acknowledged, at most. */
  regieWindow: z.number().int().min(1).max(1_000_000),
  /** Audience messages in one `audience` batch. */
  regieBatch: z.number().int().min(1).max(1000),
  presenceIntervalMs: z.number().int().min(50).max(60_000),
  /** Delay before a change made by the régie reaches the phones (changes in this window go together). */
  patchDelayMs: z.number().int().min(0).max(10_000),
  /** Upvote counts reach the phones at most this often. */
  votesIntervalMs: z.number().int().min(10).max(60_000),
  /** Acknowledged audience messages stay in the backlog this long (a régie restored from an older copy can resume). */
  keepAckedMs: z.number().int().min(0),
  /** A message id is remembered this long: a phone's retry within it is recognised. */
  dedupKeepMs: z.number().int().min(0),
  pruneIntervalMs: z.number().int().min(100),
});
export type HubLimits = z.infer<typeof hubLimitsSchema>;

export const DEFAULT_HUB_LIMITS: HubLimits = {
  maxMessageBytes: TRANSPORT_LIMIT_BYTES,
  participantRate: { perSecond: 5, burst: 10 },
  // A venue NATs its Wi-Fi: 2,000 phones may share one public address. Each of them is already held
  // to its own rate (participantRate) and an address can only bring so many ids (below): this
  // bucket only caps a whole crowd behind one address — 2,000 phones voting within 4 s pass.
  addressRate: { perSecond: 500, burst: 2_000 },
  // The plenary opens and 2,000 phones behind one address scan the QR code within seconds: the
  // burst takes the whole room, the refill lets them come back after a Wi-Fi drop in ~10 s.
  joinRate: { perSecond: 200, burst: 2_000 },
  // A phone with the page open in two tabs, plus a reload whose old socket has not closed yet:
  // 4 is plenty for a person; a script opening hundreds of sockets under one id gets 4.
  socketsPerParticipant: 4,
  // A venue NAT puts 2,000 phones behind one address, but a phone waits only between its socket
  // opening and its join's answer (milliseconds; about a second when 2,000 arrive together and the
  // hub answers ~1,400 joins/s): 1,000 waiting at once leaves room for the whole room's storm, and
  // when it is reached the oldest waiting one is closed (a hostile client's idle sockets, not the
  // phones that have just arrived; a closed phone comes back by itself). One client then holds at
  // most 1,000 file descriptors, and each for at most joinDeadlineMs.
  pendingPerAddress: 1_000,
  // A phone joins the moment its socket opens, and retries a refused join every 3 s: 30 s is ten
  // tries; a socket silent that long is not a phone at work.
  joinDeadlineMs: 30_000,
  // The whole room's join storm behind one NAT within a minute (2,000 phones, with margin); one
  // client minting ids cannot bring more than this many « people » a minute from its address.
  newParticipantsPerMinute: 2_500,
  trustedProxies: [],
  // Scanned at 9:00, still « dans la salle » after a reload at 18:00; a new scan the next morning.
  placeMemoryMs: 12 * 3_600_000,
  maxQueue: 20_000,
  maxBatch: 2_000,
  regieWindow: 5_000,
  regieBatch: 500,
  presenceIntervalMs: 1_000,
  patchDelayMs: 50,
  votesIntervalMs: 1_000,
  keepAckedMs: 10 * 60_000,
  dedupKeepMs: 24 * 3_600_000,
  pruneIntervalMs: 30_000,
};

export const partialHubLimitsSchema = hubLimitsSchema.partial();
export type PartialHubLimits = z.infer<typeof partialHubLimitsSchema>;

export function resolveLimits(partial: PartialHubLimits = {}): HubLimits {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return hubLimitsSchema.parse({ ...DEFAULT_HUB_LIMITS, ...defined });
}

export interface HubOptions {
  /** Folder of the hub's database (hub.sqlite3). One of dataDir and dbPath is required. */
  dataDir?: string;
  /** The database file itself. */
  dbPath?: string;
  /** 0 picks a free port. Default 4871. */
  port?: number;
  /** Address to listen on: 127.0.0.1 (default), the venue network's address, or 0.0.0.0. */
  host?: string;
  /** The régie's secret for `/regie`. */
  regieToken: string;
  /** The code participants type (or scan) to join; compared without case. */
  eventCode: string;
  /** Folder of the built participant page, served at `/`. */
  participantDir?: string;
  /**
   * Host names the hub is reached by through a reverse proxy (remote audience): requests with this
   * Host, and pages of this origin (http or https, any port), are accepted.
   */
  publicHosts?: readonly string[];
  /**
   * Behind a reverse proxy on this machine: believe X-Forwarded-For from loopback peers (127.0.0.1,
   * ::1), added to `limits.trustedProxies` (a proxy on another machine: list its address there).
   */
  trustProxy?: boolean;
  limits?: PartialHubLimits;
  /**
   * One node of a cluster (docs/cluster.md): the shared state in this Redis (`redis://HOST:6379`),
   * the broadcasts through its socket.io adapter. Absent: one hub, its SQLite file.
   */
  redis?: { url: string; nodeId: string };
  logger?: Logger;
  /** better_sqlite3.node built for the running ABI (Electron). */
  nativeBinding?: string;
  now?: () => number;
}

export const DEFAULT_HUB_PORT = 4871;
export const HUB_DB_FILE = 'hub.sqlite3';
