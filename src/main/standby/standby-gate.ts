import type { ReplicationGate } from '../engine/regie-engine';

/**
 * How long a command's answer may wait for the standby's acknowledgement. A LAN round trip and the
 * standby's own commit (one fsync) take a few milliseconds, a hundred or so on a busy laptop; past
 * 300 ms the standby is declared lagging and the primary goes on alone, so a frozen or unplugged
 * standby costs the desk one late answer of at most this much, never a frozen desk. socket.io's own
 * heartbeat would take seconds to notice a dead link: the deadline is what notices first.
 */
export const STANDBY_ACK_DEADLINE_MS = 300;

export type GateState = 'none' | 'synced' | 'lagging';

interface Waiter {
  seq: number;
  resolve: (mirrored: boolean) => void;
  timer: NodeJS.Timeout;
}

export interface StandbyGateOptions {
  /** The primary's last committed seq. */
  primarySeq: () => number;
  deadlineMs?: number;
  now?: () => number;
  onChange?: () => void;
}

/**
 * The primary's side of « an acknowledgement means the standby has it too » (docs/standby.md).
 * `none`: no standby, answers go at once (alone). `synced`: answers wait for the standby's
 * acknowledgement of their seq, up to the deadline. `lagging`: the standby is connected but behind
 * (catching up after a reconnection, or it missed a deadline): answers go at once (alone) until it
 * has caught up with every seq committed, then it is `synced` again.
 */
export class StandbyGate implements ReplicationGate {
  private stateValue: GateState = 'none';
  private acked = 0;
  /** The seq the standby must have before answers wait for it again (the primary's, when it fell behind). */
  private catchUpTo = 0;
  private waiters: Waiter[] = [];
  /** Commit times of the seqs the standby has not acknowledged yet, oldest first: how far behind it is. */
  private unacked: { seq: number; at: number }[] = [];
  private readonly deadlineMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: StandbyGateOptions) {
    this.deadlineMs = opts.deadlineMs ?? STANDBY_ACK_DEADLINE_MS;
    this.now = opts.now ?? Date.now;
  }

  get state(): GateState {
    return this.stateValue;
  }

  get ackedSeq(): number {
    return this.acked;
  }

  /** How far behind the standby is: 0 when it has every seq; null without a standby. */
  lagMs(): number | null {
    if (this.stateValue === 'none') return null;
    const oldest = this.unacked[0];
    return oldest ? Math.max(0, this.now() - oldest.at) : 0;
  }

  /** A batch was committed up to `seq` (the engine's onCommitted). */
  committed(seq: number): void {
    if (this.stateValue !== 'none' && seq > this.acked) this.unacked.push({ seq, at: this.now() });
  }

  /** A standby resumed, having committed everything up to `ackedSeq`. It is lagging until it has caught up. */
  attach(ackedSeq: number): void {
    this.acked = ackedSeq;
    this.unacked = ackedSeq < this.opts.primarySeq() ? [{ seq: this.opts.primarySeq(), at: this.now() }] : [];
    this.catchUpTo = this.opts.primarySeq();
    this.set('lagging');
    this.ack(ackedSeq);
  }

  /** The standby went (its link dropped, or it was refused): every answer waiting goes now, alone. */
  detach(): void {
    this.unacked = [];
    this.releaseAll(false);
    this.set('none');
  }

  /** The standby committed everything up to `upTo`. */
  ack(upTo: number): void {
    if (this.stateValue === 'none') return;
    if (upTo > this.acked) this.acked = upTo;
    while (this.unacked[0] && this.unacked[0].seq <= this.acked) this.unacked.shift();
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.seq <= this.acked) {
        clearTimeout(w.timer);
        w.resolve(true);
      } else still.push(w);
    }
    this.waiters = still;
    // Caught up: every seq, or (under a steady flow, where the last seq always moves on) close behind.
    const caughtUp = this.acked >= this.catchUpTo && (this.acked >= this.opts.primarySeq() || (this.lagMs() ?? 0) <= this.deadlineMs / 3);
    if (this.stateValue === 'lagging' && caughtUp) this.set('synced');
    else this.opts.onChange?.();
  }

  waitFor(seq: number): Promise<boolean> {
    if (this.stateValue !== 'synced') return Promise.resolve(false);
    if (seq <= this.acked) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.missedDeadline(), this.deadlineMs);
      this.waiters.push({ seq, resolve, timer });
    });
  }

  private missedDeadline(): void {
    // One late answer: the standby is behind; the others waiting go now, and the next ones at once.
    this.releaseAll(false);
    this.catchUpTo = this.opts.primarySeq();
    this.set('lagging');
  }

  private releaseAll(mirrored: boolean): void {
    const all = this.waiters;
    this.waiters = [];
    for (const w of all) {
      clearTimeout(w.timer);
      w.resolve(mirrored);
    }
  }

  private set(state: GateState): void {
    this.stateValue = state;
    this.opts.onChange?.();
  }
}
