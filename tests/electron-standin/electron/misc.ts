/** The small modules: shell, clipboard, powerSaveBlocker, powerMonitor. */
import { EventEmitter } from 'node:events';
import type { Clipboard, PowerMonitor, PowerSaveBlocker, Shell } from 'electron';
import { newEvent } from './events';

export const openedPaths: string[] = [];
export const openedExternal: string[] = [];

export const shell = {
  openPath: async (path: string) => {
    openedPaths.push(path);
    return '';
  },
  openExternal: async (url: string) => {
    openedExternal.push(url);
  },
} satisfies Pick<Shell, 'openPath' | 'openExternal'>;

let clipboardText = '';
export const clipboard = {
  writeText: (text: string) => {
    clipboardText = text;
  },
  readText: () => clipboardText,
} satisfies Pick<Clipboard, 'writeText' | 'readText'>;

type BlockerType = Parameters<PowerSaveBlocker['start']>[0];
export const blockers = new Map<number, { type: BlockerType; started: boolean }>();
let nextBlocker = 0;

export const powerSaveBlocker = {
  start: (type: BlockerType) => {
    const id = nextBlocker++;
    blockers.set(id, { type, started: true });
    return id;
  },
  stop: (id: number) => {
    const b = blockers.get(id);
    if (!b?.started) return false;
    b.started = false;
    return true;
  },
  isStarted: (id: number) => blockers.get(id)?.started ?? false,
} satisfies Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;

export class PowerMonitorStandin extends EventEmitter implements Pick<PowerMonitor, 'getSystemIdleTime' | 'isOnBatteryPower'> {
  getSystemIdleTime(): number {
    return 0;
  }

  isOnBatteryPower(): boolean {
    return false;
  }

  /**
   * The system is about to shut down (Linux, macOS). Electron passes an event and delays the
   * shutdown when it is prevented (electron_api_power_monitor.cc), whatever electron.d.ts says.
   */
  systemShutdown(): { prevented: boolean } {
    const event = newEvent();
    this.emit('shutdown', event);
    return { prevented: event.defaultPrevented };
  }
}

export const powerMonitor = new PowerMonitorStandin();
