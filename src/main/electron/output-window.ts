/**
 * The projector output window: the mechanics only (where it goes is decided by displays.ts and
 * projector.ts). It shows the core's /output page; it holds no state, so a reload or a new
 * window shows the same thing. It never takes the keyboard focus from the control window.
 */
import { BrowserWindow, powerSaveBlocker, screen } from 'electron';
import type { Logger } from '../../node/log/logger';
import { type OutputMode, type OutputPlan, sameBounds } from './displays';
import { crashReloadDelayMs } from './policy';
import { secureWebPreferences } from './security';

type Frame = 'frameless' | 'framed';

const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

function leaveFullScreen(win: BrowserWindow): Promise<void> {
  if (!win.isFullScreen()) return Promise.resolve();
  return new Promise((resolve) => {
    // Some window managers never say they left fullscreen: do not wait for ever.
    const timer = setTimeout(() => done(), 1500);
    const done = () => {
      clearTimeout(timer);
      win.off('leave-full-screen', done);
      resolve();
    };
    win.once('leave-full-screen', done);
    win.setFullScreen(false);
  });
}

export class OutputWindow {
  private win: BrowserWindow | null = null;
  private frame: Frame | null = null;
  private current: OutputMode | 'none' = 'none';
  private displayId: number | null = null;
  private crashes: number[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private queue: Promise<void> = Promise.resolve();
  /** Windows that have painted once (shown only then, so the projector never flashes white). */
  private readonly ready = new WeakSet<BrowserWindow>();
  private readonly blocker: number;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    // The projector must never go to sleep during a session (nor the operator's screen).
    this.blocker = powerSaveBlocker.start('prevent-display-sleep');
  }

  get mode(): OutputMode | 'none' {
    return this.current;
  }

  /** The display the output is fullscreen on, or null (window, hidden). */
  get externalDisplayId(): number | null {
    return this.current === 'external' ? this.displayId : null;
  }

  get window(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  /** Placements run one after the other (leaving fullscreen is asynchronous). */
  place(plan: OutputPlan): Promise<void> {
    this.queue = this.queue
      .then(() => this.apply(plan))
      .catch((err: unknown) => this.logger.error('output placement failed', { err: String(err) }));
    return this.queue;
  }

  toggleFullScreen(): void {
    const win = this.window;
    if (win?.isVisible()) win.setFullScreen(!win.isFullScreen());
  }

  reload(): void {
    this.window?.webContents.reload();
  }

  /** Before quitting: the window may close for real now. */
  shutdown(): void {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (powerSaveBlocker.isStarted(this.blocker)) powerSaveBlocker.stop(this.blocker);
  }

  private async apply(plan: OutputPlan): Promise<void> {
    if (this.closing) return;
    switch (plan.mode) {
      case 'hidden': {
        this.current = 'hidden';
        this.window?.hide();
        this.logger.info('output hidden', { reason: 'no projector display' });
        return;
      }
      case 'window': {
        const wasWindow = this.current === 'window' && this.frame === 'framed' && this.window?.isVisible();
        this.current = 'window';
        this.displayId = null;
        if (wasWindow) return;
        const win = this.ensure('framed', this.windowBounds());
        if (win.isFullScreen()) await leaveFullScreen(win);
        if (this.isReady(win)) {
          win.showInactive();
          win.moveTop();
        }
        this.logger.info('output in a window on the operator screen');
        return;
      }
      case 'external': {
        const { display } = plan;
        const win = this.ensure('frameless', display.bounds);
        const already =
          this.current === 'external' &&
          this.displayId === display.id &&
          win.isVisible() &&
          win.isFullScreen() &&
          sameBounds(win.getBounds(), display.bounds);
        this.current = 'external';
        this.displayId = display.id;
        if (already) return;
        if (this.isReady(win)) {
          await leaveFullScreen(win);
          win.setBounds(display.bounds);
          win.showInactive();
          win.setFullScreen(true);
        }
        this.logger.info('output on display', { id: display.id, label: display.label, bounds: display.bounds, match: plan.match });
        return;
      }
    }
  }

  private windowBounds() {
    const area = screen.getPrimaryDisplay().workArea;
    const width = Math.min(960, Math.round(area.width * 0.6));
    const height = Math.round((width * 9) / 16);
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  }

  private isReady(win: BrowserWindow): boolean {
    return this.ready.has(win);
  }

  /** The window of the right kind (the frame is fixed at creation: changing it means a new window). */
  private ensure(frame: Frame, bounds: { x: number; y: number; width: number; height: number }): BrowserWindow {
    const existing = this.window;
    if (existing && this.frame === frame) return existing;
    existing?.destroy(); // no 'close' event: the new window takes over at once
    const win = new BrowserWindow({
      ...bounds,
      title: 'Pupitre — Sortie',
      show: false,
      frame: frame === 'framed',
      fullscreenable: true,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      webPreferences: secureWebPreferences({ backgroundThrottling: false }),
    });
    win.removeMenu();
    this.win = win;
    this.frame = frame;
    this.wire(win, frame);
    void win.loadURL(this.url).catch(() => undefined); // did-fail-load retries
    return win;
  }

  /** First paint: show it where the current plan says, without taking the focus. */
  private reveal(win: BrowserWindow): void {
    if (this.ready.has(win) || win.isDestroyed() || this.win !== win) return;
    this.ready.add(win);
    if (this.current === 'external') {
      win.showInactive();
      win.setFullScreen(true);
    } else if (this.current === 'window') {
      win.showInactive();
    }
  }

  private wire(win: BrowserWindow, frame: Frame): void {
    const contents = win.webContents;
    win.once('ready-to-show', () => this.reveal(win));
    // A page that never paints (core unreachable) must still appear, black, where it belongs.
    setTimeout(() => this.reveal(win), 3000).unref();

    // The output page hides the cursor too; this covers a page that forgets.
    if (frame === 'frameless') contents.on('dom-ready', () => void contents.insertCSS(HIDE_CURSOR_CSS).catch(() => undefined));

    contents.on('render-process-gone', (_event, details) => {
      if (this.closing || win.isDestroyed()) return;
      const now = Date.now();
      this.crashes = [...this.crashes.filter((t) => now - t < 60_000), now];
      const delay = crashReloadDelayMs(this.crashes, now);
      this.logger.error('output renderer gone, reloading', { reason: details.reason, exitCode: details.exitCode, delayMs: delay });
      this.retry(win, delay);
    });
    contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
      if (!isMainFrame || errorCode === -3 /* aborted by a newer load */) return;
      this.logger.warn('output page failed to load', { errorCode, errorDescription });
      this.retry(win, 1000);
    });
    contents.on('unresponsive', () => this.logger.warn('output renderer unresponsive'));
    contents.on('responsive', () => this.logger.info('output renderer responsive again'));

    // Alt+F4 or the window's close button hides the output; it comes back from the menu
    // (« Affichage › Afficher la sortie »). Only quitting really closes it.
    win.on('close', (event) => {
      if (this.closing) return;
      event.preventDefault();
      win.hide();
      this.current = 'hidden';
      this.logger.info('output hidden by the operator');
    });
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
  }

  private retry(win: BrowserWindow, delayMs: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closing || win.isDestroyed()) return;
      void win.loadURL(this.url).catch(() => undefined);
    }, delayMs);
  }
}
