import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * Autofit for the projector: while the element's content overflows it, step up a "fit level"
 * (each level drops or shrinks something, in CSS) until it fits or `max` is reached. Measured
 * before paint, so the audience never sees the overflowing picture. Starts over when `key` changes.
 */
export function useFitLevel(ref: RefObject<HTMLElement | null>, max: number, key: string): number {
  const [state, setState] = useState({ key, level: 0 });
  const current = state.key === key ? state : { key, level: 0 };
  if (current !== state) setState(current);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || current.level >= max) return;
    if (el.scrollHeight > el.clientHeight + 1) setState({ key, level: current.level + 1 });
  }, [ref, current.level, max, key]);
  return current.level;
}
