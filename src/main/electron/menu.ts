/** The application menu (the template is in menu-template.ts, tested without Electron). */
import { Menu } from 'electron';
import type { NativeDisplay } from '../../shared/api/native';
import { type MenuActions, type MenuOptions, menuTemplate } from './menu-template';

export type { MenuActions } from './menu-template';

export function buildMenu(actions: MenuActions, displays: readonly NativeDisplay[], options: MenuOptions): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, displays, options));
}
