import type { Logger } from '../../node/log/logger';
import { decideRestore, decideTick } from './decide';
import type { RegieEngine } from './regie-engine';

export const TICK_INTERVAL_MS = 250;

/**
 * Drives the cue engine from the clock: once at start-up (auto cues whose time passed while the
 * régie was closed are flagged missed, never fired late), then four times a second. A tick that
 * decides nothing writes nothing. Ticks never pile up: one at a time.
 */
export function startCueScheduler(engine: RegieEngine, logger: Logger, intervalMs = TICK_INTERVAL_MS): { stop(): void } {
  let inFlight = false;
  const run = (actor: string, decision: typeof decideTick) => {
    // A standby following its primary decides nothing: the primary's cues reach it in its journal.
    if (engine.readOnly !== null) return;
    inFlight = true;
    void engine
      .submitSystem(actor, decision)
      .then((r) => {
        if (!r.ok && r.error.code !== 'rejected') logger.warn('cue tick failed', { error: r.error.message });
      })
      .finally(() => (inFlight = false));
  };
  run('régie:démarrage', decideRestore);
  const timer = setInterval(() => {
    if (!inFlight) run('régie:horloge', decideTick);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
