import type { Command } from '../../shared/api/commands';
import type { CommandResult } from '../../shared/api/results';
import { refusal } from '../../shared/api/results';
import { initialState, type RegieState } from '../../shared/api/state';
import type { Journal, JournalRow } from '../store/journal';
import type { Snapshots } from '../store/snapshots';
import { upgradeSnapshot } from '../store/snapshot-upgrade';
import { CommandRejected, decide } from './decide';
import { type EventMeta, parseJournalEvent, type RegieEvent } from './events';
import { changedSlices, reduce } from './reduce';
import { validateEnvelope } from './validate-command';

export interface Committed {
  fromSeq: number;
  seq: number;
  changed: (keyof RegieState)[];
}

export interface EngineOptions {
  now?: () => number;
  /** Write a snapshot once at least this many events followed the last one… */
  snapshotEvery?: number;
  /** …and at least this long after it (a snapshot of 20,000 questions costs a frame or two). */
  snapshotMinIntervalMs?: number;
  /** Most commands committed in one transaction. */
  maxBatch?: number;
  onCommitted?: (c: Committed) => void;
  /** Called inside the transaction after each event is applied (the outbox writes its rows here). */
  onEvent?: (event: RegieEvent, after: RegieState, meta: EventMeta) => void;
  onError?: (err: unknown) => void;
  /**
   * The hot standby's acknowledgement (docs/standby.md): answers wait until the standby committed
   * the batch's last seq too, or until its deadline (true: mirrored; false: this machine alone).
   */
  replication?: ReplicationGate;
}

/** What the engine waits on before answering: resolves true once a standby committed `seq`, false when it goes on alone. */
export interface ReplicationGate {
  waitFor(seq: number): Promise<boolean>;
}

/** Why a copy of the primary's journal cannot be applied here (a standby refuses it, loudly, and writes nothing). */
export class CopyRefused extends Error {}

/** A decision the core makes by itself (the clock's ticks, the restore at start-up): no command id. */
export type SystemDecision = (state: RegieState, realNow: number) => RegieEvent[];

/**
 * Whether the sender may send this command, against the state it would apply to (the seats'
 * `authorize`): null, or why not. A refused command writes nothing.
 */
export type CommandCheck = (command: Command, state: RegieState) => string | null;

type Pending = {
  actor: string;
  resolve: (r: CommandResult) => void;
} & (
  | { id: string; command: Command; check?: CommandCheck | undefined; system?: undefined }
  | { id: string | null; command?: undefined; check?: undefined; system: SystemDecision }
);

/**
 * Rebuilds the state: the latest readable snapshot, then the journal after it. A snapshot of
 * another format (snapshots.ts: the reducers derived it otherwise) is upgraded when a step says how
 * (snapshot-upgrade.ts), else set aside: the journal alone.
 */
export function rebuildState(journal: Journal, snapshots: Snapshots | null): { state: RegieState; seq: number } {
  let state = initialState();
  let seq = 0;
  const snap = snapshots?.latest();
  if (snap) {
    try {
      // An older format is upgraded where it can be (snapshot-upgrade.ts); slices added since the
      // snapshot was written start empty, and the journal tail fills them.
      const upgraded = upgradeSnapshot(JSON.parse(snap.state) as Record<string, unknown>, snap.format);
      if (upgraded) {
        state = { ...initialState(), ...upgraded };
        seq = snap.seq;
      }
    } catch {
      state = initialState();
      seq = 0;
    }
  }
  for (const row of journal.readAfter(seq)) {
    state = reduce(state, parseJournalEvent(row.seq, row.payload), { seq: row.seq, at: row.at, actor: row.actor });
    seq = row.seq;
  }
  return { state, seq };
}

/**
 * The régie's engine: validates commands, turns them into events, appends them to the journal
 * and updates the state in one transaction per batch (group commit: every command that arrived
 * during the same turn of the event loop shares one fsync), then reports what changed.
 */
export class RegieEngine {
  private stateValue: RegieState;
  private seqValue: number;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly now: () => number;
  private readonly snapshotEvery: number;
  private readonly snapshotMinIntervalMs: number;
  private lastSnapshotSeq: number;
  private lastSnapshotAt = 0;
  private readonly maxBatch: number;
  /** Why this régie takes no command now (a standby following, a régie another took over from), or null. */
  private readOnlyReason: string | null = null;

  constructor(
    private journal: Journal,
    private snapshots: Snapshots,
    private readonly options: EngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.snapshotEvery = options.snapshotEvery ?? 1000;
    this.snapshotMinIntervalMs = options.snapshotMinIntervalMs ?? 5000;
    this.maxBatch = options.maxBatch ?? 2000;
    const rebuilt = rebuildState(journal, snapshots);
    this.stateValue = rebuilt.state;
    this.seqValue = rebuilt.seq;
    this.lastSnapshotSeq = snapshots.latest()?.seq ?? 0;
  }

  get state(): RegieState {
    return this.stateValue;
  }

  get seq(): number {
    return this.seqValue;
  }

  get pending(): number {
    return this.queue.length;
  }

  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  /**
   * From now on every command and every decision of the core itself is refused with `reason` and
   * writes nothing (null: accepted again). What is queued already is committed first.
   */
  setReadOnly(reason: string | null): void {
    this.flush();
    this.readOnlyReason = reason;
  }

  /**
   * Appends rows copied from the primary's journal, as they are (seq, time, actor, command id,
   * payload), in one transaction, and reduces them with the same reducer: a standby's state is the
   * primary's. Each row must follow the last one exactly (no gap, no repeat) and parse: otherwise
   * nothing of the batch is written and `CopyRefused` says why. `beforeCommit` writes what goes
   * with the rows in the same transaction (the outbox's copy, settings).
   */
  applyCopied(rows: readonly JournalRow[], beforeCommit?: () => void): void {
    this.flush();
    const before = this.stateValue;
    const fromSeq = this.seqValue;
    let state = before;
    let seq = fromSeq;
    let lastAt = 0;
    this.journal.transaction(() => {
      for (const row of rows) {
        if (row.seq !== seq + 1) {
          throw new CopyRefused(`le journal reçu ne suit pas le nôtre : événement n° ${row.seq} reçu, n° ${seq + 1} attendu`);
        }
        let event: RegieEvent;
        try {
          event = parseJournalEvent(row.seq, row.payload);
        } catch (err) {
          throw new CopyRefused(`événement n° ${row.seq} illisible : ${err instanceof Error ? err.message : String(err)}`);
        }
        if (event.type !== row.type) throw new CopyRefused(`événement n° ${row.seq} : type « ${row.type} » annoncé, « ${event.type} » écrit`);
        this.journal.append(row.seq, row);
        if (row.commandId !== null) this.journal.recordCopiedCommand(row.commandId, row.seq, row.at);
        state = reduce(state, event, { seq: row.seq, at: row.at, actor: row.actor });
        seq = row.seq;
        lastAt = row.at;
      }
      beforeCommit?.();
      if (seq - this.lastSnapshotSeq >= this.snapshotEvery && lastAt - this.lastSnapshotAt >= this.snapshotMinIntervalMs) {
        this.snapshots.save(seq, lastAt, JSON.stringify(state));
        this.lastSnapshotSeq = seq;
        this.lastSnapshotAt = lastAt;
      }
    });
    this.stateValue = state;
    this.seqValue = seq;
    if (seq !== fromSeq) this.options.onCommitted?.({ fromSeq, seq, changed: changedSlices(before, state) });
  }

  /**
   * Validates and queues a command; resolves once it is committed (or refused). `check` (the
   * seat's authorisation) runs at commit time, on the state the command would apply to.
   */
  submit(envelope: unknown, actor: string, check?: CommandCheck): Promise<CommandResult> {
    if (this.closed) return Promise.resolve(refusal('unavailable', 'la régie s’arrête'));
    if (this.readOnlyReason !== null) return Promise.resolve(refusal('forbidden', this.readOnlyReason));
    const v = validateEnvelope(envelope);
    if (!v.ok) return Promise.resolve(v.result);
    return new Promise((resolve) => {
      this.queue.push({ id: v.id, command: v.command, actor, check, resolve });
      this.scheduleFlush();
    });
  }

  /**
   * Queues a decision of the core itself; it is journaled like a command, under `actor`. With an
   * `id` (an audience message's msgId) it is applied once, however often it arrives.
   */
  submitSystem(actor: string, decision: SystemDecision, id: string | null = null): Promise<CommandResult> {
    if (this.closed) return Promise.resolve(refusal('unavailable', 'la régie s’arrête'));
    if (this.readOnlyReason !== null) return Promise.resolve(refusal('forbidden', this.readOnlyReason));
    return new Promise((resolve) => {
      this.queue.push({ id, system: decision, actor, resolve });
      this.scheduleFlush();
    });
  }

  /** Commits what is queued now (tests and shutdown); normally a flush follows each event-loop turn. */
  flush(): void {
    while (this.queue.length > 0) this.commitBatch(this.queue.splice(0, this.maxBatch));
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  /**
   * Starts again from a journal rewritten under it (the RGPD purge compacts the database file into
   * a purged copy): whatever was queued is committed first, then the state is rebuilt from the new
   * file and every slice reported changed, so that each view gets the purged state.
   */
  reopen(journal: Journal, snapshots: Snapshots): void {
    this.flush();
    const before = this.stateValue;
    const fromSeq = this.seqValue;
    this.journal = journal;
    this.snapshots = snapshots;
    const rebuilt = rebuildState(journal, snapshots);
    this.stateValue = rebuilt.state;
    this.seqValue = rebuilt.seq;
    this.lastSnapshotSeq = snapshots.latest()?.seq ?? 0;
    this.options.onCommitted?.({ fromSeq, seq: rebuilt.seq, changed: changedSlices(before, rebuilt.state) });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private commitBatch(batch: Pending[]): void {
    const before = this.stateValue;
    const fromSeq = this.seqValue;
    let state = before;
    let seq = fromSeq;
    const results: CommandResult[] = [];
    const seenInBatch = new Map<string, number>();
    const at = this.now();

    try {
      this.journal.transaction(() => {
        for (const item of batch) {
          // Before the duplicate check: a seat never hears « done » for a command it may not send.
          const forbidden = item.command && item.check ? item.check(item.command, state) : null;
          if (forbidden !== null) {
            results.push(refusal('forbidden', forbidden));
            continue;
          }
          const known = item.id === null ? undefined : (seenInBatch.get(item.id) ?? this.journal.commandSeq(item.id));
          if (known !== undefined) {
            results.push({ ok: true, seq: known, duplicate: true });
            continue;
          }
          let events: RegieEvent[];
          try {
            events = item.system ? item.system(state, at) : decide(state, item.command, { now: at });
          } catch (err) {
            if (err instanceof CommandRejected) {
              results.push(refusal('rejected', err.message, err.issues));
            } else {
              // A bug in one decision must not fail the others of the batch: this one is refused.
              this.options.onError?.(err);
              results.push(refusal('unavailable', `erreur interne de la régie : ${err instanceof Error ? err.message : String(err)}`));
            }
            continue;
          }
          for (const event of events) {
            seq += 1;
            const meta: EventMeta = { seq, at, actor: item.actor };
            this.journal.append(seq, { at, actor: item.actor, commandId: item.id, type: event.type, payload: JSON.stringify(event) });
            state = reduce(state, event, meta);
            this.options.onEvent?.(event, state, meta);
          }
          if (item.id !== null) {
            this.journal.recordCommand(item.id, seq, at);
            seenInBatch.set(item.id, seq);
          }
          results.push({ ok: true, seq, duplicate: false });
        }
        // The journal tail after a snapshot stays short (≤ a few seconds of events) and the cost of
        // writing the whole state is paid at most once every few seconds, whatever the load.
        if (seq - this.lastSnapshotSeq >= this.snapshotEvery && at - this.lastSnapshotAt >= this.snapshotMinIntervalMs) {
          this.snapshots.save(seq, at, JSON.stringify(state));
          this.lastSnapshotSeq = seq;
          this.lastSnapshotAt = at;
        }
      });
    } catch (err) {
      // Nothing of the batch was written: every sender hears so, the state stays as it was.
      this.options.onError?.(err);
      const message = `écriture du journal impossible : ${err instanceof Error ? err.message : String(err)}`;
      batch.forEach((item) => item.resolve(refusal('unavailable', message)));
      return;
    }

    this.stateValue = state;
    this.seqValue = seq;
    const answer = (standby?: 'mirrored' | 'alone') =>
      batch.forEach((item, i) => {
        const r = results[i] ?? refusal('unavailable', 'résultat manquant');
        item.resolve(r.ok && standby ? { ...r, standby } : r);
      });
    // onCommitted first: it sends the batch to the standby, whose acknowledgement the answers may wait for.
    if (seq !== fromSeq) this.options.onCommitted?.({ fromSeq, seq, changed: changedSlices(before, state) });
    const gate = this.options.replication;
    const highest = Math.max(0, ...results.map((r) => (r.ok ? r.seq : 0)));
    if (!gate || highest === 0) return answer();
    void gate.waitFor(highest).then((mirrored) => answer(mirrored ? 'mirrored' : 'alone'));
  }
}
