import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isAllowedHost } from './access';
import { securityHeaders, sendStatic } from '../../node/http/static-files';
import type { DownloadResult } from '../export/export-route';

export interface HttpOptions {
  rendererDir: string;
  /** The other régie's views origins, let in the pages' connect-src (a page knows them from when it was served). */
  peerOrigins?: () => readonly string[];
  allowedHosts: ReadonlySet<string>;
  port: () => number;
  /** `/health`: the request tells who asks (its peer, its token). */
  health: (req: IncomingMessage) => Record<string, unknown>;
  /** Files a control seat may download (`/export/<name>?token=…`); null when there is no such file. */
  exportFile: (
    name: string,
    token: string | null,
  ) => { status: 200; body: string; contentType: string } | { status: 403 | 404; body: string };
  /** The Stream Deck / Companion remote control (`/api/remote/*`, any method: it answers 405 itself). */
  remote?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The « Sièges » dialog (`/api/seats…`, a régie seat; it answers 403/405 itself). */
  seats?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The « Codes personnels » dialog (`/api/codes/…`, a régie seat; it answers 403/404/405 itself). */
  codes?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The « Sièges » dialog's LAN switch (`/api/lan`, a régie seat; it answers 403/404/405 itself). */
  lan?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The desk's RGPD purge (`POST /api/purge`, a control seat; it answers 405 itself). */
  purge?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Exports built on request (`/export?scope=…&format=…`, `/export/image/…`): a control seat only. */
  download?: (path: string, params: URLSearchParams, token: string | null) => Promise<DownloadResult>;
}

/** The pages each view lives at; the built HTML of each is `<rendererDir>/<name>/index.html`. */
export const VIEW_PAGES = ['control', 'output', 'stage'] as const;

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  securityHeaders(res);
  res.end(text);
}

/** Serves the built views and a health check; everything live goes over socket.io. */
export function createHttpServer(opts: HttpOptions): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, opts.allowedHosts, opts.port())) {
      return sendText(res, 421, 'Hôte non autorisé pour Pupitre.');
    }
    // A page of the other régie that moved here (docs/standby.md § « Les vues ») calls the routes
    // from its own origin: allowed for that origin only; every route still asks for a seat's token.
    const origin = req.headers.origin;
    if (origin !== undefined && (opts.peerOrigins?.() ?? []).includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS' && req.url?.startsWith('/api/')) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.statusCode = 204;
        return res.end();
      }
    }
    if (opts.remote && req.url?.startsWith('/api/remote/')) return opts.remote(req, res);
    if (opts.seats && (req.url === '/api/seats' || req.url?.startsWith('/api/seats/') || req.url?.startsWith('/api/seats?')))
      return opts.seats(req, res);
    if (opts.codes && (req.url === '/api/codes' || req.url?.startsWith('/api/codes/'))) return opts.codes(req, res);
    if (opts.lan && (req.url === '/api/lan' || req.url?.startsWith('/api/lan?') || req.url?.startsWith('/api/lan/')))
      return opts.lan(req, res);
    if (opts.purge && (req.url === '/api/purge' || req.url?.startsWith('/api/purge?'))) return opts.purge(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Méthode non autorisée.');
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;

    if (path === '/health') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      securityHeaders(res);
      return res.end(JSON.stringify(opts.health(req)));
    }
    if (opts.download && (path === '/export' || path.startsWith('/export/image/'))) {
      const download = opts.download;
      void download(path, url.searchParams, url.searchParams.get('token')).then(
        (file) => {
          if (file.status !== 200) return sendText(res, file.status, file.body);
          res.statusCode = 200;
          res.setHeader('Content-Type', file.contentType);
          // The length lets the desk show a progress bar while the file arrives.
          res.setHeader('Content-Length', String(file.body.length));
          res.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
          res.setHeader('Cache-Control', 'no-store');
          securityHeaders(res);
          res.end(file.body);
        },
        () => sendText(res, 500, 'Export impossible (erreur interne).'),
      );
      return;
    }
    if (path.startsWith('/export/')) {
      const file = opts.exportFile(decodeURIComponent(path.slice('/export/'.length)), url.searchParams.get('token'));
      if (file.status !== 200) return sendText(res, file.status, file.body);
      res.statusCode = 200;
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${path.slice('/export/'.length).replace(/[^\w.-]/g, '_')}"`);
      res.setHeader('Cache-Control', 'no-store');
      securityHeaders(res);
      return res.end(file.body);
    }
    const page = VIEW_PAGES.find((p) => path === `/${p}` || path === `/${p}/`);
    if (page) {
      const file = join(opts.rendererDir, page, 'index.html');
      if (!existsSync(file)) {
        return sendText(res, 503, `Les vues de Pupitre ne sont pas construites (${file} manque) : lancez « npm run build ».`);
      }
      // A page may open a socket to the other régie when this one dies (docs/standby.md § « Les vues »).
      sendStatic(res, opts.rendererDir, join(page, 'index.html'), 'no-cache', opts.peerOrigins?.() ?? []);
      return;
    }
    if (path.startsWith('/assets/') && sendStatic(res, opts.rendererDir, path.slice(1), 'immutable')) return;
    if (path === '/')
      return sendText(res, 200, 'Pupitre. Ouvrez l’adresse de la régie ou de la sortie affichée au démarrage (elle contient son jeton).');
    return sendText(res, 404, 'Introuvable.');
  });
}
