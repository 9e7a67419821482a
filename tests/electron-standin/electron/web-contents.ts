/**
 * A window's WebContents. Loading a page really asks the core's HTTP server for it (no page
 * script runs: there is no Chromium here), so a wrong URL, a dead server or an error page shows.
 */
import { EventEmitter } from 'node:events';
import type { HandlerDetails, RenderProcessGoneDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { newEvent } from './events';

export interface LoadRecord {
  url: string;
  status: number;
  contentType: string;
  bytes: number;
}

/** Chromium's net error codes the stand-in can produce. */
const ERR_CONNECTION_REFUSED = -102;
const ERR_INVALID_URL = -300;

// The members Pupitre uses, with Electron's own signatures: tsc fails when either side drifts.
type WebContentsMembers =
  'id' | 'getURL' | 'isLoading' | 'isDestroyed' | 'isCrashed' | 'getTitle' | 'setWindowOpenHandler' | 'loadURL' | 'reload' | 'insertCSS';

let nextId = 1;

export class WebContentsStandin extends EventEmitter implements Pick<WebContents, WebContentsMembers> {
  readonly id = nextId++;
  private url = '';
  private loading = false;
  private destroyed = false;
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  lastLoad: LoadRecord | null = null;
  readonly insertedCss: string[] = [];

  getURL(): string {
    return this.url;
  }

  isLoading(): boolean {
    return this.loading;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isCrashed(): boolean {
    return false;
  }

  getTitle(): string {
    return this.url;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }

  get hasWindowOpenHandler(): boolean {
    return this.openHandler !== null;
  }

  async loadURL(url: string): Promise<void> {
    this.loading = true;
    this.emit('did-start-loading');
    try {
      this.lastLoad = await fetchPage(url);
    } catch (err) {
      this.loading = false;
      const code = url.startsWith('http') ? ERR_CONNECTION_REFUSED : ERR_INVALID_URL;
      this.emit('did-fail-load', newEvent(), code, String(err), url, true, process.pid, 1);
      throw new Error(`ERR_FAILED (${code}) loading '${url}'`);
    }
    this.url = url;
    this.loading = false;
    this.emit('dom-ready', newEvent());
    this.emit('did-finish-load', newEvent());
  }

  reload(): void {
    if (this.url) void this.loadURL(this.url).catch(() => undefined);
  }

  async insertCSS(css: string): Promise<string> {
    this.insertedCss.push(css);
    return `css-${this.insertedCss.length}`;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  // What a page (or the test, in its place) asks of the main process.

  /** window.open / target=_blank: what the app's handler answers (no handler: allowed, as in Electron). */
  requestWindowOpen(url: string): WindowOpenHandlerResponse {
    const details = {
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.url, policy: 'strict-origin-when-cross-origin' },
    } satisfies HandlerDetails;
    return this.openHandler ? this.openHandler(details) : { action: 'allow' };
  }

  /** A navigation the page starts: prevented by a 'will-navigate' listener, or it happens. */
  requestNavigation(url: string): { prevented: boolean } {
    const event = newEvent({ url, isSameDocument: false, isMainFrame: true, frame: null, initiator: undefined });
    this.emit('will-navigate', event, url, false, true, process.pid, 1);
    if (!event.defaultPrevented) this.url = url;
    return { prevented: event.defaultPrevented };
  }

  crash(reason: RenderProcessGoneDetails['reason']): void {
    this.emit('render-process-gone', newEvent(), { reason, exitCode: 1 } satisfies RenderProcessGoneDetails);
  }
}

async function fetchPage(url: string): Promise<LoadRecord> {
  if (url.startsWith('data:')) return { url, status: 200, contentType: url.slice(5, url.indexOf(',')), bytes: url.length };
  const res = await fetch(url, { redirect: 'follow' });
  const body = await res.arrayBuffer();
  return { url, status: res.status, contentType: res.headers.get('content-type') ?? '', bytes: body.byteLength };
}
