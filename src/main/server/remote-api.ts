import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/api/results';
import type { RegieEngine } from '../engine/regie-engine';
import type { Logger } from '../../node/log/logger';
import type { SeatStore } from '../store/seat-store';
import { RateLimiter } from './rate-limit';
import { REMOTE_ACTIONS, remoteActor, remoteState, runRemoteCommands } from './remote-actions';
import { remoteStatus } from './remote-status';
import { sendJson } from './http-json';

/**
 * The remote control for a Stream Deck driven by Bitfocus Companion (docs/remote-control.md):
 * `/api/remote/<action>` over HTTP, with a seat's token (`Authorization: Bearer …` or `?token=…`
 * for Companion's plain GET buttons): a régie seat, or a room seat for its own room. Each action is
 * an ordinary command submitted to the engine: the same validation, the same authorisation, the
 * same journal (actor: the seat's name, « (télécommande HTTP) »), the same refusals.
 */

export const REMOTE_PREFIX = '/api/remote/';

type Method = 'GET' | 'POST';

const STATUS_FOR: Record<ErrorCode, number> = {
  malformed: 400,
  unknown_command: 400,
  invalid: 400,
  too_large: 413,
  forbidden: 403,
  rejected: 409,
  busy: 429,
  unavailable: 503,
};

function bearer(req: IncomingMessage, query: URLSearchParams): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1] ?? null;
  }
  return query.get('token');
}

export interface RemoteApiOptions {
  engine: RegieEngine;
  seats: SeatStore;
  logger: Logger;
  /** Requests a second per client address, after a burst (default 20/s, burst 40). */
  limiter?: RateLimiter;
  /** « Prendre la main » on a standby (docs/standby.md): absent, the action is unknown. */
  takeOver?: (actor: string) => Promise<TakeOverResult>;
}

export type TakeOverResult = { ok: true; epoch: number } | { ok: false; message: string };

/** The takeover's action and the word its request must carry: a stray GET or a mistyped address never promotes a standby. */
export const TAKE_OVER_ACTION = 'take-over';
export const TAKE_OVER_CONFIRM = 'prendre-la-main';

/** Returns the handler of `/api/remote/*` requests (the HTTP server checked the Host header already). */
export function createRemoteApi(opts: RemoteApiOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const limiter = opts.limiter ?? new RateLimiter(20, 40);

  return (req, res) => {
    // The body, if any, carries nothing: every parameter is in the query.
    req.resume();
    const url = new URL(req.url ?? '/', 'http://local');
    const action = url.pathname.slice(REMOTE_PREFIX.length).replace(/\/$/, '');
    if (!limiter.take(req.socket.remoteAddress ?? 'unknown')) {
      return sendJson(res, 429, { ok: false, error: 'trop de requêtes : réessayez dans une seconde' }, { 'Retry-After': '1' });
    }
    const seat = opts.seats.byToken(bearer(req, url.searchParams));
    // An output or a stage sends nothing: its token is no remote's.
    if (!seat || (seat.kind !== 'regie' && seat.kind !== 'room')) {
      opts.logger.warn('remote control refused: bad token', { address: req.socket.remoteAddress, action: action.slice(0, 40) });
      return sendJson(
        res,
        401,
        { ok: false, error: 'jeton de régie manquant ou invalide' },
        { 'WWW-Authenticate': 'Bearer realm="pupitre"' },
      );
    }
    const method = req.method as Method;
    if (action === TAKE_OVER_ACTION && opts.takeOver) return takeOver(opts.takeOver, req, res, url.searchParams, seat, opts.logger);
    const allowed: Method[] = action === 'status' ? ['GET'] : ['GET', 'POST'];
    const plan = REMOTE_ACTIONS[action];
    if (action !== 'status' && !plan) return sendJson(res, 404, { ok: false, error: `action inconnue : ${action.slice(0, 60)}` });
    if (!allowed.includes(method)) {
      return sendJson(
        res,
        405,
        { ok: false, error: `méthode ${String(req.method)} non autorisée (${allowed.join(', ')})` },
        { Allow: allowed.join(', ') },
      );
    }
    const status = () => remoteStatus(remoteState(opts.engine.state, seat), opts.engine.seq);
    if (!plan) return sendJson(res, 200, status());

    const planned = plan(remoteState(opts.engine.state, seat), url.searchParams);
    if ('refused' in planned) return sendJson(res, 409, { ok: false, error: planned.refused });
    void runRemoteCommands(opts.engine, planned.commands, seat, remoteActor(seat, 'http')).then(
      (r) => {
        if (r.ok) return sendJson(res, 200, { ok: true, seq: r.seq, status: status() });
        opts.logger.info('remote control refused', { action, code: r.error.code, message: r.error.message });
        sendJson(res, STATUS_FOR[r.error.code], { ok: false, error: r.error.message, code: r.error.code });
      },
      (err: unknown) => {
        opts.logger.error('remote control failed', { action, err: String(err) });
        sendJson(res, 500, { ok: false, error: 'erreur interne de la régie' });
      },
    );
  };
}

/** POST /api/remote/take-over?confirm=prendre-la-main: a régie seat promotes this standby (the desk's button, a Stream Deck key). */
function takeOver(
  run: (actor: string) => Promise<TakeOverResult>,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  seat: { kind: string; name: string },
  logger: Logger,
): void {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'prise de main : POST seulement', message: 'prise de main : POST seulement' }, { Allow: 'POST' });
  if (seat.kind !== 'regie') return sendJson(res, 403, { ok: false, error: 'seul un poste de régie prend la main', message: 'seul un poste de régie prend la main' });
  if (query.get('confirm') !== TAKE_OVER_CONFIRM) {
    const why = `prise de main non confirmée : ajoutez confirm=${TAKE_OVER_CONFIRM} à la requête`;
    return sendJson(res, 400, { ok: false, error: why, message: why });
  }
  void run(seat.name).then(
    (r) => {
      if (r.ok) return sendJson(res, 200, { ok: true, epoch: r.epoch });
      logger.warn('take-over refused', { message: r.message });
      sendJson(res, 409, { ok: false, error: r.message, message: r.message });
    },
    (err: unknown) => {
      logger.error('take-over failed', { err: String(err) });
      sendJson(res, 500, { ok: false, error: 'erreur interne de la régie', message: 'erreur interne de la régie' });
    },
  );
}
