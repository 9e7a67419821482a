import type { RegieState } from '../../../shared/api/state';
import { purgeBlockerFr, purgeBlockers } from '../../../shared/domain/purge-readiness';
import type { Logger } from '../../../node/log/logger';
import { PurgeError } from '../../../node/sqlite/compact-file';
import { purgeDataDir, type PurgeReport } from './purge-data-dir';

/**
 * The RGPD purge from the desk, in the running core: the same compaction as `npm run purge`, on
 * the same files. The core lets go of them for the time it takes — the audience side (hub link,
 * embedded hub) stops, the engine commits what is queued and closes the database — then opens the
 * purged database, replays it and starts the audience side again. The views stay connected and
 * receive the purged state; the phones reconnect to the hub on their own.
 */

export interface LivePurgeHooks {
  dataDir: string;
  nativeBinding?: string | undefined;
  logger: Logger;
  state(): RegieState;
  /** Stops the hub link, and the embedded hub (its database is purged too). */
  stopAudience(): Promise<void>;
  /** Commits the engine's queue and closes the régie's database. */
  closeDatabase(): void;
  /** Opens the database again (purged or, after a failure, as it was) and rebuilds the engine's state. */
  reopenDatabase(): void;
  startAudience(): Promise<void>;
}

export type LivePurgeOutcome = { ok: true; report: PurgeReport } | { ok: false; code: 'refused' | 'busy' | 'failed'; message: string };

export function livePurge(hooks: LivePurgeHooks): () => Promise<LivePurgeOutcome> {
  let running = false;
  return async () => {
    const blockers = purgeBlockers(hooks.state());
    if (blockers.length > 0) return { ok: false, code: 'refused', message: `Purge refusée : ${blockers.map(purgeBlockerFr).join(' ; ')}.` };
    if (running) return { ok: false, code: 'busy', message: 'Une purge est déjà en cours.' };
    running = true;
    hooks.logger.info('purge starting');
    try {
      await hooks.stopAudience();
      // From here to the reopening, nothing runs on the event loop: no command can slip in between.
      hooks.closeDatabase();
      let outcome: LivePurgeOutcome;
      try {
        outcome = { ok: true, report: purgeDataDir(hooks.dataDir, { nativeBinding: hooks.nativeBinding }) };
      } catch (err) {
        const message = err instanceof PurgeError ? err.message : `erreur inattendue : ${err instanceof Error ? err.message : String(err)}`;
        hooks.logger.error('purge failed', { err: message });
        outcome = { ok: false, code: 'failed', message: `Purge impossible : ${message}` };
      } finally {
        hooks.reopenDatabase();
      }
      if (outcome.ok) {
        const { report } = outcome;
        hooks.logger.info('purge done', {
          ms: report.ms,
          participants: report.participants,
          regieBytes: report.regie ? [report.regie.bytesBefore, report.regie.bytesAfter] : null,
          hubBytes: report.hub ? [report.hub.bytesBefore, report.hub.bytesAfter] : null,
        });
      }
      return outcome;
    } finally {
      try {
        await hooks.startAudience();
      } finally {
        running = false;
      }
    }
  };
}
