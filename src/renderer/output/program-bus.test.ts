import { describe, expect, it } from 'vitest';
import { HOLDING, initialProgram, type ProgramState, type Scene } from '../../shared/domain/scene';
import { type Bus, busPicture, emptyBus, entryOf, layerBuilt, layerEntered, onProgram } from './program-bus';

const message: Scene = { kind: 'message', text: 'Bonjour' };
const join: Scene = { kind: 'join' };
const p0 = initialProgram();
// As the core does it: a TAKE without its own transition comes in with the default one.
const taken = (p: ProgramState, scene: Scene): ProgramState => ({ ...p, onAir: scene, take: p.take + 1, panicFrom: null, takeTransition: p.transition });
const panicked = (p: ProgramState): ProgramState => ({ ...p, panicFrom: p.onAir, onAir: HOLDING, take: p.take + 1 });
const restored = (p: ProgramState): ProgramState => ({ ...p, onAir: p.panicFrom ?? p.onAir, panicFrom: null, take: p.take + 1 });
const phases = (b: Bus) => b.layers.map((l) => `${l.scene.kind}:${l.phase}`);
const top = (b: Bus) => b.layers.at(-1)!.id;

describe('entryOf', () => {
  it('the first picture is built then cut in; a fade uses the set duration; a cut is a cut', () => {
    expect(entryOf(null, p0)).toEqual({ kind: 'cut' });
    expect(entryOf(p0, taken(p0, message))).toEqual({ kind: 'fade', durationMs: 500 });
    expect(entryOf(p0, taken({ ...p0, transition: { kind: 'cut', durationMs: 800 } }, message))).toEqual({ kind: 'cut' });
    expect(entryOf(p0, taken({ ...p0, transition: { kind: 'fade', durationMs: 0 } }, message))).toEqual({ kind: 'cut' });
  });
  it('panic is immediate; restore comes back with a cut', () => {
    const onAir = taken(p0, message);
    const panic = panicked(onAir);
    expect(entryOf(onAir, panic)).toEqual({ kind: 'immediate' });
    expect(entryOf(panic, restored(panic))).toEqual({ kind: 'cut' });
    // A TAKE out of a panic (another scene) keeps its transition.
    expect(entryOf(panic, taken(panic, join))).toEqual({ kind: 'fade', durationMs: 500 });
  });
});

describe('the double buffer', () => {
  it('a fade: built hidden, then entering over the old scene, which goes once it has entered', () => {
    let b = onProgram(emptyBus, p0);
    expect(phases(b)).toEqual(['holding:building']);
    expect(busPicture(b)).toEqual({ scene: null, take: null, settled: false });
    b = layerBuilt(b, top(b));
    expect(phases(b)).toEqual(['holding:shown']);
    expect(busPicture(b)).toEqual({ scene: HOLDING, take: 0, settled: true });

    const p1 = taken(p0, message);
    b = onProgram(b, p1);
    expect(phases(b)).toEqual(['holding:shown', 'message:building']);
    expect(busPicture(b).scene).toEqual(HOLDING); // the audience still sees the holding screen
    b = layerBuilt(b, top(b));
    expect(phases(b)).toEqual(['holding:shown', 'message:entering']);
    expect(busPicture(b)).toMatchObject({ take: 1, settled: false });
    b = layerEntered(b, top(b));
    expect(phases(b)).toEqual(['message:shown']);
    expect(busPicture(b)).toEqual({ scene: message, take: 1, settled: true });
  });

  it('the same take again (a new snapshot after a reconnection) changes nothing', () => {
    const b = layerBuilt(onProgram(emptyBus, p0), 1);
    expect(onProgram(b, { ...p0, preview: message })).toBe(b);
  });

  it('a scene still building when the next take comes is never shown', () => {
    let b = layerBuilt(onProgram(emptyBus, p0), 1);
    const p1 = taken(p0, message);
    b = onProgram(b, p1);
    b = onProgram(b, taken(p1, join));
    expect(phases(b)).toEqual(['holding:shown', 'join:building']);
  });

  it('panic replaces everything at once, even mid-fade', () => {
    let b = layerBuilt(onProgram(emptyBus, p0), 1);
    const p1 = taken(p0, message);
    b = layerBuilt(onProgram(b, p1), 2);
    expect(phases(b)).toEqual(['holding:shown', 'message:entering']);
    const panic = panicked(p1);
    b = onProgram(b, panic);
    expect(phases(b)).toEqual(['holding:shown']);
    expect(busPicture(b)).toMatchObject({ take: panic.take, settled: true });
    // Late signals of the layers that were dropped change nothing.
    expect(layerEntered(b, 2)).toBe(b);
    expect(layerBuilt(b, 2)).toBe(b);
    // Restore: built, then cut in.
    b = onProgram(b, restored(panic));
    expect(phases(b)).toEqual(['holding:shown', 'message:building']);
    b = layerBuilt(b, top(b));
    expect(phases(b)).toEqual(['message:shown']);
  });

  it('a cut that lands during a fade covers both', () => {
    let b = layerBuilt(onProgram(emptyBus, p0), 1);
    const p1 = taken(p0, message);
    b = layerBuilt(onProgram(b, p1), 2);
    const p2 = taken({ ...p1, transition: { kind: 'cut', durationMs: 0 } }, join);
    b = onProgram(b, p2);
    expect(phases(b)).toEqual(['holding:shown', 'message:entering', 'join:building']);
    b = layerBuilt(b, top(b));
    expect(phases(b)).toEqual(['join:shown']);
  });
});
