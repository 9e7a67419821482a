import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Namespace, ServerOptions } from 'socket.io';
import type { Logger } from '../../node/log/logger';
import type { RoomId } from '../../shared/protocol/rooms';
import type { Committed } from '../hub-writer';
import type { HubLimits } from '../options';
import { Places } from '../places';
import type { PresenceCounter, PresenceCounts } from '../presence';
import type { RateGate } from '../rate-gate';
import type { RoomBroadcasts } from '../room-broadcasts';
import { redisKeys } from './redis-keys';
import { redisRateGate } from './redis-rate-gate';
import { redisClient, RedisHubStorage } from './redis-storage';

export interface ClusterNodeOptions {
  url: string;
  nodeId: string;
  eventCode: string;
  limits: HubLimits;
  now: () => number;
  logger: Logger;
  onCommitted: (c: Committed) => void;
  onError: (err: unknown) => void;
}

/** What the nodes tell each other through the adapter (never a phone). */
const VOTES = 'pupitre:votes';
const REVISION = 'pupitre:rev';

interface NodePresence {
  at: number;
  counts: PresenceCounts;
  rooms: Record<RoomId, PresenceCounts>;
}

/** How the hub's pieces are wired to the cluster once socket.io is up. */
export interface ClusterBinding {
  /** The `/participant` namespace (its server-side events are the nodes' own). */
  participants: Namespace;
  broadcasts: RoomBroadcasts;
  /** This node holds the régie's link: it sends the upvote counts to every phone. */
  isRegieNode: () => boolean;
  presence: PresenceCounter;
}

export interface ClusterNode {
  storage: RedisHubStorage;
  /** Personal codes and places: this node's memory of what Redis holds (read again at each join). */
  places: Places;
  rate: RateGate;
  /** socket.io's adapter on Redis Streams. */
  adapter: ServerOptions['adapter'];
  bind(b: ClusterBinding): void;
  committed(c: Committed): void;
  sentRevision(room: RoomId, rev: number): void;
  presence(local: PresenceCounter): Pick<PresenceCounter, 'counts' | 'byRoom'>;
  close(): Promise<void>;
}

/**
 * One node of a hub cluster: its storage in Redis (redis-storage.ts), rate limits shared in Redis,
 * the socket.io Redis Streams adapter (a broadcast reaches every node's phones; after a Redis blip
 * the adapter resumes its stream where it was), and what the nodes tell each other: the upvote
 * counts each one committed, the revision of the last patch sent to a room's phones (a phone
 * joining any node starts from it), and each node's presence (the régie's node adds them up).
 */
export async function openClusterNode(opts: ClusterNodeOptions): Promise<ClusterNode> {
  const keys = redisKeys(opts.eventCode);
  const places = new Places({ meta: () => undefined, codes: () => [], places: () => [] }, opts.now(), opts.limits.placeMemoryMs);
  const storage = await RedisHubStorage.open({
    url: opts.url,
    eventCode: opts.eventCode,
    places,
    placeMemoryMs: opts.limits.placeMemoryMs,
    dedupKeepMs: opts.limits.dedupKeepMs,
    maxQueue: opts.limits.maxQueue,
    now: opts.now,
    logger: opts.logger,
    onCommitted: opts.onCommitted,
    onError: opts.onError,
  });
  const shared = redisClient(opts.url, `pupitre-hub-${opts.nodeId}`, { logger: opts.logger });
  // The adapter duplicates this client for its readers and subscriber: they wait for Redis too.
  const adapterClient = redisClient(opts.url, `pupitre-hub-adapter-${opts.nodeId}`, { waitForever: true, logger: opts.logger });
  const rate: RateGate = redisRateGate(shared, keys, opts.limits);
  const adapter: ServerOptions['adapter'] = createAdapter(adapterClient, { streamName: keys.adapterStream, channelPrefix: `${keys.adapterStream}:`, maxLen: 10_000 });
  let binding: ClusterBinding | null = null;
  const others = new Map<string, NodePresence>();
  const timers: NodeJS.Timeout[] = [];

  /** A room's phones got revision `rev` from this node: the others start their joins from it. */
  const sentRevision = (room: RoomId, rev: number) => {
    binding?.participants.serverSideEmit(REVISION, room, rev, storage.revision);
  };

  const bind = (b: ClusterBinding) => {
    binding = b;
    b.participants.on(VOTES, (counts: [string, number][]) => {
      const changed = storage.mergeVotes(counts);
      if (changed.length > 0 && b.isRegieNode()) b.broadcasts.push([], changed);
    });
    b.participants.on(REVISION, (room: RoomId, rev: number, boardRev: number) => {
      // Adopted once this node has read the board that revision shows (else a join here would miss it).
      const deadline = opts.now() + 2_000;
      const tryAdopt = () => {
        if (storage.revision >= boardRev || opts.now() > deadline) b.broadcasts.adopt(room, rev);
        else setTimeout(tryAdopt, 20).unref();
      };
      tryAdopt();
    });
    const tick = setInterval(() => {
      const mine: NodePresence = { at: Date.now(), counts: b.presence.counts(), rooms: b.presence.byRoom() };
      shared.hset(keys.presence, opts.nodeId, JSON.stringify(mine)).catch(() => undefined);
      shared.hgetall(keys.presence).then(
        (all) => {
          others.clear();
          for (const [node, json] of Object.entries(all)) {
            if (node === opts.nodeId) continue;
            try {
              const p = JSON.parse(json) as NodePresence;
              // A node silent for three ticks is gone (killed): its phones are reconnecting elsewhere.
              if (Date.now() - p.at <= 3 * opts.limits.presenceIntervalMs + 1_000) others.set(node, p);
            } catch {
              /* another version's entry */
            }
          }
        },
        () => undefined,
      );
    }, opts.limits.presenceIntervalMs);
    tick.unref();
    timers.push(tick);
  };

  /** After a commit on this node: the upvote counts it wrote go to the other nodes. */
  const committed = (c: Committed) => {
    if (c.votes.length === 0 || !binding) return;
    binding.participants.serverSideEmit(
      VOTES,
      c.votes.map((id) => [id, storage.votesOf(id)]),
    );
  };

  /** The whole cluster's participants (this node's now, the others' as they last wrote them). */
  const presence = (local: PresenceCounter): Pick<PresenceCounter, 'counts' | 'byRoom'> => ({
    counts: () => {
      const c = local.counts();
      for (const p of others.values()) {
        c.room += p.counts.room;
        c.remote += p.counts.remote;
      }
      return c;
    },
    byRoom: () => {
      const all = local.byRoom();
      for (const p of others.values()) {
        for (const [room, n] of Object.entries(p.rooms)) {
          const c = (all[room] ??= { room: 0, remote: 0 });
          c.room += n.room;
          c.remote += n.remote;
        }
      }
      return all;
    },
  });

  const close = async () => {
    for (const t of timers) clearInterval(t);
    await shared.hdel(keys.presence, opts.nodeId).catch(() => undefined);
    await Promise.allSettled([shared.quit(), adapterClient.quit()]);
  };

  return { storage, places, rate, adapter, bind, committed, sentRevision, presence, close };
}
