/**
 * The operating system is shutting down, restarting or logging the operator off: the core closes
 * cleanly (journal flushed, SQLite and the hub closed) through the quit flow's `now`, without the
 * « Quitter ? » question nobody is there to answer. No electron import: main.ts wires these to
 * powerMonitor 'shutdown' (Linux, macOS) and the control window's 'query-session-end' and
 * 'session-end' (Windows).
 */
import type { Logger } from '../../node/log/logger';

export interface SessionEndHandlers {
  /** powerMonitor 'shutdown': Electron delays the shutdown when it is prevented, while we close. */
  systemShutdown(event: { preventDefault(): void }): void;
  /** Windows' WM_QUERYENDSESSION ('query') and WM_ENDSESSION ('end'), with Windows' reasons. */
  windowsSessionEnd(phase: 'query' | 'end', reasons: readonly string[]): void;
}

/**
 * powerMonitor 'shutdown' passes an event that can be prevented (electron_api_power_monitor.cc
 * emits it and reads whether it was), though electron.d.ts types the listener as `() => void`:
 * the listener takes what it is given and finds preventDefault on it.
 */
export function preventableEvent(arg: unknown): { preventDefault(): void } {
  if (typeof arg === 'object' && arg !== null && 'preventDefault' in arg) {
    const fn = arg.preventDefault;
    if (typeof fn === 'function') return { preventDefault: () => void fn.call(arg) };
  }
  return { preventDefault: () => undefined };
}

export function sessionEndHandlers(quit: { now(reason: string): void }, logger: Logger): SessionEndHandlers {
  return {
    systemShutdown(event) {
      event.preventDefault();
      logger.warn('system shutting down: closing the core');
      quit.now('system-shutdown');
    },
    windowsSessionEnd(phase, reasons) {
      // Not prevented: Windows would show « Pupitre empêche l’arrêt » to the operator. Closing
      // takes well under the few seconds Windows gives, and every committed event is on disk.
      logger.warn('windows session ending: closing the core', { phase, reasons: [...reasons] });
      quit.now(phase === 'query' ? 'windows-query-session-end' : 'windows-session-end');
    },
  };
}
