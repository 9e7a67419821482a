/**
 * The main side of window.pupitreNative. Every call checks who is calling (a frame of the core's
 * origin) and validates its arguments: the bridge is a trust boundary like any other.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { NATIVE_CHANNELS, type NativeDisplay } from '../../shared/api/native';
import type { Logger } from '../../node/log/logger';
import { isTrustedSender, originOf } from './policy';

export interface NativeHandlers {
  appVersion(): string;
  displays(): NativeDisplay[];
  identifyDisplays(): Promise<void>;
  setOutputDisplay(id: number | null): void;
}

const displayIdArg = z.union([z.number().int(), z.null()]);

export function registerIpc(coreOrigin: string, handlers: NativeHandlers, logger: Logger): () => void {
  const handle = (channel: string, fn: (args: unknown[]) => unknown) => {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const url = event.senderFrame?.url;
      if (!isTrustedSender(url, coreOrigin)) {
        logger.warn('ipc refused', { channel, from: originOf(url) ?? 'unknown' });
        throw new Error('Pupitre : appel natif refusé (page inconnue).');
      }
      return fn(args);
    });
  };

  let identifying: Promise<void> | null = null;
  handle(NATIVE_CHANNELS.appVersion, () => handlers.appVersion());
  handle(NATIVE_CHANNELS.displays, () => handlers.displays());
  handle(NATIVE_CHANNELS.identifyDisplays, () => {
    identifying ??= handlers.identifyDisplays().finally(() => {
      identifying = null;
    });
    return identifying;
  });
  handle(NATIVE_CHANNELS.setOutputDisplay, (args) => {
    const id = displayIdArg.safeParse(args[0]);
    if (!id.success) throw new Error('Pupitre : écran invalide.');
    handlers.setOutputDisplay(id.data);
  });

  return () => {
    for (const channel of Object.values(NATIVE_CHANNELS)) ipcMain.removeHandler(channel);
  };
}
