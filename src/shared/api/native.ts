/**
 * What the Electron preload adds to a view (window.pupitreNative). Absent in a plain browser:
 * every view must work without it.
 */
export interface NativeBridge {
  readonly platform: string;
  appVersion(): Promise<string>;
}

declare global {
  interface Window {
    pupitreNative?: NativeBridge;
  }
}
