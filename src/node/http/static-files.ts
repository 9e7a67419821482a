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

/** The CSP of every view: our own scripts and sockets only; no inline script, no eval, no framing by others. */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/** Sends a file from `root` if `relPath` stays inside it; false when there is no such file. */
export function sendStatic(res: ServerResponse, root: string, relPath: string, cache: 'immutable' | 'no-cache'): boolean {
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
  securityHeaders(res);
  createReadStream(full).pipe(res);
  return true;
}
