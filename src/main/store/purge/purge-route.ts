import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isPurgeConfirmation, PURGE_CONFIRMATION } from '../../../shared/domain/purge-readiness';
import { securityHeaders } from '../../../node/http/static-files';
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

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  securityHeaders(res);
  res.end(JSON.stringify(body));
}

function tokenOf(req: IncomingMessage): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return bearer ?? new URL(req.url ?? '/', 'http://local').searchParams.get('token');
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function purgeRoute(deps: PurgeRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return reply(res, 405, { ok: false, message: 'Méthode non autorisée : POST attendu.' });
      if (!deps.isControl(tokenOf(req))) return reply(res, 403, { ok: false, message: 'Jeton de régie requis pour purger les données.' });
      const text = await readBody(req);
      if (text === null) return reply(res, 400, { ok: false, message: 'Demande trop grande.' });
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return reply(res, 400, { ok: false, message: 'Demande illisible : JSON attendu.' });
      }
      const parsed = purgeRequestSchema.safeParse(raw);
      if (!parsed.success || !isPurgeConfirmation(parsed.data.confirm))
        return reply(res, 400, { ok: false, message: `Confirmation manquante : tapez « ${PURGE_CONFIRMATION} ».` });
      const outcome = await deps.purge();
      if (outcome.ok) return reply(res, 200, outcome);
      return reply(res, outcome.code === 'failed' ? 500 : 409, { ok: false, message: outcome.message });
    })().catch((err: unknown) =>
      reply(res, 500, { ok: false, message: `Purge impossible (erreur interne) : ${err instanceof Error ? err.message : String(err)}` }),
    );
  };
}
