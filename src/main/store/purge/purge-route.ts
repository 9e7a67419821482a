import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isPurgeConfirmation, PURGE_CONFIRMATION } from '../../../shared/domain/purge-readiness';
import { readBodyUpTo, requestToken, sendJson } from '../../server/http-json';
import type { LivePurgeOutcome } from './live-purge';

/**
 * `POST /api/purge` (control token, `Authorization: Bearer …` or `?token=`), body
 * `{ "confirm": "EFFACER" }`: the desk's RGPD purge. Answers JSON: `{ ok: true, report }`, or
 * `{ ok: false, message }` in French with 400 (bad request), 403 (not the régie), 409 (refused:
 * the show is on, a purge runs) or 500.
 */

export const purgeRequestSchema = z.strictObject({ confirm: z.string().max(40) });

export interface PurgeRouteDeps {
  isControl(token: string | null): boolean;
  purge(): Promise<LivePurgeOutcome>;
}

const MAX_BODY = 1024;


export function purgeRoute(deps: PurgeRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, message: 'Méthode non autorisée : POST attendu.' });
      if (!deps.isControl(requestToken(req, new URL(req.url ?? '/', 'http://local').searchParams))) return sendJson(res, 403, { ok: false, message: 'Jeton de régie requis pour purger les données.' });
      const text = (await readBodyUpTo(req, MAX_BODY))?.toString('utf8') ?? null;
      if (text === null) return sendJson(res, 400, { ok: false, message: 'Demande trop grande.' });
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return sendJson(res, 400, { ok: false, message: 'Demande illisible : JSON attendu.' });
      }
      const parsed = purgeRequestSchema.safeParse(raw);
      if (!parsed.success || !isPurgeConfirmation(parsed.data.confirm))
        return sendJson(res, 400, { ok: false, message: `Confirmation manquante : tapez « ${PURGE_CONFIRMATION} ».` });
      const outcome = await deps.purge();
      if (outcome.ok) return sendJson(res, 200, outcome);
      return sendJson(res, outcome.code === 'failed' ? 500 : 409, { ok: false, message: outcome.message });
    })().catch((err: unknown) =>
      sendJson(res, 500, { ok: false, message: `Purge impossible (erreur interne) : ${err instanceof Error ? err.message : String(err)}` }),
    );
  };
}
