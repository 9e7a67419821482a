/**
 * The application menu, in French, as a template (no electron at run time: tested as data).
 * No single-key accelerators: the régie page lives on the keyboard (Space, Enter…) and a menu
 * shortcut wins over the page.
 *
 * macOS takes the first menu as the application menu, whatever its label: there it is a proper
 * application menu (About, Hide, Hide others, Show all, Quit) and « Fichier » comes second.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { NativeDisplay } from '../../shared/api/native';

export interface MenuActions {
  copyOutputUrl(): void;
  openLogsFolder(): void;
  openDataFolder(): void;
  quit(): void;
  reloadControl(): void;
  reloadOutput(): void;
  showOutput(): void;
  toggleOutputFullScreen(): void;
  chooseOutputDisplay(id: number | null): void;
  identifyDisplays(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** The application's name (macOS shows it as the first menu's title). */
  appName: string;
  devTools: boolean;
}

function displayItems(displays: readonly NativeDisplay[], actions: MenuActions): MenuItemConstructorOptions[] {
  const external = displays.filter((d) => !d.primary);
  const onExternal = displays.some((d) => d.output);
  const items: MenuItemConstructorOptions[] = external.map((d) => ({
    label: `Écran ${displays.indexOf(d) + 1} — ${d.label.trim() || 'sans nom'} (${d.bounds.width}×${d.bounds.height})`,
    type: 'radio',
    checked: d.output,
    click: () => actions.chooseOutputDisplay(d.id),
  }));
  items.push(
    { type: 'separator' },
    { label: 'Fenêtre sur l’écran de la régie', type: 'radio', checked: !onExternal, click: () => actions.chooseOutputDisplay(null) },
  );
  return items;
}

function appMenu(actions: MenuActions, appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about', label: `À propos de ${appName}` },
      { type: 'separator' },
      { role: 'services', label: 'Services' },
      { type: 'separator' },
      { role: 'hide', label: `Masquer ${appName}` },
      { role: 'hideOthers', label: 'Masquer les autres' },
      { role: 'unhide', label: 'Tout afficher' },
      { type: 'separator' },
      // Not role 'quit': quitting during a show asks first (quit.ts).
      { label: `Quitter ${appName}`, accelerator: 'Cmd+Q', click: () => actions.quit() },
    ],
  };
}

export function menuTemplate(actions: MenuActions, displays: readonly NativeDisplay[], options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: [
      { label: 'Copier l’adresse de la sortie (OBS, navigateur)', click: () => actions.copyOutputUrl() },
      { type: 'separator' },
      { label: 'Ouvrir le dossier des journaux', click: () => actions.openLogsFolder() },
      { label: 'Ouvrir le dossier des données', click: () => actions.openDataFolder() },
      // On macOS « Quitter » lives in the application menu.
      ...(mac
        ? []
        : ([
            { type: 'separator' },
            { label: 'Quitter', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { role: 'undo', label: 'Annuler' },
      { role: 'redo', label: 'Rétablir' },
      { type: 'separator' },
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      { role: 'selectAll', label: 'Tout sélectionner' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { label: 'Recharger la régie', accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.reloadControl() },
      { label: 'Recharger la sortie', click: () => actions.reloadOutput() },
      { type: 'separator' },
      { label: 'Afficher la sortie', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.showOutput() },
      { label: 'Plein écran de la sortie', accelerator: 'CmdOrCtrl+Shift+F', click: () => actions.toggleOutputFullScreen() },
      { label: 'Écran de la sortie', submenu: displayItems(displays, actions) },
      { label: 'Identifier les écrans', click: () => actions.identifyDisplays() },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Plein écran de la régie' },
      { role: 'resetZoom', label: 'Taille réelle' },
      { role: 'zoomIn', label: 'Zoom avant' },
      { role: 'zoomOut', label: 'Zoom arrière' },
      ...(options.devTools
        ? ([{ type: 'separator' }, { role: 'toggleDevTools', label: 'Outils de développement' }] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };
  // macOS users expect a « Fenêtre » menu (minimise, zoom, bring all to front).
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu', label: 'Fenêtre' };
  return mac ? [appMenu(actions, options.appName), file, edit, view, windowMenu] : [file, edit, view];
}
