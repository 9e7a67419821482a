import { NOTES_KEPT_IN_STATE, type RegieState } from '../../shared/api/state';
import { assertNever } from './decide';
import type { EventMeta, RegieEvent } from './events';

/** Applies one event. Pure and immutable: untouched slices keep their identity (patches rely on it). */
export function reduce(state: RegieState, event: RegieEvent, meta: EventMeta): RegieState {
  switch (event.type) {
    case 'programme.loaded':
      return { ...state, programme: event.programme };
    case 'clock.set':
      return { ...state, clock: event.clock };
    case 'log.noted': {
      const note = { seq: meta.seq, at: meta.at, author: meta.actor, text: event.text };
      const notes = state.notes.length >= NOTES_KEPT_IN_STATE ? state.notes.slice(1 - NOTES_KEPT_IN_STATE) : state.notes.slice();
      notes.push(note);
      return { ...state, notes, notesTotal: state.notesTotal + 1 };
    }
    default:
      return assertNever(event);
  }
}

/** The top-level slices that differ between two states (by identity). */
export function changedSlices(before: RegieState, after: RegieState): (keyof RegieState)[] {
  return (Object.keys(after) as (keyof RegieState)[]).filter((k) => before[k] !== after[k]);
}
