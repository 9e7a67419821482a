/**
 * A stand-in for the `electron` module of the main process, for running the BUILT main bundle
 * (out/main/index.js) under plain Node in the tests: tests/electron-standin/register.mjs maps the
 * `electron` import here. Each part implements the members Pupitre uses with the signatures of
 * node_modules/electron/electron.d.ts (`implements Pick<…>`, `satisfies Pick<…>`): when Electron's
 * API changes under us, tsc fails here. It emulates the behaviour the shell relies on (ready,
 * windows and their displays, quitting, the sandboxed preload, IPC) and lets the test play the
 * operating system and the operator (protocol.ts). It is no Chromium: no page script runs.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Command, StandinState } from '../protocol';
import { app } from './app';
import { BrowserWindowStandin } from './browser-window';
import { onCommand } from './channel';
import { answerDialog, dialog } from './dialog';
import { newEvent } from './events';
import { ipcMain } from './ipc-main';
import { MenuStandin, clickMenu, describeApplicationMenu } from './menu';
import { blockers, clipboard, openedPaths, powerMonitor, powerSaveBlocker, shell } from './misc';
import { mainWorldOf } from './preload-sandbox';
import { screen } from './screen';
import { session } from './session';
import { utilityProcess } from './utility-process';

export const BrowserWindow: new (options?: BrowserWindowConstructorOptions) => BrowserWindowStandin = BrowserWindowStandin;
export const Menu = MenuStandin;
export { app, clipboard, dialog, ipcMain, powerMonitor, powerSaveBlocker, screen, session, shell, utilityProcess };

export default {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  powerSaveBlocker,
  screen,
  session,
  shell,
  utilityProcess,
};

function windowOf(id: number): BrowserWindowStandin {
  const win = BrowserWindowStandin.getAllWindows().find((w) => w.id === id);
  if (!win) throw new Error(`no window ${id}`);
  return win;
}

function state(): StandinState {
  const displays = screen.specsNow();
  return {
    ready: app.isReady(),
    windows: BrowserWindowStandin.getAllWindows().map((w) => w.state()),
    displays,
    primaryId: screen.getPrimaryDisplay().id,
    menu: describeApplicationMenu(),
    switches: Object.fromEntries(app.commandLine.appended),
    powerSaveBlockers: [...blockers].map(([id, b]) => ({ id, type: b.type, started: b.started })),
    clipboard: clipboard.readText(),
    openedPaths: [...openedPaths],
    ipcChannels: ipcMain.channels(),
    appUserModelId: app.appUserModelId,
    userData: app.getPath('userData'),
  };
}

async function preloadCall(windowId: number, api: string, method: string | undefined, args: unknown[]): Promise<unknown> {
  const exposed = mainWorldOf(windowOf(windowId))[api];
  if (method === undefined) return exposed === undefined ? null : Object.keys(exposed as object).sort();
  const target = exposed as Record<string, unknown> | undefined;
  const fn = target?.[method];
  if (typeof fn !== 'function') throw new Error(`${api}.${method} is not a function`);
  return await (fn as (...a: unknown[]) => unknown).apply(target, args);
}

function run(command: Command): unknown {
  switch (command.type) {
    case 'state':
      return state();
    case 'display-add':
      return screen.add(command.display);
    case 'display-remove':
      return screen.remove(command.id);
    case 'display-change':
      return screen.change(command.display);
    case 'menu-click':
      return clickMenu(command.path);
    case 'dialog-answer':
      return answerDialog(command.dialogId, command.response);
    case 'window-open':
      return windowOf(command.windowId).webContents.requestWindowOpen(command.url);
    case 'navigate':
      return windowOf(command.windowId).webContents.requestNavigation(command.url);
    case 'permission': {
      const win = windowOf(command.windowId);
      const check = session.defaultSession.checkHandler;
      return session.defaultSession.requestPermission(win.webContents as never, command.permission, command.origin).then((requested) => ({
        requested,
        checked: check
          ? check(null, command.permission as never, command.origin, { isMainFrame: true, embeddingOrigin: command.origin })
          : true,
      }));
    }
    case 'preload-call':
      return preloadCall(command.windowId, command.api, command.method, command.args ?? []);
    case 'power-shutdown':
      return powerMonitor.systemShutdown();
    case 'session-end': {
      const event = newEvent({ reasons: ['shutdown' as const] });
      windowOf(command.windowId).emit(command.phase === 'query' ? 'query-session-end' : 'session-end', event);
      return { prevented: event.defaultPrevented };
    }
    case 'close-window':
      return windowOf(command.windowId).close();
  }
}

onCommand(run);
