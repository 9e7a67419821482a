/** session.defaultSession: the permission handlers and downloads, as the app installs them. */
import { EventEmitter } from 'node:events';
import type { PermissionRequest, Session, WebContents } from 'electron';

// The members Pupitre uses, with Electron's own signatures: tsc fails when either side drifts.
type SessionMembers = 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0];

export class SessionStandin extends EventEmitter implements Pick<Session, SessionMembers> {
  requestHandler: RequestHandler = null;
  checkHandler: CheckHandler = null;
  deviceHandler: DeviceHandler = null;

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.deviceHandler = handler;
  }

  /** A page asks for a permission: what the app's request handler answers (none set: granted, as in Electron). */
  requestPermission(contents: WebContents, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    const details = { requestingUrl, isMainFrame: true } satisfies PermissionRequest;
    return new Promise((resolve) => handler(contents, permission as Parameters<NonNullable<RequestHandler>>[1], resolve, details));
  }
}

export const session = { defaultSession: new SessionStandin() };
