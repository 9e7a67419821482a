/**
 * « Identifier les écrans »: a big number on every display for a few seconds, so the operator
 * knows which one is the projector. Static HTML, no script, no preload, no focus.
 */
import { BrowserWindow } from 'electron';
import type { NativeDisplay } from '../../shared/api/native';
import { secureWebPreferences } from './security';

const SHOW_MS = 4000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function identifyPage(index: number, d: NativeDisplay): string {
  const role = d.primary ? 'écran de la régie' : d.output ? 'sortie projecteur' : 'libre';
  const name = d.label.trim() || 'sans nom';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Écran ${index}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>html,body{margin:0;height:100%;background:#111;color:#fff;font:600 28px system-ui,sans-serif;cursor:none}
body{display:flex;flex-direction:column;align-items:center;justify-content:center;border:8px solid #f5b700;box-sizing:border-box}
b{font-size:160px;line-height:1}</style></head>
<body><b>${index}</b><div>${escapeHtml(name)}</div><div>${d.bounds.width}×${d.bounds.height} — ${role}</div></body></html>`;
}

export function identifyDisplays(displays: readonly NativeDisplay[]): Promise<void> {
  const shown = displays.map((d, i) => {
    const width = Math.min(520, d.bounds.width);
    const height = Math.min(340, d.bounds.height);
    const win = new BrowserWindow({
      x: d.bounds.x + Math.round((d.bounds.width - width) / 2),
      y: d.bounds.y + Math.round((d.bounds.height - height) / 2),
      width,
      height,
      frame: false,
      resizable: false,
      movable: false,
      focusable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      show: false,
      backgroundColor: '#111111',
      webPreferences: secureWebPreferences({ javascript: false }),
    });
    win.setAlwaysOnTop(true, 'screen-saver'); // above the fullscreen output
    win.once('ready-to-show', () => win.showInactive());
    void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(identifyPage(i + 1, d))}`).catch(() => undefined);
    return new Promise<void>((resolve) => {
      setTimeout(() => {
        if (!win.isDestroyed()) win.destroy();
        resolve();
      }, SHOW_MS);
    });
  });
  return Promise.all(shown).then(() => undefined);
}
