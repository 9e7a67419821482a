/** Menu: the template the app builds, kept as data so the test can read it and click in it. */
import type { BaseWindow, KeyboardEvent, Menu, MenuItem, MenuItemConstructorOptions } from 'electron';
import type { MenuItemState } from '../protocol';
import { report } from './channel';

export class MenuStandin {
  constructor(readonly template: MenuItemConstructorOptions[]) {}

  static buildFromTemplate(template: Array<MenuItemConstructorOptions | MenuItem>): MenuStandin {
    // Pupitre passes plain templates; a MenuItem instance would need Electron itself.
    return new MenuStandin(template as MenuItemConstructorOptions[]);
  }

  static setApplicationMenu(menu: MenuStandin | null): void {
    applicationMenu = menu;
    report({ kind: 'menu-set' });
  }

  static getApplicationMenu(): MenuStandin | null {
    return applicationMenu;
  }
}

let applicationMenu: MenuStandin | null = null;

// Electron's own signatures for the statics Pupitre calls (the Menu it gets back is ours).
const _statics = {
  buildFromTemplate: (template: Array<MenuItemConstructorOptions | MenuItem>) => MenuStandin.buildFromTemplate(template) as unknown as Menu,
  setApplicationMenu: (menu: Menu | null) => MenuStandin.setApplicationMenu(menu as unknown as MenuStandin | null),
} satisfies Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
void _statics;

function describe(items: MenuItemConstructorOptions[]): MenuItemState[] {
  return items.map((i) => ({
    label: i.label ?? null,
    role: i.role ?? null,
    type: i.type ?? null,
    accelerator: i.accelerator ?? null,
    checked: i.checked ?? null,
    submenu: Array.isArray(i.submenu) ? describe(i.submenu) : null,
  }));
}

export function describeApplicationMenu(): MenuItemState[] | null {
  return applicationMenu ? describe(applicationMenu.template) : null;
}

/** Clicks the item at this path of labels (the first menu by its label, as shown on Windows and Linux). */
export function clickMenu(path: readonly string[]): void {
  let items = applicationMenu?.template ?? [];
  let item: MenuItemConstructorOptions | undefined;
  for (const label of path) {
    item = items.find((i) => i.label === label);
    if (!item) throw new Error(`no menu item « ${label} » in ${JSON.stringify(items.map((i) => i.label ?? i.role))}`);
    items = Array.isArray(item.submenu) ? item.submenu : [];
  }
  if (!item?.click) throw new Error(`menu item « ${path.join(' › ')} » has no action`);
  const keyboard = { triggeredByAccelerator: false } satisfies KeyboardEvent;
  item.click(item as unknown as MenuItem, undefined as BaseWindow | undefined, keyboard);
}
