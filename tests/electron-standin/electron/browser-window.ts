/**
 * BrowserWindow: where a window is, whether it shows, fullscreen or not, and its WebContents.
 * Fullscreen takes the display the window is on, as a window manager does; unplugging that display
 * moves the window to the primary one (screen.ts), still fullscreen: the hazard Pupitre must handle.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { WindowState } from '../protocol';
import { app } from './app';
import { report } from './channel';
import { newEvent } from './events';
import { screen } from './screen';
import { WebContentsStandin } from './web-contents';

// The members Pupitre uses, with Electron's own signatures: tsc fails when either side drifts.
type WindowMembers =
  | 'id'
  | 'loadURL'
  | 'maximize'
  | 'show'
  | 'showInactive'
  | 'hide'
  | 'moveTop'
  | 'focus'
  | 'isFocused'
  | 'isDestroyed'
  | 'destroy'
  | 'close'
  | 'isFullScreen'
  | 'setFullScreen'
  | 'isVisible'
  | 'setBounds'
  | 'getBounds'
  | 'removeMenu'
  | 'setAlwaysOnTop'
  | 'isAlwaysOnTop'
  | 'isMinimized'
  | 'restore'
  | 'getTitle'
  | 'setTitle';

let nextId = 1;
const all: BrowserWindowStandin[] = [];

function jsonSafe(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;
}

export class BrowserWindowStandin extends EventEmitter implements Pick<BrowserWindow, WindowMembers> {
  readonly id = nextId++;
  readonly webContents = new WebContentsStandin();
  readonly options: BrowserWindowConstructorOptions;
  private bounds: Rectangle;
  private normalBounds: Rectangle | null = null;
  private visible = false;
  private fullScreen = false;
  private focused = false;
  private destroyed = false;
  private menuRemoved = false;
  private alwaysOnTop = false;
  private title: string;
  private painted = false;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    const area = screen.getPrimaryDisplay().workArea;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.bounds = {
      x: options.x ?? area.x + Math.round((area.width - width) / 2),
      y: options.y ?? area.y + Math.round((area.height - height) / 2),
      width,
      height,
    };
    this.title = options.title ?? 'Electron';
    this.alwaysOnTop = options.alwaysOnTop ?? false;
    all.push(this);
    // As Electron: the WebContents exists (web-contents-created) before the window is announced.
    app.emit('web-contents-created', newEvent(), this.webContents);
    app.emit('browser-window-created', newEvent(), this);
    // First paint after the first load: 'ready-to-show'.
    this.webContents.on('did-finish-load', () => {
      if (this.painted || this.destroyed) return;
      this.painted = true;
      setImmediate(() => {
        if (!this.destroyed) this.emit('ready-to-show', newEvent());
      });
    });
    report({ kind: 'window-created', windowId: this.id, options: jsonSafe(options) });
    if (options.show !== false) this.show();
  }

  static getAllWindows(): BrowserWindowStandin[] {
    return [...all];
  }

  static getFocusedWindow(): BrowserWindowStandin | null {
    return all.find((w) => w.focused) ?? null;
  }

  static fromWebContents(contents: WebContentsStandin): BrowserWindowStandin | null {
    return all.find((w) => w.webContents === contents) ?? null;
  }

  private call(method: string, args: unknown[] = []): void {
    report({ kind: 'window-call', windowId: this.id, method, args });
  }

  private alive(method: string): void {
    if (this.destroyed) throw new TypeError(`Object has been destroyed (BrowserWindow.${method})`);
  }

  loadURL(url: string): Promise<void> {
    this.alive('loadURL');
    this.call('loadURL', [url]);
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.alive('show');
    this.call('show');
    const was = this.visible;
    this.visible = true;
    this.focus();
    if (!was) this.emit('show');
  }

  showInactive(): void {
    this.alive('showInactive');
    this.call('showInactive');
    if (this.visible) return;
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.alive('hide');
    this.call('hide');
    if (!this.visible) return;
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.alive('focus');
    for (const w of all) w.focused = false;
    this.focused = true;
    this.emit('focus');
  }

  isFocused(): boolean {
    return this.focused;
  }

  moveTop(): void {
    this.alive('moveTop');
    this.call('moveTop');
  }

  maximize(): void {
    this.alive('maximize');
    this.call('maximize');
    this.bounds = { ...screen.getDisplayMatching(this.bounds).workArea };
    this.emit('maximize');
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {
    this.call('restore');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  setFullScreen(flag: boolean): void {
    this.alive('setFullScreen');
    this.call('setFullScreen', [flag]);
    if (flag === this.fullScreen) return;
    this.fullScreen = flag;
    if (flag) {
      this.normalBounds = this.bounds;
      this.bounds = { ...screen.getDisplayMatching(this.bounds).bounds };
      setImmediate(() => this.emit('enter-full-screen'));
    } else {
      this.bounds = this.normalBounds ?? this.bounds;
      this.normalBounds = null;
      setImmediate(() => this.emit('leave-full-screen'));
    }
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.alive('setBounds');
    this.call('setBounds', [bounds]);
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }

  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  removeMenu(): void {
    this.menuRemoved = true;
  }

  setAlwaysOnTop(flag: boolean): void {
    this.alwaysOnTop = flag;
  }

  isAlwaysOnTop(): boolean {
    return this.alwaysOnTop;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  /** Asks to close: a 'close' listener may prevent it (Pupitre asks the operator first). */
  close(): void {
    if (this.destroyed) return;
    this.call('close');
    const event = newEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.call('destroy');
    this.destroyed = true;
    this.visible = false;
    all.splice(all.indexOf(this), 1);
    this.webContents.destroy();
    this.emit('closed');
    app.windowGone();
  }

  /** The operating system moved the window (its display was unplugged). */
  moveTo(bounds: Rectangle): void {
    this.bounds = { ...bounds };
    if (this.normalBounds) this.normalBounds = { ...bounds };
    this.emit('move');
  }

  state(): WindowState {
    return {
      id: this.id,
      options: jsonSafe(this.options),
      title: this.title,
      url: this.webContents.getURL(),
      bounds: this.getBounds(),
      visible: this.visible,
      fullScreen: this.fullScreen,
      focused: this.focused,
      destroyed: this.destroyed,
      menuRemoved: this.menuRemoved,
      lastLoad: this.webContents.lastLoad,
      insertedCss: [...this.webContents.insertedCss],
      hasWindowOpenHandler: this.webContents.hasWindowOpenHandler,
    };
  }
}

// Unplugging a display: the windows on it land on the primary display (fullscreen ones cover it).
screen.beforeRemove = (removed, primary) => {
  for (const win of all) {
    const b = win.getBounds();
    const centre = { x: b.x + Math.floor(b.width / 2), y: b.y + Math.floor(b.height / 2) };
    const onRemoved =
      centre.x >= removed.bounds.x &&
      centre.x < removed.bounds.x + removed.bounds.width &&
      centre.y >= removed.bounds.y &&
      centre.y < removed.bounds.y + removed.bounds.height;
    if (!onRemoved) continue;
    win.moveTo(
      win.isFullScreen()
        ? primary.bounds
        : {
            x: primary.workArea.x,
            y: primary.workArea.y,
            width: Math.min(b.width, primary.workArea.width),
            height: Math.min(b.height, primary.workArea.height),
          },
    );
  }
};
