import { createContext, useContext, useLayoutEffect, useState } from 'react';

/**
 * A scene that needs more than one layout to be complete (a QR code image, a measured cloud)
 * says so: its layer stays hidden until every part of it is ready. Parts report in their layout
 * effects, which run before the layer's own, so the layer knows at once what it waits for.
 */
export interface Readiness {
  report(part: object, ready: boolean): void;
}

export const ReadinessContext = createContext<Readiness | null>(null);

/** Holds the layer back while `ready` is false (outside a layer: nothing). */
export function useSceneReady(ready: boolean): void {
  const readiness = useContext(ReadinessContext);
  const [part] = useState(() => ({}));
  useLayoutEffect(() => {
    readiness?.report(part, ready);
  }, [readiness, part, ready]);
  useLayoutEffect(() => () => readiness?.report(part, true), [readiness, part]);
}

/**
 * A layer's build: the parts it waits for, and the moment it may be shown: once every part is
 * ready, on the next animation frame (so the complete picture has been laid out and painted,
 * invisibly, once). Never later than `maxMs` after `start` (a TAKE must happen).
 */
export interface LayerBuild {
  readiness: Readiness;
  /** Waits for the parts, then calls `done` once; returns the cancel function (for an effect). */
  start(done: () => void, maxMs: number): () => void;
}

export function createLayerBuild(): LayerBuild {
  const waiting = new Set<object>();
  let done: (() => void) | null = null;
  let frame = 0;
  const fire = () => {
    const d = done;
    done = null;
    cancelAnimationFrame(frame);
    d?.();
  };
  const showNextFrame = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fire);
  };
  return {
    readiness: {
      report(part, ready) {
        if (!ready) waiting.add(part);
        else if (waiting.delete(part) && waiting.size === 0 && done) showNextFrame();
      },
    },
    start(callback, maxMs) {
      done = callback;
      // Called from the layer's layout effect: its parts have reported already.
      if (waiting.size === 0) showNextFrame();
      const giveUp = setTimeout(fire, maxMs);
      return () => {
        done = null;
        clearTimeout(giveUp);
        cancelAnimationFrame(frame);
      };
    },
  };
}
