import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * The CSP of every view: our own scripts and sockets only; no inline script, no eval, no framing by
 * others. `peers`: the other régie's origins (docs/standby.md § « Les vues »), whose sockets a view
 * may open when this régie dies; each must be a bare origin (http://HOST:PORT), anything else is left out.
 */
export function contentSecurityPolicy(peers: readonly string[] = []): string {
  const connect = peers
    .filter((o) => /^http:\/\/[\w.-]+(:\d{1,5})?$|^http:\/\/\[[\da-f:.]+\](:\d{1,5})?$/i.test(o))
    .flatMap((o) => [o, o.replace(/^http:/, 'ws:')]);
  return POLICY.map((d) => (d === "connect-src 'self'" ? [d, ...connect].join(' ') : d)).join('; ');
}

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function securityHeaders(res: ServerResponse, peers: readonly string[] = []): void {
  res.setHeader('Content-Security-Policy', peers.length === 0 ? CONTENT_SECURITY_POLICY : contentSecurityPolicy(peers));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/** Sends a file from `root` if `relPath` stays inside it; false when there is no such file. */
export function sendStatic(
  res: ServerResponse,
  root: string,
  relPath: string,
  cache: 'immutable' | 'no-cache',
  peers: readonly string[] = [],
): boolean {
  const full = normalize(join(root, relPath));
  if (!full.startsWith(normalize(root) + sep)) return false;
  let size: number;
  try {
    const st = statSync(full);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[extname(full)] ?? 'application/octet-stream');
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache');
  securityHeaders(res, peers);
  createReadStream(full).pipe(res);
  return true;
}
