import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../node/log/logger';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { type Ack, type HubError, refuse } from '../../shared/protocol/errors';
import type { ParticipantAction } from '../../shared/protocol/participant-messages';
import type { CommandAck, RegieCommand } from '../../shared/protocol/regie-commands';
import { admit, type Admission, type Prior } from '../admit';
import { applyRegieCommand, type Board, loadBoard, roomBoard } from '../board';
import type { PreviousVote } from '../hub-store';
import type { HubStorage, StorageCounts } from '../hub-storage';
import type { Committed, PlacedSender, RoomOps } from '../hub-writer';
import type { Places } from '../places';
import { type RedisKeys, redisKeys } from './redis-keys';
import type { Place } from '../join-decision';
import { hashPersonalCode } from '../../node/presence/presence-key';
import { ACK_SCRIPT, EPOCH_SCRIPT, PARTICIPANT_SCRIPT, PLACE_SCRIPT, REGIE_SCRIPT, RESUME_SCRIPT } from './scripts';

export interface RedisStorageOptions {
  url: string;
  eventCode: string;
  places: Places;
  /** How long a phone's place is remembered after it proved or chose it (as the SQLite hub). */
  placeMemoryMs: number;
  dedupKeepMs: number;
  maxQueue: number;
  now: () => number;
  logger: Logger;
  onCommitted: (c: Committed) => void;
  onError: (err: unknown) => void;
  /** Board-log entries kept in Redis (a node further behind reads the board whole). */
  boardLogLength?: number;
}

/** One entry of the board log: the command applied (null: its content was refused), the board after it if it changed. */
interface BoardEntry {
  applied: number;
  command: RegieCommand | null;
  board?: Board;
}

type ScriptReply = [string, number, number];
type Scripted = Redis & {
  pupParticipant(...args: (string | number)[]): Promise<ScriptReply>;
  pupRegie(...args: (string | number)[]): Promise<[string, number]>;
  pupResume(...args: (string | number)[]): Promise<number>;
  pupAck(...args: (string | number)[]): Promise<number>;
  pupEpoch(...args: (string | number)[]): Promise<number>;
  pupPlace(...args: (string | number)[]): Promise<[string, string]>;
};

const VOTE_SEP = '\n';
const RETRIES = 8;

/**
 * ioredis: a command waits for a Redis that restarts, a few seconds at most, then fails (the phone
 * hears « réessayez »). `waitForever`: the commands wait for Redis however long it takes — for the
 * socket.io adapter's client, whose heartbeats are sent without a catch (a failed one would be an
 * unhandled rejection, which ends the process: a Redis restart must never kill a node).
 * Connection errors are logged once per outage, not once per retry.
 */
export function redisClient(url: string, name: string, opts: { waitForever?: boolean; logger?: Logger } = {}): Redis {
  const client = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: opts.waitForever ? null : 3,
    retryStrategy: (times) => Math.min(100 * times, 1_000),
    enableAutoPipelining: true,
  });
  watchRedis(client, name, opts.logger);
  return client;
}

/** Logs a client's connection errors once per outage (ioredis retries on its own), and its return. */
export function watchRedis(client: Redis, name: string, logger: Logger | undefined): Redis {
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger?.warn('redis unreachable, retrying', { client: name, err: String(err) });
  });
  client.on('ready', () => {
    if (down) logger?.info('redis reachable again', { client: name });
    down = false;
  });
  return client;
}

/** Stream replies as ioredis gives them: [[id, [field, value, …]], …]. */
type StreamEntries = [string, string[]][];
const field = (fields: string[], name: string): string | undefined => fields[fields.indexOf(name) + 1];
const idSeq = (id: string): number => Number(id.split('-')[0]);

/**
 * One cluster node's storage (hub-storage.ts), the state shared in Redis. Each participant message
 * is one script (scripts.ts): the message id, the participant's vote, upvote or words, and the
 * backlog entry are written together or not at all, so two nodes taking the same retry count it
 * once. The régie's commands are applied by the node the régie is linked to, in order, as one
 * script each, and every node reads them from the board log (a Redis stream) to keep its board.
 */
export class RedisHubStorage implements HubStorage {
  readonly kind = 'redis' as const;
  private boardValue: Board;
  private boardRev: number;
  private hubSeqValue: number;
  private appliedValue: number;
  private readonly votes = new Map<string, number>();
  private inFlight = 0;
  private closed = false;
  private regieChain: Promise<unknown> = Promise.resolve();
  private notifyAt = 0;
  private notifyScheduled = false;
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly redis: Scripted,
    /** Blocking reads of the board log. */
    private readonly reader: Redis,
    /** Pub/sub: the backlog grew on another node. */
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    readonly hubId: string,
    private readonly ackedAtStart: number,
    private readonly opts: RedisStorageOptions,
    loaded: { board: Board; boardRev: number; hubSeq: number; applied: number; votes: Record<string, string> },
  ) {
    this.boardValue = loaded.board;
    this.boardRev = loaded.boardRev;
    this.hubSeqValue = loaded.hubSeq;
    this.appliedValue = loaded.applied;
    for (const [id, n] of Object.entries(loaded.votes)) this.votes.set(id, Number(n));
  }

  static async open(opts: RedisStorageOptions): Promise<RedisHubStorage> {
    const keys = redisKeys(opts.eventCode);
    const redis = redisClient(opts.url, 'pupitre-hub', { logger: opts.logger }) as Scripted;
    try {
      redis.defineCommand('pupParticipant', { numberOfKeys: 6, lua: PARTICIPANT_SCRIPT });
      redis.defineCommand('pupRegie', { numberOfKeys: 8, lua: REGIE_SCRIPT });
      redis.defineCommand('pupPlace', { numberOfKeys: 3, lua: PLACE_SCRIPT });
      redis.defineCommand('pupResume', { numberOfKeys: 2, lua: RESUME_SCRIPT });
      redis.defineCommand('pupAck', { numberOfKeys: 1, lua: ACK_SCRIPT });
      redis.defineCommand('pupEpoch', { numberOfKeys: 1, lua: EPOCH_SCRIPT });
      await redis.set(keys.hubId, randomBytes(12).toString('base64url'), 'NX');
      const [hubId, boardJson, boardRev, hubSeq, applied, acked, votes, codeSalt, codes] = await Promise.all([
        redis.get(keys.hubId),
        redis.get(keys.board),
        redis.get(keys.boardRev),
        redis.get(keys.seq),
        redis.get(keys.applied),
        redis.get(keys.acked),
        redis.hgetall(keys.upvoteCounts),
        redis.get(keys.codeSalt),
        redis.hgetall(keys.codes),
      ]);
      // A node started after the codes were sent knows them, and who holds each.
      opts.places.loadCodes(codeSalt, codes);
      const board = loadBoard(boardJson ?? undefined);
      if (board.problem) opts.onError(new Error(`état affiché illisible dans Redis, remis à zéro : ${board.problem}`));
      const storage = new RedisHubStorage(
        redis,
        watchRedis(redis.duplicate({ connectionName: 'pupitre-hub-board' }), 'pupitre-hub-board', opts.logger),
        watchRedis(redis.duplicate({ connectionName: 'pupitre-hub-notices' }), 'pupitre-hub-notices', opts.logger),
        keys,
        hubId ?? 'inconnu',
        Number(acked ?? 0),
        opts,
        { board: board.board, boardRev: Number(boardRev ?? 0), hubSeq: Number(hubSeq ?? 0), applied: Number(applied ?? 0), votes },
      );
      await storage.listen();
      return storage;
    } catch (err) {
      redis.disconnect();
      throw err;
    }
  }

  get board(): Board {
    return this.boardValue;
  }

  /** The board revision this node has read (one per command applied in the cluster). */
  get revision(): number {
    return this.boardRev;
  }

  get hubSeq(): number {
    return this.hubSeqValue;
  }

  get appliedSeq(): number {
    return this.appliedValue;
  }

  get pending(): number {
    return this.inFlight;
  }

  readonly votesOf = (questionId: string): number => this.votes.get(questionId) ?? 0;

  /** Upvote counts another node committed (each count only grows). Answers the ids that changed. */
  mergeVotes(counts: readonly [string, number][]): string[] {
    const changed: string[] = [];
    for (const [id, n] of counts) {
      if (n > (this.votes.get(id) ?? 0)) {
        this.votes.set(id, n);
        changed.push(id);
      }
    }
    return changed;
  }

  async submitParticipant(action: ParticipantAction, sender: PlacedSender): Promise<Ack> {
    if (this.closed) return refuse('unavailable', 'le service s’arrête : réessayez dans un instant');
    if (this.inFlight >= this.opts.maxQueue) return refuse('busy', 'le service est très sollicité : réessayez dans quelques secondes');
    this.inFlight += 1;
    try {
      return await this.participant(action, sender);
    } catch (err) {
      this.opts.onError(err);
      return refuse('unavailable', 'le service n’a pas pu enregistrer votre message : réessayez');
    } finally {
      this.inFlight -= 1;
    }
  }

  private async participant(action: ParticipantAction, sender: PlacedSender): Promise<Ack> {
    const msgId = `${sender.participantId}:${action.msg.clientMsgId}`;
    const pid = sender.participantId;
    for (let attempt = 0; attempt < RETRIES; attempt += 1) {
      const read = await this.readPrior(action, pid, msgId);
      if (read.duplicate) return { ok: true, duplicate: true };
      const board = this.boardValue;
      const a: Admission = admit(
        { ...roomBoard(board, sender.room), bannedWords: board.bannedWords },
        action,
        // A hub without rooms (a régie of before rooms) sends no room: that régie would not read it.
        board.roomList.length > 0 ? sender : { participantId: pid, origin: sender.origin },
        read.prior,
        msgId,
        this.opts.now(),
      );
      if (!a.ok) return a.refusal;
      if (a.unchanged) return { ok: true };
      const k = this.keys;
      const e = a.effect;
      const body = JSON.stringify(a.body);
      const common = [k.seq, k.backlog, k.msg(msgId), k.stats];
      let reply: ScriptReply;
      switch (e.kind) {
        case 'vote':
          reply = await this.redis.pupParticipant(...common, k.votes(e.pollId), k.upvoteCounts, body, this.opts.dedupKeepMs, 'vote', pid, read.rawVote, `${e.choiceKey}${VOTE_SEP}${msgId}`);
          break;
        case 'upvote':
          reply = await this.redis.pupParticipant(...common, k.upvotedBy(pid), k.upvoteCounts, body, this.opts.dedupKeepMs, 'upvote', e.questionId);
          break;
        case 'words':
          reply = await this.redis.pupParticipant(...common, k.words(e.cloudId, pid), k.upvoteCounts, body, this.opts.dedupKeepMs, 'words', read.wordCount, ...e.keys);
          break;
        default:
          reply = await this.redis.pupParticipant(...common, k.stats, k.upvoteCounts, body, this.opts.dedupKeepMs, 'none');
      }
      const [status, seq, n] = reply;
      if (status === 'dup') return { ok: true, duplicate: true };
      if (status === 'retry') continue;
      this.appended(Number(seq));
      const votes: string[] = [];
      if (e.kind === 'upvote' && Number(n) > (this.votes.get(e.questionId) ?? 0)) {
        this.votes.set(e.questionId, Number(n));
        votes.push(e.questionId);
      }
      this.opts.onCommitted({ ops: [], roomsChanged: false, votes, appended: true, branding: false });
      return { ok: true };
    }
    return refuse('busy', 'le service est très sollicité : réessayez dans quelques secondes');
  }

  /** What the decision needs, read in one round trip: is the id taken, and the participant's vote, upvote or words. */
  private async readPrior(
    action: ParticipantAction,
    pid: string,
    msgId: string,
  ): Promise<{ duplicate: boolean; prior: Prior; rawVote: string; wordCount: number }> {
    const k = this.keys;
    // Both reads awaited together: with Redis gone, each fails, and a read left unawaited would be
    // an unhandled rejection, which ends the node's process (it did, in the middle of a burst).
    const [taken, rawVote, upvoted, words] = await Promise.all([
      this.redis.exists(k.msg(msgId)),
      action.type === 'poll.vote' ? this.redis.hget(k.votes(action.msg.pollId), pid).then((v) => v ?? '') : '',
      action.type === 'question.upvote' ? this.redis.sismember(k.upvotedBy(pid), action.msg.questionId).then((n) => n === 1) : false,
      action.type === 'words.send' ? this.redis.smembers(k.words(action.msg.cloudId, pid)) : ([] as string[]),
    ]);
    const previous = parseVote(rawVote);
    return {
      duplicate: taken === 1,
      rawVote,
      wordCount: words.length,
      prior: {
        previousVote: () => previous,
        hasUpvoted: () => upvoted,
        wordKeys: () => words,
      },
    };
  }

  /** This node appended up to `seq`: the régie link may send more; the other nodes hear it once per turn. */
  private appended(seq: number): void {
    if (seq > this.hubSeqValue) this.hubSeqValue = seq;
    this.notifyAt = Math.max(this.notifyAt, seq);
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setImmediate(() => {
      this.notifyScheduled = false;
      this.redis.publish(this.keys.appended, String(this.notifyAt)).catch(() => undefined);
    });
  }

  submitRegie(seq: number, command: RegieCommand | HubError): Promise<CommandAck> {
    if (this.closed)
      return Promise.resolve({ ok: false, appliedSeq: this.appliedValue, error: { code: 'unavailable', message: 'le hub s’arrête' } });
    // One at a time on this node: each is decided on the board the previous one left.
    const next = this.regieChain.then(() => this.regie(seq, command));
    this.regieChain = next.catch(() => undefined);
    return next.catch((err: unknown) => {
      this.opts.onError(err);
      return { ok: false, appliedSeq: this.appliedValue, error: { code: 'unavailable', message: 'écriture du hub impossible' } };
    });
  }

  private async regie(seq: number, content: RegieCommand | HubError): Promise<CommandAck> {
    const k = this.keys;
    for (let attempt = 0; attempt < RETRIES; attempt += 1) {
      const board = this.boardValue;
      const command = 'code' in content ? null : content;
      const applied = command ? applyRegieCommand(board, command, this.opts.now(), this.votesOf) : null;
      const changed = applied !== null && applied.board !== board;
      const entry: BoardEntry = { applied: seq, command, ...(changed ? { board: applied.board } : {}) };
      const reset = command?.type === 'poll.reset' ? command.pollId : null;
      const [status, n] = await this.redis.pupRegie(
        k.applied,
        k.board,
        k.boardRev,
        k.boardLog,
        reset === null ? k.applied : k.votes(reset),
        k.codeSalt,
        k.codes,
        k.codeHeld,
        seq,
        changed ? JSON.stringify(applied.board) : '',
        JSON.stringify(entry),
        reset === null ? '0' : '1',
        this.boardRev,
        this.opts.boardLogLength ?? 1_000,
        ...codesArgs(command),
      );
      if (status === 'dup') return { ok: true, appliedSeq: Number(n), duplicate: true };
      if (status === 'order') {
        return {
          ok: false,
          appliedSeq: Number(n),
          error: { code: 'out_of_order', message: `commande n° ${seq} hors d’ordre : le hub attend la n° ${Number(n) + 1}` },
        };
      }
      if (status === 'stale') {
        await this.reloadBoard();
        continue;
      }
      const ops: RoomOps[] = applied && applied.ops.length > 0 ? [{ room: applied.room, ops: applied.ops }] : [];
      this.adopt(Number(n), entry, ops, applied?.roomsChanged ?? false);
      if ('code' in content) return { ok: false, appliedSeq: seq, error: content };
      return { ok: true, appliedSeq: seq, duplicate: false };
    }
    return { ok: false, appliedSeq: this.appliedValue, error: { code: 'unavailable', message: 'le hub n’a pas pu appliquer la commande : réessayez' } };
  }

  /**
   * A board-log entry, from this node's own write or read from the log. The first of the two to
   * arrive changes the board and the codes; ops (for the phones) come only with this node's write.
   */
  private adopt(rev: number, entry: BoardEntry, ops: RoomOps[], roomsChangedHint: boolean): void {
    if (rev <= this.boardRev) {
      if (ops.length > 0) this.opts.onCommitted({ ops, roomsChanged: false, votes: [], appended: false, branding: false });
      return;
    }
    const before = this.boardValue;
    const after = entry.board ?? before;
    this.boardRev = rev;
    this.appliedValue = entry.applied;
    this.boardValue = after;
    if (entry.command) this.applyCodes(entry.command);
    const roomsChanged = roomsChangedHint || JSON.stringify(before.roomList) !== JSON.stringify(after.roomList);
    const branding = JSON.stringify(before.branding) !== JSON.stringify(after.branding);
    if (ops.length > 0 || roomsChanged || branding) this.opts.onCommitted({ ops, roomsChanged, votes: [], appended: false, branding });
  }

  /** The régie's code commands, written in Redis by its script, applied to this node's memory too (read by joins). */
  private applyCodes(command: RegieCommand): void {
    const { places } = this.opts;
    if (command.type === 'codes.add') places.addCodes(command.salt, command.hashes);
    else if (command.type === 'codes.clear') places.clearCodes();
    else if (command.type === 'code.release') places.release(command.hash);
  }

  private async reloadBoard(): Promise<void> {
    const [json, rev, applied] = await Promise.all([
      this.redis.get(this.keys.board),
      this.redis.get(this.keys.boardRev),
      this.redis.get(this.keys.applied),
    ]);
    const redisRev = Number(rev ?? 0);
    if (redisRev === this.boardRev) return;
    // Redis behind this node (its data lost): what Redis holds is the truth from now on.
    if (redisRev < this.boardRev) this.boardRev = redisRev - 1;
    this.adopt(redisRev, { applied: Number(applied ?? 0), command: null, board: loadBoard(json ?? undefined).board }, [], false);
  }

  /** Follows the board log and the « appended » notices until closed. */
  private async listen(): Promise<void> {
    await this.subscriber.subscribe(this.keys.appended);
    this.subscriber.on('message', (_channel: string, text: string) => {
      const seq = Number(text);
      if (Number.isSafeInteger(seq) && seq > this.hubSeqValue) {
        this.hubSeqValue = seq;
        this.opts.onCommitted({ ops: [], roomsChanged: false, votes: [], appended: true, branding: false });
      }
    });
    // A notice lost in a blip: the sequence is looked at again every second.
    const look = setInterval(() => {
      this.redis.get(this.keys.seq).then(
        (s) => {
          const seq = Number(s ?? 0);
          if (seq > this.hubSeqValue) {
            this.hubSeqValue = seq;
            this.opts.onCommitted({ ops: [], roomsChanged: false, votes: [], appended: true, branding: false });
          }
        },
        () => undefined,
      );
    }, 1_000);
    look.unref();
    this.timers.push(look);
    void this.followBoard();
  }

  private async followBoard(): Promise<void> {
    let last = `${this.boardRev}-0`;
    while (!this.closed) {
      try {
        const reply = (await this.reader.xread('COUNT', 100, 'BLOCK', 2_000, 'STREAMS', this.keys.boardLog, last)) as [string, StreamEntries][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        for (const [id, fields] of entries) {
          last = id;
          const rev = idSeq(id);
          // Further behind than the log keeps: the board whole, then on from there.
          if (rev > this.boardRev + 1) await this.reloadBoard();
          const raw = field(fields, 'e');
          if (raw && rev > this.boardRev) this.adopt(rev, JSON.parse(raw) as BoardEntry, [], false);
        }
      } catch (err) {
        if (this.closed) return;
        this.opts.logger.warn('board log read failed', { err: String(err) });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  async recall(participantId: string, code: string | undefined): Promise<void> {
    const { places } = this.opts;
    const hash = code !== undefined && places.salt !== null ? hashPersonalCode(places.salt, code) : null;
    const [placeJson, held, holder] = await Promise.all([
      this.redis.get(this.keys.place(participantId)),
      this.redis.hget(this.keys.codeHeld, participantId),
      hash === null ? null : this.redis.hget(this.keys.codes, hash),
    ]);
    const place = parsePlace(placeJson);
    if (held !== null) places.learn(participantId, undefined, { hash: held, holder: participantId });
    places.learn(participantId, place, hash === null ? undefined : { hash, holder: holder === null ? undefined : holder === '' ? null : holder });
  }

  /** One script (scripts.ts): the code bound only if free or already this participant's, on every node alike. */
  async submitPlace(participantId: string, place: Place, bindCode: string | null): Promise<boolean | 'taken' | 'unknown'> {
    if (this.closed) return false;
    const ttl = place.at + this.opts.placeMemoryMs - this.opts.now();
    const json = place.chosen ? JSON.stringify({ room: place.room, origin: place.origin, chosen: place.chosen, at: place.at }) : '';
    try {
      const [status, holder] = await this.redis.pupPlace(this.keys.codes, this.keys.codeHeld, this.keys.place(participantId), participantId, bindCode ?? '', json, Math.max(0, Math.ceil(ttl)));
      if (bindCode !== null && status !== 'ok') {
        // This node's memory had it free: it learns who holds it (or that it is gone).
        this.opts.places.learn(participantId, undefined, { hash: bindCode, holder: status === 'taken' ? holder : undefined });
      }
      return status === 'ok' ? true : status === 'taken' ? 'taken' : 'unknown';
    } catch (err) {
      this.opts.onError(err);
      return false;
    }
  }

  async admitEpoch(epoch: number): Promise<number | null> {
    const highest = Number(await this.redis.pupEpoch(this.keys.regieEpoch, String(epoch)));
    return highest < 0 ? null : highest;
  }

  async submitResume(regieId: string): Promise<number> {
    const applied = Number(await this.redis.pupResume(this.keys.regieId, this.keys.applied, regieId));
    this.appliedValue = applied;
    return applied;
  }

  async readAfter(hubSeq: number, limit: number): Promise<AudienceMessage[]> {
    const entries = (await this.redis.xrange(this.keys.backlog, `${hubSeq + 1}-0`, '+', 'COUNT', limit)) as StreamEntries;
    return entries.map(([id, fields]) => ({ ...(JSON.parse(field(fields, 'm') ?? '{}') as Omit<AudienceMessage, 'hubSeq'>), hubSeq: idSeq(id) }) as AudienceMessage);
  }

  async latestHubSeq(): Promise<number> {
    const seq = Number((await this.redis.get(this.keys.seq)) ?? 0);
    if (seq > this.hubSeqValue) this.hubSeqValue = seq;
    return seq;
  }

  async oldestHubSeq(): Promise<number | null> {
    const first = (await this.redis.xrange(this.keys.backlog, '-', '+', 'COUNT', 1)) as StreamEntries;
    return first[0] ? idSeq(first[0][0]) : null;
  }

  async previousVote(pollId: string, participantId: string): Promise<PreviousVote | undefined> {
    return parseVote((await this.redis.hget(this.keys.votes(pollId), participantId)) ?? '');
  }

  wordKeys(cloudId: string, participantId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.words(cloudId, participantId));
  }

  upvotedBy(participantId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.upvotedBy(participantId));
  }

  savedAck(): number {
    return this.ackedAtStart;
  }

  async saveAck(upTo: number): Promise<void> {
    await this.redis.pupAck(this.keys.acked, upTo);
  }

  /** Acknowledged positions seen, with when: the backlog keeps what was acknowledged less than `keepAckedMs` ago. */
  private readonly ackSamples: { at: number; acked: number }[] = [];

  async prune(ackedHubSeq: number, olderThan: number): Promise<void> {
    // Message ids expire by themselves (PX): only the backlog is trimmed here.
    const now = this.opts.now();
    this.ackSamples.push({ at: now, acked: ackedHubSeq });
    let upTo = 0;
    while (this.ackSamples.length > 0 && (this.ackSamples[0]?.at ?? now) <= olderThan) upTo = this.ackSamples.shift()?.acked ?? upTo;
    if (upTo > 0) {
      this.ackSamples.unshift({ at: olderThan, acked: upTo });
      await this.redis.xtrim(this.keys.backlog, 'MINID', `${upTo + 1}-0`);
    }
  }

  async counts(): Promise<StorageCounts> {
    const [backlog, stats] = await Promise.all([this.redis.xlen(this.keys.backlog), this.redis.hgetall(this.keys.stats)]);
    const n = (name: string) => Number(stats[name] ?? 0);
    return { backlog, msgIds: n('msgIds'), votes: n('votes'), upvotes: n('upvotes'), words: n('words') };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    await this.regieChain;
    // Answers still awaited by phones come back before the connection goes (QUIT waits for them).
    await Promise.allSettled([this.redis.quit(), this.subscriber.quit()]);
    this.reader.disconnect();
  }
}

function parseVote(raw: string): PreviousVote | undefined {
  if (!raw) return undefined;
  const at = raw.indexOf(VOTE_SEP);
  return at < 0 ? undefined : { choiceKey: raw.slice(0, at), msgId: raw.slice(at + 1) };
}

/** The codes part of a régie command's script (scripts.ts REGIE_SCRIPT): op, salt or hash, hashes. */
function codesArgs(command: RegieCommand | null): string[] {
  if (command?.type === 'codes.add') return ['add', command.salt, ...command.hashes];
  if (command?.type === 'codes.clear') return ['clear'];
  if (command?.type === 'code.release') return ['release', command.hash];
  return [''];
}

/** A place as the place script wrote it; anything else is no place (another version's entry). */
function parsePlace(json: string | null): Omit<Place, 'codeHash'> | undefined {
  if (json === null) return undefined;
  try {
    const p = JSON.parse(json) as Partial<Omit<Place, 'codeHash'>>;
    if (typeof p.room !== 'string' || typeof p.at !== 'number') return undefined;
    return { room: p.room, origin: p.origin === 'room' ? 'room' : 'remote', chosen: p.chosen === true, at: p.at };
  } catch {
    return undefined;
  }
}
