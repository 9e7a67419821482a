/**
 * Quitting during a show must be deliberate: closing the control window, Ctrl+Q or the menu ask
 * first (the projector goes dark). Then the core is closed properly (journal flushed, SQLite
 * closed) before the process exits. A signal (Ctrl+C in the terminal) quits without asking.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import type { Logger } from '../../node/log/logger';

type Phase = 'running' | 'asking' | 'closing' | 'done';

export interface QuitFlow {
  /** Asks, then quits (menu, Ctrl+Q, closing the control window). */
  request(): void;
  /** Quits without asking (signals). */
  now(reason: string): void;
  /** The control window may close (the app is quitting). */
  readonly quitting: boolean;
}

export async function confirmQuit(parent: BrowserWindow | null): Promise<boolean> {
  const options = {
    type: 'question' as const,
    title: 'Pupitre',
    message: 'Quitter Pupitre\u00a0?',
    detail: 'La sortie projecteur sera fermée.',
    buttons: ['Quitter', 'Annuler'],
    // Enter must not quit in the middle of a session by accident.
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } =
    parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0;
}

export function installQuitFlow(opts: {
  controlWindow: () => BrowserWindow | null;
  shutdown: () => Promise<void>;
  logger: Logger;
}): QuitFlow {
  let phase: Phase = 'running';

  const finish = async (reason: string) => {
    phase = 'closing';
    opts.logger.info('quitting', { reason });
    try {
      // A core that does not close in 10 s must not keep a zombie window on the projector.
      await Promise.race([opts.shutdown(), new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref())]);
    } catch (err) {
      opts.logger.error('shutdown failed', { err: String(err) });
    }
    phase = 'done';
    app.quit();
  };

  const flow: QuitFlow = {
    request() {
      if (phase !== 'running') return;
      phase = 'asking';
      confirmQuit(opts.controlWindow())
        .then((yes) => {
          if (yes) return finish('operator');
          phase = 'running';
          return undefined;
        })
        .catch((err: unknown) => {
          opts.logger.error('quit dialog failed', { err: String(err) });
          phase = 'running';
        });
    },
    now(reason: string) {
      if (phase === 'closing' || phase === 'done') return;
      void finish(reason);
    },
    get quitting() {
      return phase === 'done';
    },
  };

  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    flow.request();
  });
  return flow;
}
