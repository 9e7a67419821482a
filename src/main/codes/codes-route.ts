import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBodyUpTo, requestToken, sendJson } from '../server/http-json';
import type { CodesDesk, CodesOutcome } from './codes-desk';
import { MAX_CODES_FILE_BYTES } from './personal-codes-csv';

/**
 * The desk's « Codes personnels » dialog, behind a régie seat's token (`Authorization: Bearer …`):
 *   POST /api/codes/check     the file's bytes: what an import would do, nothing changed
 *   POST /api/codes/import    the file's bytes: the list replaced by the file's codes
 *   POST /api/codes/release   `{ "code": "AB12-CD34" }`: the code freed for another phone
 *   POST /api/codes/clear     the list forgotten
 * An HTTP route rather than a command: the codes in clear must never enter the journal, a
 * snapshot or another view's patches; they are hashed here and forgotten with the request.
 * Answers JSON, `{ ok: false, message }` in French on a refusal.
 */

export const CODES_PREFIX = '/api/codes';

export interface CodesRouteDeps {
  desk: () => CodesDesk;
  /** The seat a token opens, or null; only a régie seat may act on the codes. */
  seatOf: (token: string | null) => { name: string; kind: string } | null;
}

const releaseSchema = z.strictObject({ code: z.string().max(200) });
const MAX_JSON_BODY = 1024;

function answer<T>(res: ServerResponse, outcome: CodesOutcome<T>): void {
  if (outcome.ok) return sendJson(res, 200, outcome);
  return sendJson(res, outcome.status, { ok: false, message: outcome.message });
}

export function codesRoute(deps: CodesRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const action = url.pathname.slice(CODES_PREFIX.length).replace(/^\/|\/$/g, '');
      const seat = deps.seatOf(requestToken(req));
      if (!seat || seat.kind !== 'regie') {
        req.resume();
        return sendJson(res, 403, { ok: false, message: 'Jeton de régie requis pour gérer les codes personnels.' });
      }
      if (!['check', 'import', 'release', 'clear'].includes(action)) {
        req.resume();
        return sendJson(res, 404, { ok: false, message: 'Adresse inconnue.' });
      }
      if (req.method !== 'POST') {
        req.resume();
        return sendJson(res, 405, { ok: false, message: 'Méthode non autorisée : POST attendu.' });
      }
      const desk = deps.desk();
      if (action === 'check' || action === 'import') {
        const bytes = await readBodyUpTo(req, MAX_CODES_FILE_BYTES);
        if (bytes === null) {
          return sendJson(res, 413, { ok: false, message: `Fichier trop grand (${MAX_CODES_FILE_BYTES / 1024 / 1024} Mio au plus) : ne gardez que la colonne des codes.` });
        }
        const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return answer(res, action === 'check' ? await desk.check(view) : await desk.importFile(view, seat.name));
      }
      const body = await readBodyUpTo(req, MAX_JSON_BODY);
      if (action === 'clear') return answer(res, await desk.clear(seat.name));
      let raw: unknown;
      try {
        raw = JSON.parse(body?.toString('utf8') ?? '');
      } catch {
        return sendJson(res, 400, { ok: false, message: 'Demande illisible : JSON attendu.' });
      }
      const parsed = releaseSchema.safeParse(raw);
      if (!parsed.success) return sendJson(res, 400, { ok: false, message: 'Demande illisible : { "code": "…" } attendu.' });
      return answer(res, await desk.release(parsed.data.code, seat.name));
    })().catch((err: unknown) =>
      sendJson(res, 500, { ok: false, message: `Codes personnels : erreur interne (${err instanceof Error ? err.message : String(err)}).` }),
    );
  };
}
