/** Electron's screen as plain data for the pure picker (displays.ts), and its hot-plug events. */
import { screen, type Display } from 'electron';
import type { DisplayInfo } from './displays';

export interface ScreenState {
  displays: DisplayInfo[];
  primaryId: number;
}

function toDisplayInfo(d: Display): DisplayInfo {
  return { id: d.id, label: d.label, bounds: { ...d.bounds }, scaleFactor: d.scaleFactor };
}

export function currentScreens(): ScreenState {
  return { displays: screen.getAllDisplays().map(toDisplayInfo), primaryId: screen.getPrimaryDisplay().id };
}

/**
 * Calls `onChange` once the displays have settled: unplugging a projector fires a burst of
 * removed/metrics events, and a re-plug often comes with a resolution change right after.
 */
export function watchScreens(onChange: (reason: string) => void, settleMs = 300): () => void {
  let timer: NodeJS.Timeout | null = null;
  const reasons = new Set<string>();
  const fire = (reason: string) => () => {
    reasons.add(reason);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const all = [...reasons].join('+');
      reasons.clear();
      onChange(all);
    }, settleMs);
  };
  const added = fire('display-added');
  const removed = fire('display-removed');
  const changed = fire('display-metrics-changed');
  screen.on('display-added', added);
  screen.on('display-removed', removed);
  screen.on('display-metrics-changed', changed);
  return () => {
    if (timer) clearTimeout(timer);
    screen.off('display-added', added);
    screen.off('display-removed', removed);
    screen.off('display-metrics-changed', changed);
  };
}
