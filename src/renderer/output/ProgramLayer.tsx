import { type ReactNode, type TransitionEvent, useEffect, useLayoutEffect, useState } from 'react';
import type { Layer } from './program-bus';
import { createLayerBuild, ReadinessContext } from './scene-ready';

/** A layer never waits longer than this for its parts (a TAKE must happen). */
const MAX_BUILD_MS = 1500;
/** The fade ends on its transitionend; this much later at the latest (a page in the background gets none). */
const FADE_GRACE_MS = 250;

/**
 * One layer of the double buffer. Building: drawn at opacity 0 (laid out, painted, invisible);
 * once its parts are ready and one animation frame has passed, `onBuilt`. Entering: a CSS fade
 * of `fadeMs`, then `onEntered` (on its transitionend). `leaving`: a newer layer is entering over this one (its fade).
 */
export function ProgramLayer({
  layer,
  leaving,
  onBuilt,
  onEntered,
  children,
}: {
  layer: Layer;
  leaving: number | null;
  onBuilt: (id: number) => void;
  onEntered: (id: number) => void;
  children: ReactNode;
}) {
  const { id, phase, fadeMs } = layer;
  const [build] = useState(createLayerBuild);

  useLayoutEffect(() => {
    if (phase !== 'building') return;
    return build.start(() => onBuilt(id), MAX_BUILD_MS);
  }, [build, phase, id, onBuilt]);

  useEffect(() => {
    if (phase !== 'entering') return;
    const late = setTimeout(() => onEntered(id), fadeMs + FADE_GRACE_MS);
    return () => clearTimeout(late);
  }, [phase, fadeMs, id, onEntered]);

  // The fade is over when the browser says so: the layer is then fully opaque.
  const fadeEnd = (e: TransitionEvent<HTMLDivElement>) => {
    if (phase === 'entering' && e.target === e.currentTarget && e.propertyName === 'opacity') onEntered(id);
  };

  const duration = phase === 'entering' ? fadeMs : leaving;
  return (
    <div
      className={`program-layer program-layer-${phase}${leaving !== null ? ' program-layer-leaving' : ''}`}
      data-layer-phase={phase}
      data-scene={layer.scene.kind}
      data-take={layer.take}
      aria-hidden={phase === 'building' || leaving !== null ? true : undefined}
      style={duration === null ? undefined : { transitionDuration: `${duration}ms` }}
      onTransitionEnd={fadeEnd}
    >
      <ReadinessContext value={build.readiness}>{children}</ReadinessContext>
    </div>
  );
}
