/**
 * Electron entry: a thin shell around the régie core. It starts the core in this process, opens
 * the control window and the projector output (both load the core's pages over HTTP) and wires
 * menus, displays and quitting. It holds no state of its own: everything lives in the core.
 */
import { app, clipboard, dialog, Menu, powerMonitor, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { startCore, type RunningCore } from '../core';
import { createFileLogger } from '../../node/log/logger';
import { displayServerPlan } from '../platform/display-server';
import { applyDataDirOverride, shellPaths } from './app-paths';
import { utilityHubLauncher } from './hub-utility-process';
import { createControlWindow } from './control-window';
import { identifyDisplays } from './identify';
import { registerIpc } from './ipc';
import { buildMenu, type MenuActions } from './menu';
import { OutputWindow } from './output-window';
import { Projector } from './projector';
import { installQuitFlow } from './quit';
import { installSecurity } from './security';
import { preventableEvent, sessionEndHandlers } from './session-end';
import { STARTUP_ERROR_TITLE, startupErrorText } from './startup-error';

// Linux in a Wayland session: Chromium has already chosen a native Wayland window, where the
// output cannot be placed on the projector. Start again under X11 before anything else.
const displayPlan = displayServerPlan({
  platform: process.platform,
  env: process.env,
  argv: process.argv,
  ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
});
if (displayPlan.kind === 'relaunch-x11') {
  console.log('Pupitre : session Wayland, redémarrage sous X11 (XWayland) pour placer la sortie. PUPITRE_WAYLAND=1 garde Wayland.');
  app.relaunch(displayPlan.execPath ? { args: displayPlan.args, execPath: displayPlan.execPath } : { args: displayPlan.args });
  app.exit(0);
} else {
  applyDataDirOverride();
  if (!app.requestSingleInstanceLock()) {
    // Another Pupitre has this data folder: it comes to the front (second-instance below).
    app.quit();
  } else {
    void main();
  }
}

async function main(): Promise<void> {
  app.setAppUserModelId('fr.pupitre.regie');
  await app.whenReady();
  const paths = shellPaths();
  const logger = createFileLogger({ dir: join(paths.dataDir, 'logs'), echo: !app.isPackaged });
  process.on('uncaughtException', (err) => logger.error('uncaught exception in main', { err: err.stack ?? String(err) }));
  process.on('unhandledRejection', (err) =>
    logger.error('unhandled rejection in main', { err: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
  logger.info('electron starting', { electron: process.versions.electron, packaged: app.isPackaged, dataDir: paths.dataDir });

  let core: RunningCore;
  try {
    core = await startCore({
      dataDir: paths.dataDir,
      rendererDir: paths.rendererDir,
      participantDir: paths.participantDir,
      resourcesDir: paths.resourcesDir,
      nativeBinding: paths.nativeBinding,
      hubLauncher: utilityHubLauncher(),
      logger,
    });
  } catch (err) {
    logger.error('startup failed', { err: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorText(err, logger.file));
    app.exit(1);
    return;
  }
  wire(core, paths.dataDir, paths.preload);
}

function wire(core: RunningCore, dataDir: string, preload: string): void {
  const log = core.logger;
  const origin = new URL(core.urls.control).origin;
  installSecurity(origin, log, { showOutput: () => projector.show() });

  let control: BrowserWindow | null = null;
  const output = new OutputWindow(core.urls.output, log);
  const menuOptions = { platform: process.platform, appName: app.getName(), devTools: !app.isPackaged };
  const refreshMenu = () => Menu.setApplicationMenu(buildMenu(actions, projector.describe(), menuOptions));
  const projector = new Projector(output, dataDir, log, refreshMenu);
  const showIdentify = () => identifyDisplays(projector.describe());

  const unregisterIpc = registerIpc(
    origin,
    {
      appVersion: () => app.getVersion(),
      displays: () => projector.describe(),
      identifyDisplays: showIdentify,
      setOutputDisplay: (id) => projector.choose(id),
    },
    log,
  );

  const quit = installQuitFlow({
    controlWindow: () => control,
    logger: log,
    shutdown: async () => {
      projector.stop();
      output.shutdown();
      unregisterIpc();
      await core.close();
    },
  });

  const actions: MenuActions = {
    copyOutputUrl: () => clipboard.writeText(core.urls.output),
    openLogsFolder: () => void shell.openPath(join(dataDir, 'logs')),
    openDataFolder: () => void shell.openPath(dataDir),
    quit: () => quit.request(),
    reloadControl: () => control?.webContents.reload(),
    reloadOutput: () => output.reload(),
    showOutput: () => projector.show(),
    toggleOutputFullScreen: () => output.toggleFullScreen(),
    chooseOutputDisplay: (id) => {
      try {
        projector.choose(id);
      } catch (err) {
        log.warn('output display choice failed', { err: String(err) });
      }
    },
    identifyDisplays: () => void showIdentify(),
  };

  const win = createControlWindow(core.urls.control, preload, log);
  control = win;
  win.on('close', (event) => {
    if (quit.quitting) return;
    event.preventDefault();
    quit.request();
  });
  win.on('closed', () => {
    if (control === win) control = null;
  });

  refreshMenu();
  projector.start();

  app.on('second-instance', () => {
    if (!control) return;
    if (control.isMinimized()) control.restore();
    control.focus();
  });
  process.on('SIGINT', () => quit.now('SIGINT'));
  process.on('SIGTERM', () => quit.now('SIGTERM'));
  // The system shuts down, restarts or logs off: closed cleanly, without the question.
  const sessionEnd = sessionEndHandlers(quit, log);
  powerMonitor.on('shutdown', (...args: unknown[]) => sessionEnd.systemShutdown(preventableEvent(args[0])));
  win.on('query-session-end', (event) => sessionEnd.windowsSessionEnd('query', event.reasons));
  win.on('session-end', (event) => sessionEnd.windowsSessionEnd('end', event.reasons));
  log.info('electron ready', { control: core.urls.control.replace(/token=.*/, 'token=…') });
}
