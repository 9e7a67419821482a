/** ipcMain: the handlers the app registers, invoked as a page's ipcRenderer.invoke would. */
import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { WebContentsStandin } from './web-contents';

type Handler = Parameters<IpcMain['handle']>[1];

// The members Pupitre uses, with Electron's own signatures: tsc fails when either side drifts.
type IpcMainMembers = 'handle' | 'handleOnce' | 'removeHandler';

export class IpcMainStandin extends EventEmitter implements Pick<IpcMain, IpcMainMembers> {
  private readonly handlers = new Map<string, { fn: Handler; once: boolean }>();

  handle(channel: string, fn: Handler): void {
    // Electron refuses a second handler on a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, { fn, once: false });
  }

  handleOnce(channel: string, fn: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, { fn, once: true });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** What ipcRenderer.invoke in the page of `sender` gets: the value, or Electron's error wording. */
  async invoke(sender: WebContentsStandin, channel: string, args: unknown[]): Promise<unknown> {
    const entry = this.handlers.get(channel);
    if (!entry) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    if (entry.once) this.handlers.delete(channel);
    const event = {
      preventDefault: () => undefined,
      defaultPrevented: false,
      frameId: 1,
      processId: process.pid,
      sender,
      senderFrame: { url: sender.getURL() },
      type: 'frame',
    };
    try {
      // The event carries what the handlers read (sender, senderFrame.url), not a whole WebFrameMain.
      const value: unknown = await entry.fn(event as unknown as IpcMainInvokeEvent, ...args);
      return structuredClone(value); // what crosses to the renderer
    } catch (err) {
      throw new Error(`Error invoking remote method '${channel}': ${String(err)}`);
    }
  }
}

export const ipcMain = new IpcMainStandin();
