import type { CommandResult } from '../../shared/api/results';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import { normalisePersonalCode, hashPersonalCode } from '../../node/presence/presence-key';
import type { Db } from '../../node/sqlite/database';
import type { RegieEngine } from '../engine/regie-engine';
import type { RegieEvent } from '../engine/events';
import type { Settings } from '../store/settings';
import { codesSalt, hashCodes, hashPrefix, listDigest, replaceListCommands } from './code-hashes';
import { type CodesFileReport, parseCodesFileSliced } from './personal-codes-csv';

/**
 * The régie's side of the personal codes (docs/rooms.md § 4): import a list, free a code, clear
 * the list. Each is a decision of the core journaled with counts only (`codes.imported`,
 * `code.released` with a hash's first 8 characters, `codes.cleared`); the hashes go to the hub
 * through the outbox, written in the same transaction as the event (`commandsFor`, called from the
 * engine's onEvent). The codes in clear live only in the request that brought them.
 */

export type CodesOutcome<T> = ({ ok: true } & T) | { ok: false; status: 400 | 404 | 409 | 503; message: string };

export interface CodesDeskDeps {
  engine: () => RegieEngine;
  settings: () => Settings;
  db: () => Db;
}

/** What the outbox must carry for the event now being applied (set by the decision, taken by onEvent). */
type Armed = { kind: 'import'; commands: RegieCommand[] } | { kind: 'release'; hash: string } | null;

const failed = (result: CommandResult): { ok: false; status: 409 | 503; message: string } => ({
  ok: false,
  status: result.ok ? 409 : result.error.code === 'unavailable' ? 503 : 409,
  message: result.ok ? 'refusé' : result.error.message,
});

export class CodesDesk {
  /**
   * Filled by a decision and emptied by the onEvent of its event, both inside one synchronous
   * commit: nothing can run between them, so the event always finds its own hashes.
   */
  private armed: Armed = null;

  constructor(private readonly deps: CodesDeskDeps) {}

  /** Reads a file without changing anything: what an import would do. */
  async check(bytes: Uint8Array): Promise<CodesOutcome<{ report: CodesFileReport }>> {
    const parsed = await parseCodesFileSliced(bytes);
    return parsed.ok ? { ok: true, report: parsed.report } : { ok: false, status: 400, message: parsed.message };
  }

  /** Replaces the list with the file's codes (hashed here, slice by slice). */
  async importFile(bytes: Uint8Array, actor: string): Promise<CodesOutcome<{ report: CodesFileReport; count: number }>> {
    const parsed = await parseCodesFileSliced(bytes);
    if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
    const salt = codesSalt(this.deps.settings());
    const hashes = await hashCodes(salt, parsed.codes);
    const commands = replaceListCommands(salt, hashes);
    const event: RegieEvent = { type: 'codes.imported', count: hashes.length, duplicates: parsed.report.duplicates, digest: listDigest(hashes) };
    const result = await this.deps.engine().submitSystem(actor, () => {
      this.armed = { kind: 'import', commands };
      return [event];
    });
    this.armed = null;
    if (!result.ok) return failed(result);
    return { ok: true, report: parsed.report, count: hashes.length };
  }

  /** Frees a code for another phone (the accueil: « elle a changé de téléphone »). */
  async release(code: string, actor: string): Promise<CodesOutcome<{ hashPrefix: string }>> {
    const normalised = normalisePersonalCode(code);
    if (normalised.length < 4 || normalised.length > 32) {
      return { ok: false, status: 400, message: 'Code personnel mal formé : de 4 à 32 lettres ou chiffres.' };
    }
    if (this.deps.engine().state.personalCodes.count === 0) {
      return { ok: false, status: 409, message: 'Aucune liste de codes n’est importée : il n’y a rien à libérer.' };
    }
    const hash = hashPersonalCode(codesSalt(this.deps.settings()), normalised);
    if (!this.inList(hash)) {
      return { ok: false, status: 404, message: 'Code inconnu : il n’est pas dans la liste importée. Vérifiez-le (les tirets et les espaces ne comptent pas).' };
    }
    const result = await this.deps.engine().submitSystem(actor, () => {
      this.armed = { kind: 'release', hash };
      return [{ type: 'code.released', hashPrefix: hashPrefix(hash) }];
    });
    this.armed = null;
    if (!result.ok) return failed(result);
    return { ok: true, hashPrefix: hashPrefix(hash) };
  }

  /** Forgets the list (and which phone held each code): the codes no longer identify anyone. */
  async clear(actor: string): Promise<CodesOutcome<object>> {
    const result = await this.deps.engine().submitSystem(actor, () => [{ type: 'codes.cleared' }]);
    return result.ok ? { ok: true } : failed(result);
  }

  /** The hub's commands for one of these events, in its transaction (the core's onEvent). */
  commandsFor(event: RegieEvent): RegieCommand[] {
    const armed = this.armed;
    switch (event.type) {
      case 'codes.imported':
        this.armed = null;
        return armed?.kind === 'import' ? armed.commands : [];
      case 'code.released':
        this.armed = null;
        return armed?.kind === 'release' ? [{ type: 'code.release', hash: armed.hash }] : [];
      case 'codes.cleared':
        return [{ type: 'codes.clear' }];
      default:
        return [];
    }
  }

  /** Whether a hash is in the list in force: the outbox's `codes.add` since its last `codes.clear`. */
  private inList(hash: string): boolean {
    const found = this.deps
      .db()
      .prepare(
        `SELECT 1 FROM outbox
          WHERE seq > (SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE json_extract(command, '$.type') = 'codes.clear')
            AND json_extract(command, '$.type') = 'codes.add' AND instr(command, ?) > 0
          LIMIT 1`,
      )
      .get(hash);
    return found !== undefined;
  }
}
