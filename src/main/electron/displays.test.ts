import { describe, expect, it } from 'vitest';
import {
  type DisplayInfo,
  type RememberedDisplay,
  nextRemembered,
  pickOutputDisplay,
  planOutput,
  rememberDisplay,
  sameRemembered,
} from './displays';

// The régie laptop (primary) and the venue's projector and confidence monitor, as Electron
// describes them: plain data, no screen needed.
const laptop: DisplayInfo = { id: 1, label: 'Built-in Retina Display', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
const projector: DisplayInfo = { id: 2, label: 'EPSON PJ', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
const monitor: DisplayInfo = { id: 3, label: 'DELL U2720Q', bounds: { x: 3840, y: 0, width: 2560, height: 1440 }, scaleFactor: 1 };

const rememberedProjector: RememberedDisplay = rememberDisplay(projector);

describe('pickOutputDisplay', () => {
  it('finds the remembered display by id', () => {
    expect(pickOutputDisplay([laptop, monitor, projector], laptop.id, rememberedProjector)).toEqual({ display: projector, match: 'id' });
  });

  it('finds a re-indexed display (new id) by its name', () => {
    const replugged = { ...projector, id: 42 };
    expect(pickOutputDisplay([laptop, monitor, replugged], laptop.id, rememberedProjector)).toEqual({ display: replugged, match: 'label' });
  });

  it('between two identical projectors, prefers the one at the same place', () => {
    const twinLeft = { ...projector, id: 50, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };
    const twinRight = { ...projector, id: 51 };
    expect(pickOutputDisplay([laptop, twinLeft, twinRight], laptop.id, rememberedProjector)?.display).toBe(twinRight);
  });

  it('finds a renamed display (new id, new name) by its bounds', () => {
    const renamed = { ...projector, id: 7, label: 'Generic PnP Monitor' };
    expect(pickOutputDisplay([laptop, monitor, renamed], laptop.id, rememberedProjector)).toEqual({ display: renamed, match: 'bounds' });
  });

  it('keeps a rescaled display (same id, new scale factor and bounds)', () => {
    const rescaled = { ...projector, scaleFactor: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
    expect(pickOutputDisplay([laptop, monitor, rescaled], laptop.id, rememberedProjector)).toEqual({ display: rescaled, match: 'id' });
  });

  it('ignores an empty name (Linux often gives none)', () => {
    const remembered = { ...rememberedProjector, label: '' };
    const other = { ...monitor, label: '' };
    const moved = { ...projector, id: 9, label: '', bounds: { x: 0, y: 1080, width: 1920, height: 1080 } };
    expect(pickOutputDisplay([laptop, other, moved], laptop.id, remembered)).toEqual({ display: other, match: 'first-external' });
  });

  it('falls back to another external display when the remembered one is removed', () => {
    expect(pickOutputDisplay([laptop, monitor], laptop.id, rememberedProjector)).toEqual({ display: monitor, match: 'first-external' });
  });

  it('returns null when only the primary display remains', () => {
    expect(pickOutputDisplay([laptop], laptop.id, rememberedProjector)).toBeNull();
    expect(pickOutputDisplay([laptop], laptop.id, null)).toBeNull();
  });

  it('never picks the primary display, even when it is the remembered one', () => {
    // Lid closed: the projector became the primary (and only) display; the control window is there.
    const projectorAsPrimary = { ...projector };
    expect(pickOutputDisplay([projectorAsPrimary], projectorAsPrimary.id, rememberedProjector)).toBeNull();
  });

  it('takes the first non-primary display when nothing is remembered', () => {
    expect(pickOutputDisplay([laptop, projector, monitor], laptop.id, null)).toEqual({ display: projector, match: 'first-external' });
    // The primary need not come first.
    expect(pickOutputDisplay([projector, laptop], laptop.id, null)?.display).toBe(projector);
  });

  it('goes back to the remembered projector when it is added again', () => {
    const before = pickOutputDisplay([laptop, monitor], laptop.id, rememberedProjector);
    expect(before?.display).toBe(monitor);
    const after = pickOutputDisplay([laptop, monitor, projector], laptop.id, rememberedProjector);
    expect(after).toEqual({ display: projector, match: 'id' });
  });
});

describe('planOutput', () => {
  const onProjector = { display: projector, match: 'id' as const };

  it('at start-up with a projector: fullscreen on it', () => {
    expect(planOutput({ pick: onProjector, current: 'none', windowChosen: false })).toEqual({
      mode: 'external',
      display: projector,
      match: 'id',
    });
  });

  it('at start-up with the operator screen only: a normal window', () => {
    expect(planOutput({ pick: null, current: 'none', windowChosen: false })).toEqual({ mode: 'window' });
  });

  it('projector unplugged during the show: hidden, not over the operator screen', () => {
    expect(planOutput({ pick: null, current: 'external', windowChosen: false })).toEqual({ mode: 'hidden' });
    expect(planOutput({ pick: null, current: 'hidden', windowChosen: false })).toEqual({ mode: 'hidden' });
  });

  it('a window the operator already sees stays a window', () => {
    expect(planOutput({ pick: null, current: 'window', windowChosen: false })).toEqual({ mode: 'window' });
  });

  it('a projector plugged in: the output goes to it, from a window or from hidden', () => {
    expect(planOutput({ pick: onProjector, current: 'window', windowChosen: false }).mode).toBe('external');
    expect(planOutput({ pick: onProjector, current: 'hidden', windowChosen: false }).mode).toBe('external');
  });

  it('the operator chose a window: display changes do not move it', () => {
    expect(planOutput({ pick: onProjector, current: 'window', windowChosen: true })).toEqual({ mode: 'window' });
  });
});

describe('nextRemembered', () => {
  it('remembers the first placement', () => {
    expect(nextRemembered(null, { display: monitor, match: 'first-external' })).toEqual(rememberDisplay(monitor));
  });

  it('refreshes a display found again, so that it is found by id next time', () => {
    const replugged = { ...projector, id: 42 };
    expect(nextRemembered(rememberedProjector, { display: replugged, match: 'label' })).toEqual({ ...rememberedProjector, id: 42 });
  });

  it('does not forget the projector for a fallback display', () => {
    expect(nextRemembered(rememberedProjector, { display: monitor, match: 'first-external' })).toBe(rememberedProjector);
  });

  it('copies the bounds (no aliasing of Electron objects)', () => {
    const r = rememberDisplay(projector);
    expect(r.bounds).not.toBe(projector.bounds);
    expect(sameRemembered(r, rememberedProjector)).toBe(true);
    expect(sameRemembered(r, { ...r, bounds: { ...r.bounds, width: 1280 } })).toBe(false);
    expect(sameRemembered(null, null)).toBe(true);
    expect(sameRemembered(r, null)).toBe(false);
  });
});
