/**
 * A window's preload, run as Electron runs it in a sandboxed renderer: a CommonJS script whose
 * `require` gives only `electron`'s renderer modules and events/timers/url, with a small `process`,
 * in its own context. contextBridge refuses to work without contextIsolation, as Electron's does.
 * What the preload exposes is kept as the page's main world would see it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import type { ContextBridge, IpcRenderer } from 'electron';
import type { BrowserWindowStandin } from './browser-window';
import { ipcMain } from './ipc-main';

const SANDBOXED_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

const worlds = new WeakMap<BrowserWindowStandin, Record<string, unknown>>();

function runPreload(win: BrowserWindowStandin): Record<string, unknown> {
  const prefs = win.options.webPreferences ?? {};
  const mainWorld: Record<string, unknown> = {};
  if (!prefs.preload) return mainWorld;
  if (!existsSync(prefs.preload)) throw new Error(`Unable to load preload script: ${prefs.preload}`);
  const sandboxed = prefs.sandbox ?? !prefs.nodeIntegration; // Electron ≥ 20: sandboxed by default
  const contextIsolated = prefs.contextIsolation ?? true;

  const contextBridge = {
    exposeInMainWorld(apiKey: string, api: unknown) {
      if (!contextIsolated) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      mainWorld[apiKey] = api;
    },
  } satisfies Pick<ContextBridge, 'exposeInMainWorld'>;
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => ipcMain.invoke(win.webContents, channel, args),
  } satisfies Pick<IpcRenderer, 'invoke'>;
  const electron = { contextBridge, ipcRenderer };

  const nodeRequire = createRequire(prefs.preload);
  const sandboxRequire = (id: string): unknown => {
    if (sandboxed && !SANDBOXED_MODULES.has(id)) throw new Error(`module not found: ${id}`);
    if (id === 'electron') return electron;
    return nodeRequire(id);
  };
  const sandboxProcess = {
    platform: process.platform,
    arch: process.arch,
    versions: { ...process.versions },
    env: {},
    argv: [],
    type: 'renderer',
    sandboxed,
    contextIsolated,
    pid: process.pid,
  };
  const module = { exports: {} as Record<string, unknown> };
  const source = readFileSync(prefs.preload, 'utf8');
  const wrapper = vm.runInNewContext(
    `(function (exports, require, module, __filename, __dirname, process, Buffer, global) {${source}\n})`,
    { console, setTimeout, clearTimeout, setImmediate, clearImmediate, Promise },
    { filename: prefs.preload },
  ) as (...args: unknown[]) => void;
  wrapper(module.exports, sandboxRequire, module, prefs.preload, dirname(prefs.preload), sandboxProcess, Buffer, {});
  return mainWorld;
}

/** The page's view of what the preload exposed (the preload runs once per window). */
export function mainWorldOf(win: BrowserWindowStandin): Record<string, unknown> {
  let world = worlds.get(win);
  if (!world) {
    world = runPreload(win);
    worlds.set(win, world);
  }
  return world;
}
