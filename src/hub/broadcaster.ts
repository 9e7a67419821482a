import type { AudiencePatch, AudienceState, PatchOp } from '../shared/protocol/audience-state';

export interface BroadcastTarget {
  patch(p: AudiencePatch): void;
  state(s: AudienceState): void;
}

export interface BroadcasterOptions {
  /** Board changes wait this long, so that a burst of régie commands makes one patch. */
  patchDelayMs: number;
  /** Upvote counts go out at most this often. */
  votesIntervalMs: number;
  /** Above this many ops, the full state goes instead of a patch. */
  maxOps: number;
}

/**
 * Sends what changed to every joined phone, coalesced: board changes shortly after they are
 * committed, vote counts at most once per `votesIntervalMs` (a count changes many times a second
 * under load; phones need not see each step). Each emission bumps the revision.
 */
export class Broadcaster {
  private revValue = 1;
  private ops: PatchOp[] = [];
  private readonly dirtyVotes = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private lastVotesAt = 0;

  constructor(
    private readonly target: BroadcastTarget,
    /** The full state now (the board with its counts) at a given revision. */
    private readonly stateAt: (rev: number) => AudienceState,
    private readonly votesOf: (id: string) => number,
    private readonly isPublished: (id: string) => boolean,
    private readonly opts: BroadcasterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get rev(): number {
    return this.revValue;
  }

  /**
   * Another cluster node sent the phones this revision (every node's phones get one node's
   * patches, through the socket.io adapter): a phone joining here starts from it.
   */
  adopt(rev: number): void {
    if (rev > this.revValue) this.revValue = rev;
  }

  /** The state to send a phone that joins or asks to resync. */
  current(): AudienceState {
    return this.stateAt(this.revValue);
  }

  push(ops: readonly PatchOp[], votes: Iterable<string>): void {
    this.ops.push(...ops);
    for (const id of votes) this.dirtyVotes.add(id);
    if (this.ops.length > 0) this.schedule(this.opts.patchDelayMs);
    else if (this.dirtyVotes.size > 0) this.schedule(Math.max(0, this.lastVotesAt + this.opts.votesIntervalMs - this.now()));
  }

  flush(): void {
    this.clearTimer();
    if (this.ops.length === 0 && this.dirtyVotes.size === 0) return;
    const ops = this.ops;
    this.ops = [];
    const counts: [string, number][] = [];
    for (const id of this.dirtyVotes) if (this.isPublished(id)) counts.push([id, this.votesOf(id)]);
    this.dirtyVotes.clear();
    this.lastVotesAt = this.now();
    if (counts.length > 0) ops.push({ op: 'votes', counts });
    if (ops.length === 0) return;
    const fromRev = this.revValue;
    this.revValue += 1;
    if (ops.length > this.opts.maxOps) this.target.state(this.stateAt(this.revValue));
    else this.target.patch({ fromRev, rev: this.revValue, ops });
  }

  close(): void {
    this.clearTimer();
  }

  private schedule(delay: number): void {
    const at = this.now() + delay;
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => this.flush(), delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }
}
