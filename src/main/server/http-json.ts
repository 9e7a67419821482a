import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '../../node/http/static-files';

/**
 * What the core's JSON routes share (`/api/remote`, `/api/seats`, `/api/codes`, `/api/purge`): the
 * answer with the views' security headers and no caching, the caller's token, a body read up to a
 * limit.
 */

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  securityHeaders(res);
  res.end(JSON.stringify(body));
}

/** `Authorization: Bearer …`, else the address's `?token=` when `query` is given (a route that allows it). */
export function requestToken(req: IncomingMessage, query: URLSearchParams | null = null): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return bearer ?? query?.get('token') ?? null;
}

/** The request's body, or null when it is larger than `max` bytes (the rest is not read). */
export function readBodyUpTo(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
