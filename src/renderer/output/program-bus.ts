import type { ProgramState, Scene } from '../../shared/domain/scene';

/**
 * The output's double buffer, as a pure state machine. Each change on air (a new `take`) adds a
 * layer that is first built hidden; once it is laid out (and its images are ready) it enters,
 * with a fade or a cut, over the layer on air; when it has fully entered, the layers below it go.
 * The audience therefore never sees a scene being built. A panic skips the buffer: its screen
 * (holding or black) replaces everything at once.
 */

export type LayerPhase = 'building' | 'entering' | 'shown';

export interface Layer {
  /** Local and increasing (React key); `take` comes from the core. */
  id: number;
  take: number;
  scene: Scene;
  phase: LayerPhase;
  /** The fade's length once built; 0 is a cut. */
  fadeMs: number;
}

export interface Bus {
  /** The program state of the last change taken into account. */
  seen: ProgramState | null;
  layers: Layer[];
  nextId: number;
}

export type Entry = { kind: 'immediate' } | { kind: 'cut' } | { kind: 'fade'; durationMs: number };

export const emptyBus: Bus = { seen: null, layers: [], nextId: 1 };

export function sameScene(a: Scene, b: Scene): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How a new take comes on air, given the program before it (null: the page just loaded). */
export function entryOf(prev: ProgramState | null, next: ProgramState): Entry {
  // The first picture of the page (a reload mid-show): what is on air, built first, then shown.
  if (prev === null) return { kind: 'cut' };
  // Panic: at once, nothing to wait for.
  if (next.panicFrom !== null && prev.panicFrom === null) return { kind: 'immediate' };
  // Restore after a panic: back at once too (built first: it may be a QR code or a cloud).
  if (prev.panicFrom !== null && next.panicFrom === null && sameScene(prev.panicFrom, next.onAir)) return { kind: 'cut' };
  const t = next.takeTransition ?? next.transition;
  return t.kind === 'fade' && t.durationMs > 0 ? { kind: 'fade', durationMs: t.durationMs } : { kind: 'cut' };
}

/** The program state changed: a new layer when the take is new, else nothing. */
export function onProgram(bus: Bus, program: ProgramState): Bus {
  if (bus.seen && bus.seen.take === program.take) return bus;
  const entry = entryOf(bus.seen, program);
  const base = { id: bus.nextId, take: program.take, scene: program.onAir };
  const layers: Layer[] =
    entry.kind === 'immediate'
      ? [{ ...base, phase: 'shown', fadeMs: 0 }]
      : // A scene still being built when a newer one comes is never shown.
        [
          ...bus.layers.filter((l) => l.phase !== 'building'),
          { ...base, phase: 'building', fadeMs: entry.kind === 'fade' ? entry.durationMs : 0 },
        ];
  return { seen: program, layers, nextId: bus.nextId + 1 };
}

function settle(bus: Bus, id: number, phase: LayerPhase): Bus {
  const i = bus.layers.findIndex((l) => l.id === id);
  const layer = bus.layers[i];
  if (!layer) return bus;
  // Shown: the layers under it are covered, they go.
  if (phase === 'shown') return { ...bus, layers: [{ ...layer, phase }, ...bus.layers.slice(i + 1)] };
  return { ...bus, layers: bus.layers.map((l) => (l.id === id ? { ...l, phase } : l)) };
}

/** The layer is laid out and ready: it enters (a fade), or is shown (a cut). */
export function layerBuilt(bus: Bus, id: number): Bus {
  const layer = bus.layers.find((l) => l.id === id);
  if (!layer || layer.phase !== 'building') return bus;
  return settle(bus, id, layer.fadeMs > 0 ? 'entering' : 'shown');
}

/** The fade is over. */
export function layerEntered(bus: Bus, id: number): Bus {
  const layer = bus.layers.find((l) => l.id === id);
  if (!layer || layer.phase !== 'entering') return bus;
  return settle(bus, id, 'shown');
}

/** What the stage says it shows (data-scene, data-take, data-state): the topmost layer seen. */
export function busPicture(bus: Bus): { scene: Scene | null; take: number | null; settled: boolean } {
  const top = bus.layers.filter((l) => l.phase !== 'building').at(-1) ?? null;
  const settled = bus.layers.length === 1 && bus.layers[0]?.phase === 'shown';
  return { scene: top?.scene ?? null, take: top?.take ?? null, settled };
}
