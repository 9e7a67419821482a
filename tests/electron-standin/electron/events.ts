/** Electron's main-process event objects: `preventDefault()` and `defaultPrevented`, plus params. */
import type { Event } from 'electron';

export function newEvent<P extends object = object>(params?: P): Event<P> {
  const state = { prevented: false };
  const event = {
    ...(params ?? ({} as P)),
    preventDefault: () => {
      state.prevented = true;
    },
    get defaultPrevented() {
      return state.prevented;
    },
  };
  return event satisfies Event<P>;
}
