/**
 * What the test and the stand-in say to each other over the child process's IPC channel. The
 * bundle under test never sees these messages: they drive the "operating system" around it
 * (displays, menus, dialogs, the power monitor) and report what the bundle asked of Electron.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as the test describes it (the stand-in fills in the rest of Electron.Display). */
export interface DisplaySpec {
  id: number;
  label: string;
  bounds: Rect;
  scaleFactor?: number;
  primary?: boolean;
}

export interface WindowState {
  id: number;
  /** The options given to `new BrowserWindow(…)` (functions left out). */
  options: Record<string, unknown>;
  title: string;
  url: string;
  bounds: Rect;
  visible: boolean;
  fullScreen: boolean;
  focused: boolean;
  destroyed: boolean;
  menuRemoved: boolean;
  /** The last page load: what the core's HTTP server answered. */
  lastLoad: { url: string; status: number; contentType: string; bytes: number } | null;
  insertedCss: string[];
  hasWindowOpenHandler: boolean;
}

export interface MenuItemState {
  label: string | null;
  role: string | null;
  type: string | null;
  accelerator: string | null;
  checked: boolean | null;
  submenu: MenuItemState[] | null;
}

export interface StandinState {
  ready: boolean;
  windows: WindowState[];
  displays: DisplaySpec[];
  primaryId: number;
  menu: MenuItemState[] | null;
  /** Switches the bundle appended (app.commandLine.appendSwitch). */
  switches: Record<string, string>;
  powerSaveBlockers: { id: number; type: string; started: boolean }[];
  clipboard: string;
  openedPaths: string[];
  ipcChannels: string[];
  appUserModelId: string | null;
  userData: string;
}

export type Command =
  | { type: 'state' }
  | { type: 'display-add'; display: DisplaySpec }
  | { type: 'display-remove'; id: number }
  | { type: 'display-change'; display: DisplaySpec }
  | { type: 'menu-click'; path: string[] }
  | { type: 'dialog-answer'; dialogId: number; response: number }
  | { type: 'window-open'; windowId: number; url: string }
  | { type: 'navigate'; windowId: number; url: string }
  | { type: 'permission'; windowId: number; permission: string; origin: string }
  /** What the window's preload exposed under `api` (its keys), or the result of calling `api.method(...args)`. */
  | { type: 'preload-call'; windowId: number; api: string; method?: string; args?: unknown[] }
  | { type: 'power-shutdown' }
  | { type: 'session-end'; windowId: number; phase: 'query' | 'end' }
  | { type: 'close-window'; windowId: number };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** What the bundle did, as it happened. */
export type Happening =
  | { kind: 'ready' }
  | { kind: 'window-created'; windowId: number; options: Record<string, unknown> }
  | { kind: 'window-call'; windowId: number; method: string; args: unknown[] }
  | { kind: 'dialog'; dialogId: number; options: Record<string, unknown> }
  | { kind: 'error-box'; title: string; content: string }
  | { kind: 'menu-set' }
  | { kind: 'relaunch'; args: string[] }
  | { kind: 'quit-step'; step: 'before-quit' | 'will-quit' | 'quit' }
  | { kind: 'exit'; code: number };

export type ToTest = { type: 'reply'; reply: Reply } | { type: 'happening'; happening: Happening };
export type ToStandin = { type: 'command'; id: number; command: Command };
