import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { securityHeaders, sendStatic } from '../main/server/static-files';
import { type HostPolicy, isHubHost } from './host-guard';

export interface HubHttpOptions {
  /** Folder of the built participant page; absent: `/` answers 404 with a sentence. */
  participantDir: string | undefined;
  policy: HostPolicy;
  health: () => Record<string, unknown>;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  securityHeaders(res);
  res.end(text);
}

/**
 * The hub's HTTP side: the participant page (a static folder) at `/`, and `/health`. Everything
 * live goes over socket.io (which takes `/socket.io/` before this handler sees it).
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
      return res.end(JSON.stringify(opts.health()));
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
