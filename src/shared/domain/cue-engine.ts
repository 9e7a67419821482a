import { type CueEngineState, type CueEvent, type CueStatus, type CueTrigger, type MissedReason, cueStatus, evolveCue, watchedSince } from './cue-events';
import type { TimedCue } from './cue-list';
import { EARLY_GO_MS, goOrder, outOfOrderSentence } from './cue-order';

/**
 * The cue engine: standby, GO, next/previous, skip, hold, and the ticks that fire auto cues, end
 * pre-waits and follow auto-continues. Pure, with the clock injected: every function takes `now`
 * (epoch ms) and the cue list (cue-list.ts, delays applied), and returns the events it decided and
 * the state after them (the state is always `events` folded with `evolveCue`, so the journal
 * rebuilds it). Nothing here fires late by surprise: an auto cue whose time passed while the app
 * was closed, while the engine was held, or more than `lateToleranceMs` ago, is flagged missed, and
 * the operator fires it by hand (GO on it) or skips it. Nothing fires out of order by a slip either:
 * a GO on a cue that is not the one due next (cue-order.ts) is refused unless confirmed so.
 */

export interface CueEngineOptions {
  /** A second GO sooner than this is refused (double press). */
  minGoIntervalMs?: number;
  /** An auto cue found later than this after its time (the machine slept) is missed, not fired. */
  lateToleranceMs?: number;
  /** A GO more than this ahead of its cue's time is out of order (cue-order.ts). */
  earlyGoMs?: number;
}

export const DEFAULT_MIN_GO_INTERVAL_MS = 1_000;
export const DEFAULT_LATE_TOLERANCE_MS = 15_000;

export type CueRefusalCode = 'double-go' | 'no-standby' | 'unknown-cue' | 'already-done' | 'end-of-list' | 'out-of-order';

export type CueStep =
  | { ok: true; state: CueEngineState; events: CueEvent[]; /** Cues to carry out now, in order. */ fired: TimedCue[] }
  | { ok: false; state: CueEngineState; code: CueRefusalCode; reason: string };

/** Waiting or missed: still to do (missed cues only by hand). */
function open(status: CueStatus): boolean {
  return status === 'waiting' || status === 'missed';
}

class Step {
  readonly events: CueEvent[] = [];
  readonly fired: TimedCue[] = [];
  constructor(
    public state: CueEngineState,
    readonly list: readonly TimedCue[],
    readonly now: number,
  ) {}

  emit(event: CueEvent): void {
    this.events.push(event);
    this.state = evolveCue(this.state, event);
  }

  status(c: TimedCue): CueStatus {
    return cueStatus(this.state, c.id);
  }

  times(c: TimedCue) {
    return { cueId: c.id, plannedAt: c.plannedAt, expectedAt: c.expectedAt };
  }

  /** Starts the cue's pre-wait, or fires it at once. */
  trigger(c: TimedCue, trigger: CueTrigger, outOfOrder = false): void {
    const preWait = (c.cue.preWaitSeconds ?? 0) * 1000;
    const flag = outOfOrder ? { outOfOrder: true as const } : {};
    if (preWait > 0) this.emit({ type: 'cue.prewait', ...this.times(c), startedAt: this.now, fireAt: this.now + preWait, trigger, ...flag });
    else this.fire(c, trigger, outOfOrder);
  }

  fire(c: TimedCue, trigger: CueTrigger, outOfOrder = false): void {
    this.emit({ type: 'cue.fired', ...this.times(c), firedAt: this.now, trigger, ...(outOfOrder ? { outOfOrder: true as const } : {}) });
    this.fired.push(c);
    if (!c.cue.autoContinue || this.state.held) return;
    // The session's next cue, past the skipped ones; only if it is still waiting.
    const after = this.list.slice(this.list.indexOf(c) + 1).filter((n) => n.sessionId === c.sessionId);
    const next = after.find((n) => this.status(n) !== 'skipped');
    if (next && this.status(next) === 'waiting') this.trigger(next, 'continue');
  }

  miss(c: TimedCue, reason: MissedReason): void {
    this.emit({ type: 'cue.missed', ...this.times(c), at: this.now, reason });
  }

  /** Its time and its session's end have both passed: a manual cue nobody fired. */
  leftBehind(c: TimedCue): boolean {
    return c.expectedAt <= this.now && c.sessionEnd <= this.now;
  }

  /** A cue the engine may put on standby by itself: waiting and not left behind. */
  candidate(c: TimedCue): boolean {
    return this.status(c) === 'waiting' && !this.leftBehind(c);
  }

  /** Keeps the standby on a cue still to do; `from` is the cue just fired or skipped. */
  settleStandby(from?: TimedCue): void {
    const { standby, standbyPinned } = this.state;
    const current = this.list.find((c) => c.id === standby);
    if (current) {
      const status = this.status(current);
      if (status === 'waiting' && (standbyPinned || !this.leftBehind(current))) return;
      if (status === 'missed' && standbyPinned) return;
    }
    // The playhead goes on from the cue just done; otherwise (or after the last) the first cue to come.
    const afterFrom = from ? this.list.slice(this.list.indexOf(from) + 1).find((c) => this.candidate(c)) : undefined;
    const next = afterFrom ?? this.list.find((c) => this.candidate(c));
    const id = next?.id ?? null;
    if (id !== standby || standbyPinned) this.emit({ type: 'cue.standby', cueId: id, by: 'engine' });
  }

  done(): CueStep {
    return { ok: true, state: this.state, events: this.events, fired: this.fired };
  }
}

function refuse(state: CueEngineState, code: CueRefusalCode, reason: string): CueStep {
  return { ok: false, state, code, reason };
}

/**
 * GO: fires the standby cue (or `cueId`, a cue fired by hand), or starts its pre-wait. A GO out of
 * order (cue-order.ts) is refused unless `outOfOrder` says the operator confirmed it.
 */
/** Why a second GO did nothing (the core's refusal, and the desk's when it catches the press itself). */
export function doubleGoWords(minIntervalMs: number = DEFAULT_MIN_GO_INTERVAL_MS): string {
  return `GO ignoré : deux appuis en moins de ${String(Math.round(minIntervalMs / 100) / 10).replace('.', ',')} s`;
}

export function go(
  state: CueEngineState,
  list: readonly TimedCue[],
  now: number,
  options: CueEngineOptions & { cueId?: string; outOfOrder?: boolean } = {},
): CueStep {
  const minInterval = options.minGoIntervalMs ?? DEFAULT_MIN_GO_INTERVAL_MS;
  if (state.lastGoAt !== null && now - state.lastGoAt < minInterval) {
    return refuse(state, 'double-go', doubleGoWords(minInterval));
  }
  const id = options.cueId ?? state.standby;
  if (id === null) return refuse(state, 'no-standby', 'aucune réplique en attente');
  const target = list.find((c) => c.id === id);
  if (!target) return refuse(state, 'unknown-cue', `réplique inconnue : ${id}`);
  const step = new Step(state, list, now);
  const status = step.status(target);
  if (status === 'fired' || status === 'skipped') {
    return refuse(state, 'already-done', `réplique déjà ${status === 'fired' ? 'lancée' : 'sautée'} : ${id}`);
  }
  const reasons = goOrder(state, list, now, id, options.earlyGoMs ?? EARLY_GO_MS);
  if (reasons.length > 0 && !options.outOfOrder) return refuse(state, 'out-of-order', outOfOrderSentence(id, reasons));
  const outOfOrder = reasons.length > 0;
  step.emit({ type: 'cue.go', cueId: id, at: now, ...(outOfOrder ? { outOfOrder: true as const } : {}) });
  // GO on a cue in its pre-wait fires it at once (out of order if its pre-wait was: cue-events keeps it).
  if (status === 'prewait') step.fire(target, 'go');
  else step.trigger(target, 'go', outOfOrder);
  // In order, the playhead goes on from the cue just fired; out of order, it comes back to the cue
  // due next (the session's cues passed over are not left behind by a slip).
  step.settleStandby(outOfOrder ? undefined : target);
  return step.done();
}

/**
 * Re-arms a cue: back to waiting (fired, skipped, missed, in its pre-wait, or passed by the
 * standby), and on standby, so that the next GO is this one. What it did is not undone here
 * (run-of-show's undo does that, then re-arms).
 */
export function rearm(state: CueEngineState, list: readonly TimedCue[], cueId: string, now: number): CueStep {
  if (!list.some((c) => c.id === cueId)) return refuse(state, 'unknown-cue', `réplique inconnue : ${cueId}`);
  const step = new Step(state, list, now);
  step.emit({ type: 'cue.rearmed', cueId, at: now });
  return step.done();
}

function moveStandby(state: CueEngineState, list: readonly TimedCue[], direction: 1 | -1): CueStep {
  const step = new Step(state, list, 0);
  const candidates = list.filter((c) => open(step.status(c)));
  const from = list.findIndex((c) => c.id === state.standby);
  const target =
    from < 0
      ? candidates[0]
      : direction === 1
        ? candidates.find((c) => list.indexOf(c) > from)
        : candidates.filter((c) => list.indexOf(c) < from).pop();
  if (!target) return refuse(state, 'end-of-list', direction === 1 ? 'pas de réplique après celle-ci' : 'pas de réplique avant celle-ci');
  step.emit({ type: 'cue.standby', cueId: target.id, by: 'operator' });
  return step.done();
}

/** Moves the standby to the next cue still to do (waiting or missed). */
export function next(state: CueEngineState, list: readonly TimedCue[]): CueStep {
  return moveStandby(state, list, 1);
}

/** Moves the standby to the previous cue still to do (waiting or missed). */
export function previous(state: CueEngineState, list: readonly TimedCue[]): CueStep {
  return moveStandby(state, list, -1);
}

/** Skips a cue (waiting, missed, or in its pre-wait, which is cancelled). */
export function skip(state: CueEngineState, list: readonly TimedCue[], cueId: string, now: number): CueStep {
  const target = list.find((c) => c.id === cueId);
  if (!target) return refuse(state, 'unknown-cue', `réplique inconnue : ${cueId}`);
  const step = new Step(state, list, now);
  const status = step.status(target);
  if (status === 'fired' || status === 'skipped') {
    return refuse(state, 'already-done', `réplique déjà ${status === 'fired' ? 'lancée' : 'sautée'} : ${cueId}`);
  }
  step.emit({ type: 'cue.skipped', cueId, at: now });
  step.settleStandby(target);
  return step.done();
}

/** Holds the engine: auto cues, auto-continues and automatic pre-waits stop firing. */
export function hold(state: CueEngineState, list: readonly TimedCue[], now: number): CueStep {
  const step = new Step(state, list, now);
  if (!state.held) step.emit({ type: 'cue.held', at: now });
  return step.done();
}

/** Releases a hold. Auto cues whose time came during the hold were flagged missed: none fires now. */
export function release(state: CueEngineState, list: readonly TimedCue[], now: number): CueStep {
  const step = new Step(state, list, now);
  if (state.held) step.emit({ type: 'cue.released', at: now });
  return step.done();
}

/**
 * What happens by itself at `now`: pre-waits that ended, auto cues whose time came, the
 * auto-continues they set off; then the standby moves on if its cue is gone or left behind.
 * Call it often (4 times a second or so); `fired` lists the cues to carry out.
 */
export function tick(state: CueEngineState, list: readonly TimedCue[], now: number, options: CueEngineOptions = {}): CueStep {
  const tolerance = options.lateToleranceMs ?? DEFAULT_LATE_TOLERANCE_MS;
  const since = watchedSince(state);
  const step = new Step(state, list, now);
  const due = list
    .map((c) => {
      const run = state.runs[c.id];
      if (run?.status === 'prewait') return { c, at: run.fireAt };
      if (run === undefined && c.cue.mode === 'auto' && (since === null || c.expectedAt >= since)) return { c, at: c.expectedAt };
      return null;
    })
    .filter((d): d is { c: TimedCue; at: number } => d !== null && d.at <= now)
    .sort((a, b) => a.at - b.at); // stable: list order for equal times

  for (const { c, at } of due) {
    const run = step.state.runs[c.id];
    if (run?.status === 'prewait') {
      if (step.state.held && run.trigger !== 'go') step.miss(c, 'held');
      else if (now - at > tolerance) step.miss(c, 'late');
      else step.fire(c, run.trigger);
    } else if (run === undefined) {
      // Still waiting (an auto-continue earlier in this tick may have taken it).
      if (step.state.held) step.miss(c, 'held');
      else if (now - at > tolerance) step.miss(c, 'late');
      else step.trigger(c, 'auto');
    }
  }
  step.settleStandby();
  return step.done();
}

/** The engine has run this show before: a standby was set, a cue ran, a GO or a hold was made. */
export function hasRun(state: CueEngineState): boolean {
  return state.standby !== null || Object.keys(state.runs).length > 0 || state.lastGoAt !== null || state.held;
}

/**
 * After a restart (state rebuilt from the journal): every auto cue whose time passed while the app
 * was closed, and every pre-wait that ended meanwhile, is flagged missed. Nothing fires; pre-waits
 * still running go on. Call it once, before the first tick.
 *
 * The very first start is not a restart: the app was not closed at those times, it did not run
 * yet. The engine then watches from now on (`cue.watching`): the auto cues already past are
 * neither fired nor flagged (no alarm that nothing caused); they wait, and GO fires them by hand.
 */
export function restore(state: CueEngineState, list: readonly TimedCue[], now: number): CueStep {
  const step = new Step(state, list, now);
  if (watchedSince(state) === null && !hasRun(state)) {
    step.emit({ type: 'cue.watching', since: now });
    step.settleStandby();
    return step.done();
  }
  const since = watchedSince(state);
  for (const c of list) {
    const run = state.runs[c.id];
    const watched = since === null || c.expectedAt >= since;
    if (run?.status === 'prewait' ? run.fireAt <= now : run === undefined && c.cue.mode === 'auto' && watched && c.expectedAt <= now) {
      step.miss(c, 'closed');
    }
  }
  step.settleStandby();
  return step.done();
}

/** The cue on standby, if it is in the list. */
export function standbyCue(state: CueEngineState, list: readonly TimedCue[]): TimedCue | null {
  return list.find((c) => c.id === state.standby) ?? null;
}
