/**
 * Linux: X11 (XWayland) rather than a native Wayland window, unless the operator asks for Wayland.
 *
 * Since Electron 38 Chromium picks its display server from XDG_SESSION_TYPE, before any of our
 * code runs: in a Wayland session it becomes a native Wayland client, where a window cannot place
 * itself (setBounds, showInactive and moveTop do nothing, getBounds gives 0,0). The projector
 * output could then not be put on the projector. `--ozone-platform=x11` on the command line is the
 * one switch Chromium reads early enough, so when Chromium has already chosen Wayland the shell
 * starts itself again with it (before any window, before the single-instance lock).
 */

/** The operator's opt-in: PUPITRE_WAYLAND=1 keeps the native Wayland window (placement by hand). */
export const WAYLAND_OPT_IN_ENV = 'PUPITRE_WAYLAND';
export const X11_SWITCH = '--ozone-platform=x11';

export interface DisplayServerInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** process.argv of the main process (the executable first). */
  argv: readonly string[];
  /** What Chromium chose: app.commandLine.getSwitchValue('ozone-platform') ('' when not set). */
  ozonePlatform: string;
}

export type DisplayServerPlan =
  | { kind: 'keep'; reason: 'not-linux' | 'x11' | 'operator-wayland' | 'explicit-switch' }
  /** execPath: the AppImage file when run from one. */
  | { kind: 'relaunch-x11'; args: string[]; execPath?: string };

function hasOzoneSwitch(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--ozone-platform' || a.startsWith('--ozone-platform='));
}

export function displayServerPlan(input: DisplayServerInput): DisplayServerPlan {
  if (input.platform !== 'linux') return { kind: 'keep', reason: 'not-linux' };
  if (input.env[WAYLAND_OPT_IN_ENV] === '1') return { kind: 'keep', reason: 'operator-wayland' };
  // Given by hand (`npm start -- --ozone-platform=wayland`) or by our own relaunch: never loop.
  if (hasOzoneSwitch(input.argv)) return { kind: 'keep', reason: 'explicit-switch' };
  if (input.ozonePlatform !== 'wayland') return { kind: 'keep', reason: 'x11' };
  const args = [...input.argv.slice(1), X11_SWITCH];
  // An AppImage runs from a mount that goes away with this process: start the AppImage itself again.
  const appImage = input.env.APPIMAGE;
  return appImage ? { kind: 'relaunch-x11', args, execPath: appImage } : { kind: 'relaunch-x11', args };
}
