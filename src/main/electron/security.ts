/**
 * Least privilege for every page the shell shows, the same in dev and packaged: isolated,
 * sandboxed, no Node; no new windows, no navigation away from the core, no permissions.
 * The CSP is sent by the core's HTTP server with every page (src/node/http/static-files.ts).
 */
import { app, session, type WebContents, type WebPreferences } from 'electron';
import type { Logger } from '../../node/log/logger';
import { exportSaveDialog, isCoreDownload } from './download-policy';
import { isCoreUrl, isPermissionAllowed, originOf, windowOpenAction } from './policy';

export interface SecurityHooks {
  /** The desk's « open the output » link: show the projector's window (never a new one). */
  showOutput(): void;
}

export function secureWebPreferences(
  extra: { preload?: string; backgroundThrottling?: boolean; javascript?: boolean } = {},
): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    ...extra,
  };
}

function harden(contents: WebContents, coreOrigin: string, logger: Logger, hooks: SecurityHooks): void {
  // No pop-ups at all: a link with target=_blank or window.open() gets null. The core's /output
  // page is already on the projector's window: that one is shown instead.
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenAction(url, coreOrigin) === 'show-output') {
      logger.info('window.open of the output: showing the output window');
      hooks.showOutput();
    } else {
      logger.warn('window.open denied', { url: originOf(url) ?? url.slice(0, 80) });
    }
    return { action: 'deny' };
  });
  const guard = (what: string) => (event: Electron.Event, url: string) => {
    if (isCoreUrl(url, coreOrigin)) return;
    event.preventDefault();
    logger.warn(`${what} blocked`, { url: originOf(url) ?? url.slice(0, 80) });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview blocked');
  });
}

/** Call once, after the core is listening (its origin is then known) and before any window. */
export function installSecurity(coreOrigin: string, logger: Logger, hooks: SecurityHooks): void {
  app.on('web-contents-created', (_event, contents) => harden(contents, coreOrigin, logger, hooks));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, coreOrigin);
    if (!allowed) logger.warn('permission denied', { permission, url: originOf(contents.getURL()) });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, coreOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Downloads (exports served by the core) come from the core only; Electron asks where to save.
  ses.on('will-download', (event, item) => {
    if (isCoreDownload(item.getURL(), coreOrigin)) {
      // The native save dialog, with the export's own name in the documents folder.
      item.setSaveDialogOptions(exportSaveDialog(item.getFilename(), app.getPath('documents')));
      return;
    }
    event.preventDefault();
    logger.warn('download blocked', { url: originOf(item.getURL()) });
  });
}
