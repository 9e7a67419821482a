import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { securityHeaders, sendStatic } from '../node/http/static-files';
import type { BrandingDocument, ParticipantBranding } from '../shared/protocol/branding';
import { type HostPolicy, isHubHost } from './host-guard';

export interface HubHttpOptions {
  /** Folder of the built participant page; absent: `/` answers 404 with a sentence. */
  participantDir: string | undefined;
  policy: HostPolicy;
  /** The answer of /health, given the request's Authorization header (the figures need the régie's token). */
  health: (authorization: string | undefined) => Record<string, unknown>;
  /** The event's look for the join screen (`branding.json`); absent: null. */
  branding?: () => ParticipantBranding | null;
  /** The current logo when the path (without its slash) is its address (branding.ts). */
  logo?: (path: string) => { mime: string; bytes: Buffer } | null;
}

/** The logo is an image and nothing else: no script runs in it even opened on its own (an SVG). */
const LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  securityHeaders(res);
  res.end(text);
}

/**
 * The hub's HTTP side: the participant page (a static folder) at `/`, `/health`, the event's look
 * (`/branding.json`) and its logo under the one name it has (`/branding/logo-<hash>.<ext>`, from
 * memory: no file is read for it). Everything live goes over socket.io (which takes
 * `/socket.io/` before this handler sees it).
 */
export function createHubHttpServer(opts: HubHttpOptions): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!isHubHost(req.headers.host, opts.policy)) return sendText(res, 421, 'Adresse non autorisée pour ce service.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Méthode non autorisée.');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
    } catch {
      return sendText(res, 400, 'Adresse illisible.');
    }

    if (path === '/health') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      securityHeaders(res);
      return res.end(JSON.stringify(opts.health(req.headers.authorization)));
    }
    if (path === '/branding.json') {
      const body: BrandingDocument = { branding: opts.branding?.() ?? null };
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      securityHeaders(res);
      return res.end(JSON.stringify(body));
    }
    if (path.startsWith('/branding/')) {
      const logo = opts.logo?.(path.slice(1));
      if (!logo) return sendText(res, 404, 'Image introuvable.');
      res.statusCode = 200;
      res.setHeader('Content-Type', logo.mime);
      res.setHeader('Content-Length', logo.bytes.length);
      // Its name is its hash: a new logo has a new name.
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      securityHeaders(res);
      res.setHeader('Content-Security-Policy', LOGO_POLICY);
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      return res.end(req.method === 'HEAD' ? undefined : logo.bytes);
    }
    const dir = opts.participantDir;
    const page = dir ? join(dir, 'index.html') : null;
    if (path === '/' || path === '/index.html') {
      if (!dir || !page || !existsSync(page)) {
        return sendText(res, 404, 'La page des participants n’est pas installée sur ce serveur. Demandez l’adresse à l’équipe technique.');
      }
      sendStatic(res, dir, 'index.html', 'no-cache');
      return;
    }
    if (dir && path.length > 1 && sendStatic(res, dir, path.slice(1), path.startsWith('/assets/') ? 'immutable' : 'no-cache')) return;
    return sendText(res, 404, 'Page introuvable.');
  });
}
