/**
 * The control window (the régie): the core's /control page with the native bridge (preload).
 * A crash of its renderer reloads it; the output window is a separate window and carries on.
 */
import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../../node/log/logger';
import { crashReloadDelayMs } from './policy';
import { secureWebPreferences } from './security';

export function createControlWindow(url: string, preload: string, logger: Logger): BrowserWindow {
  const area = screen.getPrimaryDisplay().workArea;
  const win = new BrowserWindow({
    x: area.x,
    y: area.y,
    width: Math.min(1600, area.width),
    height: Math.min(1000, area.height),
    minWidth: 900,
    minHeight: 600,
    title: 'Pupitre — Régie',
    show: false,
    backgroundColor: '#1b1d21',
    webPreferences: secureWebPreferences({ preload }),
  });
  let shown = false;
  const reveal = () => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    win.maximize();
    win.show();
  };
  win.once('ready-to-show', reveal);
  setTimeout(reveal, 3000).unref(); // a page that never paints must not leave the operator with nothing

  const contents = win.webContents;
  let crashes: number[] = [];
  let retry: NodeJS.Timeout | null = null;
  const reload = (delayMs: number) => {
    if (retry) clearTimeout(retry);
    retry = setTimeout(() => {
      retry = null;
      if (!win.isDestroyed()) void win.loadURL(url).catch(() => undefined);
    }, delayMs);
  };
  contents.on('render-process-gone', (_event, details) => {
    if (win.isDestroyed()) return;
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < 60_000), now];
    const delayMs = crashReloadDelayMs(crashes, now);
    logger.error('control renderer gone, reloading', { reason: details.reason, exitCode: details.exitCode, delayMs });
    reload(delayMs);
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === -3) return;
    logger.warn('control page failed to load', { errorCode, errorDescription });
    reload(1000);
  });
  contents.on('unresponsive', () => logger.warn('control renderer unresponsive'));
  win.on('closed', () => {
    if (retry) clearTimeout(retry);
  });

  void win.loadURL(url).catch(() => undefined); // did-fail-load retries
  return win;
}
