import { z } from 'zod';
import { ROOM_ID_PATTERN } from './rooms';

/**
 * The cue engine's state and the events that change it. The state is plain data; the core
 * journals the events, and folding them with `evolveCue` from `initialCueState()` rebuilds it.
 * A cue with no entry in `runs` is waiting.
 */

/** What set a cue off: the operator's GO, its own time (auto), or the cue before it (auto-continue). */
export const cueTriggers = ['go', 'auto', 'continue'] as const;
export type CueTrigger = (typeof cueTriggers)[number];

/** Why an auto cue did not fire: the app was closed at its time, the engine was held, or it was found too late. */
export const missedReasons = ['closed', 'held', 'late'] as const;
export type MissedReason = (typeof missedReasons)[number];

const instant = z.number();

/** Set off by a GO the operator confirmed out of order (cue-order.ts): the desk keeps it in sight. */
const outOfOrder = z.literal(true).optional();

export const cueRunSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('prewait'), startedAt: instant, fireAt: instant, trigger: z.enum(cueTriggers), outOfOrder }),
  z.strictObject({ status: z.literal('fired'), firedAt: instant, trigger: z.enum(cueTriggers), outOfOrder }),
  z.strictObject({ status: z.literal('skipped'), at: instant }),
  z.strictObject({ status: z.literal('missed'), at: instant, reason: z.enum(missedReasons) }),
]);
export type CueRun = z.infer<typeof cueRunSchema>;
export type CueStatus = 'waiting' | CueRun['status'];

export const cueEngineStateSchema = z.strictObject({
  /** The cue the next GO fires. */
  standby: z.string().nullable(),
  /** Put there by the operator (next/previous): the engine leaves it until it fires or is skipped. */
  standbyPinned: z.boolean(),
  /** Held: no cue fires by itself (a hold is shown on the desk). */
  held: z.boolean(),
  heldSince: instant.nullable(),
  /** The last accepted GO, against double presses. */
  lastGoAt: instant.nullable(),
  runs: z.record(z.string(), cueRunSchema),
  /**
   * From when the engine watches the auto cues (show clock): set at the first start and by a reset.
   * An auto cue due before it is neither fired nor flagged missed: nothing was running then.
   * Absent or null: every auto cue is watched (a state from before this setting existed).
   */
  since: instant.nullable().optional(),
});
export type CueEngineState = z.infer<typeof cueEngineStateSchema>;

/**
 * The room whose run of show an event belongs to (each room its own standby, GO order and hold:
 * cue-rooms.ts). The engine decides a room's step without it; the core stamps it on the events it
 * journals. Absent, in a journal written before rooms: the main room's.
 */
const room = z.string().regex(ROOM_ID_PATTERN).optional();

const cueTimes = { cueId: z.string(), plannedAt: instant, expectedAt: instant, room };

export const cueEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cue.standby'), cueId: z.string().nullable(), by: z.enum(['operator', 'engine']), room }),
  /** The operator pressed GO and it was accepted (the firing or pre-wait follows); `outOfOrder`: confirmed so. */
  z.strictObject({ type: z.literal('cue.go'), cueId: z.string(), at: instant, outOfOrder, room }),
  z.strictObject({ type: z.literal('cue.prewait'), ...cueTimes, startedAt: instant, fireAt: instant, trigger: z.enum(cueTriggers), outOfOrder }),
  z.strictObject({ type: z.literal('cue.fired'), ...cueTimes, firedAt: instant, trigger: z.enum(cueTriggers), outOfOrder }),
  z.strictObject({ type: z.literal('cue.missed'), ...cueTimes, at: instant, reason: z.enum(missedReasons) }),
  z.strictObject({ type: z.literal('cue.skipped'), cueId: z.string(), at: instant, room }),
  z.strictObject({ type: z.literal('cue.held'), at: instant, room }),
  z.strictObject({ type: z.literal('cue.released'), at: instant, room }),
  /** Back to waiting (a cue fired, skipped, missed or passed, or a GO undone), and on standby. */
  z.strictObject({ type: z.literal('cue.rearmed'), cueId: z.string(), at: instant, room }),
  /** The engine watches the auto cues due from `since` on (the first start). */
  z.strictObject({ type: z.literal('cue.watching'), since: instant, room }),
]);
export type CueEvent = z.infer<typeof cueEventSchema>;

export function initialCueState(): CueEngineState {
  return { standby: null, standbyPinned: false, held: false, heldSince: null, lastGoAt: null, runs: {}, since: null };
}

export function cueStatus(state: Pick<CueEngineState, 'runs'>, cueId: string): CueStatus {
  return state.runs[cueId]?.status ?? 'waiting';
}

/** Applies one event. Pure and immutable. */
export function evolveCue(state: CueEngineState, event: CueEvent): CueEngineState {
  const run = (cueId: string, r: CueRun): CueEngineState => ({ ...state, runs: { ...state.runs, [cueId]: r } });
  switch (event.type) {
    case 'cue.standby':
      return { ...state, standby: event.cueId, standbyPinned: event.by === 'operator' };
    case 'cue.go':
      return { ...state, lastGoAt: event.at };
    case 'cue.prewait':
      return run(event.cueId, { status: 'prewait', startedAt: event.startedAt, fireAt: event.fireAt, trigger: event.trigger, ...flag(event.outOfOrder) });
    case 'cue.fired':
      // A pre-wait set off out of order fires out of order too.
      return run(event.cueId, { status: 'fired', firedAt: event.firedAt, trigger: event.trigger, ...flag(event.outOfOrder ?? outOfOrderRun(state, event.cueId)) });
    case 'cue.missed':
      return run(event.cueId, { status: 'missed', at: event.at, reason: event.reason });
    case 'cue.skipped':
      return run(event.cueId, { status: 'skipped', at: event.at });
    case 'cue.held':
      return { ...state, held: true, heldSince: event.at };
    case 'cue.released':
      return { ...state, held: false, heldSince: null };
    case 'cue.rearmed': {
      const { [event.cueId]: _done, ...runs } = state.runs;
      return { ...state, runs, standby: event.cueId, standbyPinned: true };
    }
    case 'cue.watching':
      return { ...state, since: event.since };
  }
}

const flag = (outOfOrder: true | undefined) => (outOfOrder ? { outOfOrder } : {});

function outOfOrderRun(state: CueEngineState, cueId: string): true | undefined {
  const r = state.runs[cueId];
  return r?.status === 'prewait' ? r.outOfOrder : undefined;
}

/** When the engine watches auto cues from (null: all of them). */
export function watchedSince(state: Pick<CueEngineState, 'since'>): number | null {
  return state.since ?? null;
}

/** Rebuilds the state from the journal. */
export function replayCueEvents(events: readonly CueEvent[], from: CueEngineState = initialCueState()): CueEngineState {
  return events.reduce(evolveCue, from);
}
