import type { Server } from 'node:http';
import type { Logger } from '../../node/log/logger';

/**
 * Runs one step of a shutdown for at most `ms`: past that, the step is named in the log and the
 * shutdown goes on without it. A failing step is logged the same way; neither stops the rest.
 */
export async function boundedStep(name: string, work: () => Promise<void> | void, ms: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(work).then(() => 'done' as const), deadline]);
    if (outcome === 'late') logger.warn('shutdown step did not finish in time, going on', { step: name, ms });
  } catch (err) {
    logger.warn('shutdown step failed, going on', { step: name, error: String(err) });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes an HTTP server: no new connection, idle ones closed at once, and those still busy (a
 * download, a request a page left open) cut after `graceMs`, so a page left open never holds the
 * core up.
 */
export function closeHttp(server: Server, graceMs = 1_500): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!server.listening) {
      server.closeAllConnections();
      resolve();
      return;
    }
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    cut.unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
