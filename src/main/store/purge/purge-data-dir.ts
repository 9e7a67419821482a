import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkHubDb, HUB_DB_FILE, type HubPurgeCounts, purgeHubTables } from '../../../hub';
import { rebuildState } from '../../engine/regie-engine';
import type { Db } from '../../../node/sqlite/database';
import { Journal } from '../journal';
import { Snapshots } from '../snapshots';
import { compactIntoPurgedCopy, type CompactResult, PurgeError } from '../../../node/sqlite/compact-file';
import type { ErasedValues, PurgeContext } from '../../../node/purge/purge-context';
import { createPurgeContext } from './purge-context';
import { checkRegieDb, learnFromJournal, purgeRegieTables, REGIE_DB_FILE, type RegiePurgeCounts } from './purge-regie-db';
import { type LogScrub, scrubLogs } from './scrub-logs';

/**
 * The RGPD purge of a data folder, after the event: the régie's database (pupitre.sqlite3), the
 * hub's (hub.sqlite3: the embedded hub's sits beside the régie's; a remote hub's folder holds only
 * it) and the logs. One pseudonymisation key for all three, made here and thrown away at the end.
 * Nothing may have the databases open: the purge locks them (a running Pupitre is refused).
 */

export interface PurgeOptions {
  now?: number;
  nativeBinding?: string | undefined;
}

export interface FilePurge<C> extends CompactResult {
  file: string;
  counts: C;
}

export interface PurgeReport {
  regie: FilePurge<RegiePurgeCounts> | null;
  hub: FilePurge<HubPurgeCounts> | null;
  logs: LogScrub;
  /** Distinct participants pseudonymised. */
  participants: number;
  ms: number;
}

const ID_TOKEN = /[A-Za-z0-9_-]{16,64}/g;

/**
 * The last check before a purged copy replaces the original: not one participant id erased by
 * this purge is left in its bytes (the ids are random tokens: a match is never a coincidence).
 */
export function assertNoIds(file: string, erased: ErasedValues, what: string): void {
  if (erased.participants.size === 0) return;
  const text = readFileSync(file).toString('latin1');
  for (const m of text.matchAll(ID_TOKEN)) {
    if (erased.participants.has(m[0]))
      throw new PurgeError(`un identifiant de participant subsiste dans la copie purgée de ${what} : rien n’a été remplacé.`);
  }
}

export function purgeDataDir(dir: string, options: PurgeOptions = {}): PurgeReport {
  const started = performance.now();
  const now = options.now ?? Date.now();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PurgeError(`Dossier introuvable : ${dir}`, 2);
  const regieFile = join(dir, REGIE_DB_FILE);
  const hubFile = join(dir, HUB_DB_FILE);
  const hasRegie = existsSync(regieFile);
  const hasHub = existsSync(hubFile);
  if (!hasRegie && !hasHub) throw new PurgeError(`Ni ${REGIE_DB_FILE} ni ${HUB_DB_FILE} dans ${dir} : rien à purger.`, 2);

  let ctx: PurgeContext | null = null;
  try {
    let regie: FilePurge<RegiePurgeCounts> | null = null;
    if (hasRegie) {
      let counts: RegiePurgeCounts | null = null;
      const r = compactIntoPurgedCopy(regieFile, {
        what: 'la base de la régie',
        nativeBinding: options.nativeBinding,
        check: (db) => checkRegieDb(db, regieFile),
        rewrite: (db) => {
          // The first pass learns what the rewrite needs (the organisers' names, the released words).
          const learnt = learnFromJournal(db);
          ctx = createPurgeContext(learnt.knowledge);
          counts = purgeRegieTables(db, ctx, learnt.facts, now);
        },
        verify: (db: Db, file) => {
          // The core will start on it: it must replay, and hold no erased id.
          rebuildState(new Journal(db), new Snapshots(db));
          if (ctx) assertNoIds(file, ctx.erased, 'la base de la régie');
        },
      });
      if (counts === null) throw new PurgeError('la purge de la base de la régie n’a rien réécrit.');
      regie = { file: regieFile, counts, ...r };
    }
    const shared: PurgeContext = ctx ?? createPurgeContext();
    ctx = shared;

    let hub: FilePurge<HubPurgeCounts> | null = null;
    if (hasHub) {
      let counts: HubPurgeCounts | null = null;
      const r = compactIntoPurgedCopy(hubFile, {
        what: 'la base du hub',
        nativeBinding: options.nativeBinding,
        check: (db) => checkHubDb(db, hubFile),
        rewrite: (db) => {
          counts = purgeHubTables(db, shared);
        },
        verify: (_db, file) => assertNoIds(file, shared.erased, 'la base du hub'),
      });
      if (counts === null) throw new PurgeError('la purge de la base du hub n’a rien réécrit.');
      hub = { file: hubFile, counts, ...r };
    }

    const logs = scrubLogs(join(dir, 'logs'), shared.erased);
    return { regie, hub, logs, participants: shared.erased.participants.size, ms: Math.round(performance.now() - started) };
  } finally {
    (ctx as PurgeContext | null)?.dispose();
  }
}
