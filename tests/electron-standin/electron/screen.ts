/**
 * The displays, as Electron's `screen` gives them, and their hot-plug. Removing a display moves
 * the windows that were on it to the primary display first, as Windows and macOS do, and only then
 * tells the app (display-removed): what Pupitre must then do with the projector's window is its
 * own business, and the test checks it.
 */
import { EventEmitter } from 'node:events';
import type { Display, Point, Rectangle, Screen } from 'electron';
import type { DisplaySpec } from '../protocol';
import { newEvent } from './events';

const TASKBAR = 40;

function toDisplay(spec: DisplaySpec): Display {
  const { bounds } = spec;
  const workArea = spec.primary ? { ...bounds, height: bounds.height - TASKBAR } : { ...bounds };
  return {
    id: spec.id,
    label: spec.label,
    bounds: { ...bounds },
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: spec.scaleFactor ?? 1,
    rotation: 0,
    internal: Boolean(spec.primary),
    detected: true,
    monochrome: false,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    colorDepth: 24,
    colorSpace: '{primaries:BT709, transfer:SRGB, matrix:RGB, range:FULL}',
    depthPerComponent: 8,
    displayFrequency: 60,
    nativeOrigin: { x: bounds.x, y: bounds.y },
    maximumCursorSize: { width: 64, height: 64 },
  } satisfies Display;
}

/** A laptop and a projector on its right, unless PUPITRE_STANDIN_DISPLAYS (JSON) says otherwise. */
function initialDisplays(): DisplaySpec[] {
  const fromEnv = process.env.PUPITRE_STANDIN_DISPLAYS;
  if (fromEnv) return JSON.parse(fromEnv) as DisplaySpec[];
  return [
    { id: 1, label: 'Built-in Retina Display', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true },
    { id: 2, label: 'EPSON PJ', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
  ];
}

function contains(r: Rectangle, p: Point): boolean {
  return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}

function distance(r: Rectangle, p: Point): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width - 1));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height - 1));
  return dx * dx + dy * dy;
}

export class ScreenStandin extends EventEmitter {
  private specs: DisplaySpec[] = initialDisplays();
  /** Set by browser-window.ts: the "operating system" moving windows off a removed display. */
  beforeRemove: (removed: Display, primary: Display) => void = () => undefined;

  getAllDisplays(): Display[] {
    return this.specs.map(toDisplay);
  }

  getPrimaryDisplay(): Display {
    const spec = this.specs.find((s) => s.primary) ?? this.specs[0];
    if (!spec) throw new Error('no display');
    return toDisplay(spec);
  }

  getDisplayNearestPoint(point: Point): Display {
    const all = this.getAllDisplays();
    const inside = all.find((d) => contains(d.bounds, point));
    if (inside) return inside;
    return all.reduce((best, d) => (distance(d.bounds, point) < distance(best.bounds, point) ? d : best));
  }

  getDisplayMatching(rect: Rectangle): Display {
    return this.getDisplayNearestPoint({ x: rect.x + Math.floor(rect.width / 2), y: rect.y + Math.floor(rect.height / 2) });
  }

  getCursorScreenPoint(): Point {
    const { bounds } = this.getPrimaryDisplay();
    return { x: bounds.x + 10, y: bounds.y + 10 };
  }

  // The operating system's side, driven by the test.
  specsNow(): DisplaySpec[] {
    return this.specs.map((s) => ({ ...s, bounds: { ...s.bounds } }));
  }

  add(spec: DisplaySpec): void {
    if (this.specs.some((s) => s.id === spec.id)) throw new Error(`display ${spec.id} already there`);
    this.specs.push({ ...spec, primary: false });
    this.emit('display-added', newEvent(), toDisplay(spec));
  }

  remove(id: number): void {
    const spec = this.specs.find((s) => s.id === id);
    if (!spec) throw new Error(`no display ${id}`);
    if (spec.primary) throw new Error('the primary display cannot be removed here');
    const removed = toDisplay(spec);
    this.specs = this.specs.filter((s) => s.id !== id);
    this.beforeRemove(removed, this.getPrimaryDisplay());
    this.emit('display-removed', newEvent(), removed);
  }

  change(spec: DisplaySpec): void {
    const i = this.specs.findIndex((s) => s.id === spec.id);
    const old = this.specs[i];
    if (!old) throw new Error(`no display ${spec.id}`);
    this.specs[i] = { ...spec, primary: old.primary ?? false };
    const changed: Array<'bounds' | 'workArea' | 'scaleFactor' | 'rotation'> = ['bounds', 'workArea'];
    if ((spec.scaleFactor ?? 1) !== (old.scaleFactor ?? 1)) changed.push('scaleFactor');
    this.emit('display-metrics-changed', newEvent(), toDisplay(this.specs[i]), changed);
  }
}

type ScreenMembers = 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayNearestPoint' | 'getDisplayMatching' | 'getCursorScreenPoint';

export const screen = new ScreenStandin() satisfies Pick<Screen, ScreenMembers>;
