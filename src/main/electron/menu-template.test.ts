import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { NativeDisplay } from '../../shared/api/native';
import { type MenuActions, menuTemplate } from './menu-template';

function actions(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(args.length ? `${name}(${args.map(String).join(',')})` : name);
  return {
    calls,
    copyOutputUrl: record('copyOutputUrl'),
    openLogsFolder: record('openLogsFolder'),
    openDataFolder: record('openDataFolder'),
    quit: record('quit'),
    reloadControl: record('reloadControl'),
    reloadOutput: record('reloadOutput'),
    showOutput: record('showOutput'),
    toggleOutputFullScreen: record('toggleOutputFullScreen'),
    chooseOutputDisplay: record('chooseOutputDisplay'),
    identifyDisplays: record('identifyDisplays'),
  };
}

const displays: NativeDisplay[] = [
  { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: true, output: false },
  { id: 2, label: 'EPSON PJ', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: false, output: true },
];

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const sub = item?.submenu;
  if (!Array.isArray(sub)) throw new Error(`no submenu in ${item?.label ?? item?.role}`);
  return sub;
}

/** Clicks an item as Electron would (the arguments do not matter to our items). */
function click(item: MenuItemConstructorOptions | undefined): void {
  const fn = item?.click as unknown as (() => void) | undefined;
  if (!fn) throw new Error(`no click on ${item?.label}`);
  fn();
}

describe('menuTemplate', () => {
  it('on macOS, the first menu is the application menu: About, Services, Hide, Hide others, Show all, Quit', () => {
    const a = actions();
    const menus = menuTemplate(a, displays, { platform: 'darwin', appName: 'Pupitre', devTools: false });
    expect(menus.map((m) => m.label)).toEqual(['Pupitre', 'Fichier', 'Édition', 'Affichage', 'Fenêtre']);
    const app = submenu(menus[0]);
    expect(app.filter((i) => i.type !== 'separator').map((i) => i.role ?? i.label)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'Quitter Pupitre',
    ]);
    expect(app.find((i) => i.role === 'about')?.label).toBe('À propos de Pupitre');
    expect(app.find((i) => i.role === 'hide')?.label).toBe('Masquer Pupitre');
    // Quit goes through the quit flow (it asks during a show), never role 'quit'.
    const quit = app.at(-1);
    expect(quit?.role).toBeUndefined();
    expect(quit?.accelerator).toBe('Cmd+Q');
    click(quit);
    expect(a.calls).toEqual(['quit']);
    expect(menus[4]?.role).toBe('windowMenu');
  });

  it('on macOS, « Fichier » stays its own menu, without a second « Quitter »', () => {
    const menus = menuTemplate(actions(), displays, { platform: 'darwin', appName: 'Pupitre', devTools: false });
    const file = submenu(menus[1]);
    expect(file.map((i) => i.label).filter(Boolean)).toEqual([
      'Copier l’adresse de la sortie (OBS, navigateur)',
      'Ouvrir le dossier des journaux',
      'Ouvrir le dossier des données',
    ]);
  });

  it('on Windows and Linux, « Fichier » comes first and ends with « Quitter »', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const a = actions();
      const menus = menuTemplate(a, displays, { platform, appName: 'Pupitre', devTools: false });
      expect(menus.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage']);
      const quit = submenu(menus[0]).at(-1);
      expect(quit).toMatchObject({ label: 'Quitter', accelerator: 'CmdOrCtrl+Q' });
      click(quit);
      expect(a.calls).toEqual(['quit']);
    }
  });

  it('lists the external displays to choose the output, and the developer tools only in dev', () => {
    const a = actions();
    const view = (devTools: boolean) => submenu(menuTemplate(a, displays, { platform: 'linux', appName: 'Pupitre', devTools })[2]);
    const screens = submenu(view(false).find((i) => i.label === 'Écran de la sortie'));
    expect(screens[0]).toMatchObject({ label: 'Écran 2 — EPSON PJ (1920×1080)', type: 'radio', checked: true });
    click(screens[0]);
    click(screens.at(-1));
    expect(a.calls).toEqual(['chooseOutputDisplay(2)', 'chooseOutputDisplay(null)']);
    expect(view(false).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(view(true).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('has no single-key accelerator (the desk owns the plain keys)', () => {
    const walk = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((i) => [...(i.accelerator ? [String(i.accelerator)] : []), ...(Array.isArray(i.submenu) ? walk(i.submenu) : [])]);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const acc of walk(menuTemplate(actions(), displays, { platform, appName: 'Pupitre', devTools: true }))) {
        expect(acc).toMatch(/^(Cmd|CmdOrCtrl)\+/);
      }
    }
  });
});
