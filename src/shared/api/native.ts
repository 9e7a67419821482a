/**
 * What the Electron preload adds to a view (window.pupitreNative). Absent in a plain browser:
 * every view must work without it. Only the control window gets it (the output needs nothing).
 */

export interface NativeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as the control view sees it (to choose the projector). */
export interface NativeDisplay {
  id: number;
  /** The name the system gives it ("DELL U2720Q", "EPSON PJ"); may be empty on Linux. */
  label: string;
  bounds: NativeRect;
  scaleFactor: number;
  /** The operator's screen: the output never goes there fullscreen by itself. */
  primary: boolean;
  /** The output window is fullscreen on this display. */
  output: boolean;
}

export interface NativeBridge {
  readonly platform: string;
  appVersion(): Promise<string>;
  displays(): Promise<NativeDisplay[]>;
  /** Shows each display's number and name on it for a few seconds. */
  identifyDisplays(): Promise<void>;
  /**
   * Puts the projector output fullscreen on this display and remembers it for the next start;
   * null: a normal window on the operator's screen.
   */
  setOutputDisplay(id: number | null): Promise<void>;
}

/** The IPC channels behind the bridge (preload ↔ src/main/electron/ipc.ts). */
export const NATIVE_CHANNELS = {
  appVersion: 'pupitre:app-version',
  displays: 'pupitre:displays',
  identifyDisplays: 'pupitre:identify-displays',
  setOutputDisplay: 'pupitre:set-output-display',
} as const;

declare global {
  interface Window {
    pupitreNative?: NativeBridge;
  }
}
