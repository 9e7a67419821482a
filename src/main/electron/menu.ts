/**
 * The application menu, in French. No single-key accelerators: the régie page lives on the
 * keyboard (Space, Enter…) and a menu shortcut wins over the page.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
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

export function buildMenu(actions: MenuActions, displays: readonly NativeDisplay[], devTools: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Fichier',
      submenu: [
        { label: 'Copier l’adresse de la sortie (OBS, navigateur)', click: () => actions.copyOutputUrl() },
        { type: 'separator' },
        { label: 'Ouvrir le dossier des journaux', click: () => actions.openLogsFolder() },
        { label: 'Ouvrir le dossier des données', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Quitter', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
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
    },
    {
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
        ...(devTools
          ? ([{ type: 'separator' }, { role: 'toggleDevTools', label: 'Outils de développement' }] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
