import { type HubStartOptions, startHub } from '../../hub';
import type { Logger } from '../../node/log/logger';
import type { EmbeddedHub, HubProcessState } from './embedded-hub';

/**
 * The hub inside the core's own process, as before issue 19: its joins and votes share the core's
 * event loop with TAKE, GO and panic. Kept only as an explicit option (`--hub-in-process`) for the
 * comparison in bench/take; nothing restarts it, and a crash of the hub is a crash of the core.
 */
export async function startHubInProcess(start: HubStartOptions, logger: Logger): Promise<EmbeddedHub> {
  const { participantDir, nativeBinding, publicHosts, trustProxy, limits, ...rest } = start;
  const hub = await startHub({
    ...rest,
    ...(participantDir ? { participantDir } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(publicHosts ? { publicHosts } : {}),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(limits ? { limits } : {}),
    logger,
  });
  let running = true;
  const state = (): HubProcessState => ({
    running,
    pid: running ? process.pid : null,
    port: hub.port,
    inProcess: true,
    restarts: 0,
    exits: 0,
    lastExit: null,
    recentExits: 0,
    stormWindowMs: 0,
    storm: false,
    nextRestartAt: null,
    lastRestartAt: null,
  });
  return {
    port: hub.port,
    hubId: hub.hubId,
    urls: hub.urls,
    inProcess: true,
    get pid() {
      return running ? process.pid : null;
    },
    state,
    async close() {
      running = false;
      await hub.close();
    },
  };
}
