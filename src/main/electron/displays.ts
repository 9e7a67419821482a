/**
 * Where the projector output goes: pure functions over plain data (no electron import), so that
 * unplugging, re-plugging and re-indexing displays can be tested without a screen.
 *
 * The rule, from live-event practice: the output keeps "its" display across unplug/replug. It is
 * found again by id, then by name, then by position; failing that it takes the first display that
 * is not the operator's; and when only the operator's screen is left it is hidden rather than
 * dropped over the control desk.
 */
import type { NativeRect } from '../../shared/api/native';

export interface DisplayInfo {
  id: number;
  label: string;
  bounds: NativeRect;
  scaleFactor: number;
}

/** What we keep on disk about the projector display (display-memory.ts). */
export interface RememberedDisplay {
  id: number;
  label: string;
  bounds: NativeRect;
}

export type DisplayMatch = 'id' | 'label' | 'bounds' | 'first-external';

export interface DisplayPick {
  display: DisplayInfo;
  match: DisplayMatch;
}

export function sameBounds(a: NativeRect, b: NativeRect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function sameSize(a: NativeRect, b: NativeRect): boolean {
  return a.width === b.width && a.height === b.height;
}

/**
 * Chooses the output display among the displays that are not the operator's (primary) one.
 * A remembered display that became the primary (laptop lid closed, the projector is the only
 * screen left) is not taken: the control window lives there.
 * Returns null when there is no display but the primary.
 */
export function pickOutputDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
  remembered: RememberedDisplay | null,
): DisplayPick | null {
  const external = displays.filter((d) => d.id !== primaryId);
  if (external.length === 0) return null;
  if (remembered) {
    const byId = external.find((d) => d.id === remembered.id);
    if (byId) return { display: byId, match: 'id' };
    const label = remembered.label.trim();
    if (label !== '') {
      const named = external.filter((d) => d.label.trim() === label);
      // Two identical projectors share a name: prefer the one at the same place, then the same size.
      const byLabel =
        named.find((d) => sameBounds(d.bounds, remembered.bounds)) ?? named.find((d) => sameSize(d.bounds, remembered.bounds)) ?? named[0];
      if (byLabel) return { display: byLabel, match: 'label' };
    }
    const byBounds = external.find((d) => sameBounds(d.bounds, remembered.bounds));
    if (byBounds) return { display: byBounds, match: 'bounds' };
  }
  const first = external[0];
  return first ? { display: first, match: 'first-external' } : null;
}

/** How the output window is shown. */
export type OutputMode = 'external' | 'window' | 'hidden';

export type OutputPlan = { mode: 'external'; display: DisplayInfo; match: DisplayMatch } | { mode: 'window' } | { mode: 'hidden' };

export interface PlanInput {
  pick: DisplayPick | null;
  /** 'none' at start-up, before the output window exists. */
  current: OutputMode | 'none';
  /** The operator asked for a window on their screen (menu or control view): stay there. */
  windowChosen: boolean;
}

/**
 * Start-up with a single screen: a normal window on it (rehearsing on a laptop).
 * The projector went away during the show: hide the output rather than cover the operator's
 * screen (the operator can still show it from the menu « Affichage › Afficher la sortie »).
 * A projector appears: the output goes fullscreen on it, unless the operator chose a window.
 */
export function planOutput({ pick, current, windowChosen }: PlanInput): OutputPlan {
  if (windowChosen && current === 'window') return { mode: 'window' };
  if (pick) return { mode: 'external', display: pick.display, match: pick.match };
  switch (current) {
    case 'none':
      return { mode: 'window' };
    case 'external':
    case 'hidden':
      return { mode: 'hidden' };
    case 'window':
      return { mode: 'window' };
  }
}

export function rememberDisplay(d: DisplayInfo): RememberedDisplay {
  return { id: d.id, label: d.label, bounds: { ...d.bounds } };
}

/**
 * What to remember after a placement. A display found again (by id, name or position) is
 * refreshed, so that a re-indexed or moved projector is found by id next time. A fallback
 * ('first-external') does not overwrite the projector we remember: when it comes back, the
 * output goes back to it. With nothing remembered yet, the first placement is remembered.
 */
export function nextRemembered(previous: RememberedDisplay | null, pick: DisplayPick): RememberedDisplay {
  if (pick.match === 'first-external' && previous) return previous;
  return rememberDisplay(pick.display);
}

export function sameRemembered(a: RememberedDisplay | null, b: RememberedDisplay | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.label === b.label && sameBounds(a.bounds, b.bounds);
}
