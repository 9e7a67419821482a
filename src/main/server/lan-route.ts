import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBodyUpTo, requestToken, sendJson } from './http-json';
import type { LanSwitch } from './lan-switch';

/**
 * The « Sièges » dialog's switch « Ouvrir aux tablettes du réseau local », behind a régie seat's
 * token (`Authorization: Bearer …`):
 *   GET  /api/lan                   `{ ok, open, addresses, failed, connections, views, changedAt, changedBy }`
 *   POST /api/lan  `{ "open": bool }`  the same, after the change (live: no restart)
 * Refusals answer `{ ok: false, message }` in French.
 */

export const LAN_PATH = '/api/lan';

const bodySchema = z.strictObject({ open: z.boolean() });

export interface LanRouteDeps {
  lan: () => LanSwitch;
  /** The seat a token opens, or null; only a régie seat may switch. */
  seatOf: (token: string | null) => { name: string; kind: string } | null;
}

export function lanRoute(deps: LanRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const seat = deps.seatOf(requestToken(req));
      if (!seat || seat.kind !== 'regie') {
        req.resume();
        return sendJson(res, 403, { ok: false, message: 'Jeton de régie requis pour ouvrir la régie au réseau local.' });
      }
      if (url.pathname !== LAN_PATH) {
        req.resume();
        return sendJson(res, 404, { ok: false, message: 'Adresse inconnue.' });
      }
      if (req.method === 'GET') {
        req.resume();
        return sendJson(res, 200, { ok: true, ...(await deps.lan().state()) });
      }
      if (req.method !== 'POST') {
        req.resume();
        return sendJson(res, 405, { ok: false, message: 'Méthode non autorisée : GET ou POST attendu.' });
      }
      const body = await readBodyUpTo(req, 1024);
      if (body === null) return sendJson(res, 413, { ok: false, message: 'Requête trop grande.' });
      let raw: unknown;
      try {
        raw = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, message: 'Requête illisible : { "open": true } ou { "open": false } attendu.' });
      }
      const parsed = bodySchema.safeParse(raw);
      if (!parsed.success) return sendJson(res, 400, { ok: false, message: 'Requête illisible : { "open": true } ou { "open": false } attendu.' });
      return sendJson(res, 200, { ok: true, ...(await deps.lan().set(parsed.data.open, seat.name)) });
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, message: 'Le réseau local n’a pas pu être changé (erreur interne) : voir le journal d’exploitation.' });
    });
  };
}
