import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeatKind, SeatWithToken } from '../../shared/domain/seats';
import { seatAddress } from '../../shared/domain/seats';
import { requestToken, sendJson } from './http-json';
import type { SeatStore } from '../store/seat-store';

/**
 * The seats, for the desk's « Sièges » dialog, behind a régie seat's token:
 *   GET  /api/seats                 every seat, its addresses (with its token) and open connections
 *   POST /api/seats/<id>/revoke     its token void, its open views closed at once
 *   POST /api/seats/<id>/reissue    a new token, the old one void, its open views closed
 *
 * An HTTP route rather than a command: a token is a secret that must never enter the journal,
 * the snapshots, the exports or another view's patches (a journal outlives a revocation, and is
 * exported); what the régie does to seats is written to the log file instead.
 */

export const SEATS_PREFIX = '/api/seats';

/** One seat as the dialog lists it. */
export interface SeatEntry {
  id: string;
  name: string;
  kind: SeatKind;
  room: string | null;
  /** Its address on this machine and on the venue network (LAN first when there is one); none once revoked. */
  addresses: string[];
  revokedAt: number | null;
  /** Views open with it now. */
  connected: number;
}

export interface SeatsAnswer {
  /** The seat that asked (the desk marks it « ce poste »). */
  you: string;
  seats: SeatEntry[];
}

export interface SeatsRouteDeps {
  seats: () => SeatStore;
  /** The origins the views are reached at, best first (`http://192.168.1.20:4870`, then 127.0.0.1). */
  origins: () => string[];
  connected: () => Record<string, number>;
  /** Closes a seat's open views (the view channel). */
  disconnect: (seatId: string) => void;
  onChange: (what: 'revoke' | 'reissue', seat: SeatWithToken, by: SeatWithToken) => void;
  now?: () => number;
}

export function seatEntry(seat: SeatWithToken, origins: readonly string[], connected: number): SeatEntry {
  const token = seat.token;
  return {
    id: seat.id,
    name: seat.name,
    kind: seat.kind,
    room: seat.room,
    addresses: token === null ? [] : origins.map((o) => seatAddress(o, seat, token)),
    revokedAt: seat.revokedAt,
    connected,
  };
}

export function seatsRoute(deps: SeatsRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const now = deps.now ?? Date.now;
  return (req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://local');
    const store = deps.seats();
    const by = store.byToken(requestToken(req, url.searchParams));
    if (!by || by.kind !== 'regie') return sendJson(res, 403, { ok: false, message: 'Jeton de régie requis pour gérer les sièges.' });
    const list = (): SeatsAnswer => {
      const connected = deps.connected();
      return { you: by.id, seats: store.all().map((s) => seatEntry(s, deps.origins(), connected[s.id] ?? 0)) };
    };
    const rest = url.pathname.slice(SEATS_PREFIX.length).replace(/\/$/, '');
    if (rest === '') {
      if (req.method !== 'GET') return sendJson(res, 405, { ok: false, message: 'Méthode non autorisée : GET attendu.' });
      return sendJson(res, 200, { ok: true, ...list() });
    }
    const m = /^\/([^/]{1,80})\/(revoke|reissue)$/.exec(rest);
    if (!m) return sendJson(res, 404, { ok: false, message: 'Adresse inconnue.' });
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, message: 'Méthode non autorisée : POST attendu.' });
    const id = decodeURIComponent(m[1]!);
    const action = m[2] as 'revoke' | 'reissue';
    const seat = store.find(id);
    if (!seat) return sendJson(res, 404, { ok: false, message: `Siège inconnu\u00a0: ${id.slice(0, 80)}` });
    // The desk that asks would lock itself out: another régie seat does it.
    if (action === 'revoke' && seat.id === by.id) {
      return sendJson(res, 409, { ok: false, message: 'Ce poste ne peut pas révoquer son propre siège\u00a0: faites-le depuis l’autre siège de régie.' });
    }
    const changed = action === 'revoke' ? store.revoke(id, now()) : store.reissue(id);
    if (!changed) return sendJson(res, 404, { ok: false, message: `Siège inconnu\u00a0: ${id.slice(0, 80)}` });
    deps.disconnect(id);
    deps.onChange(action, changed, by);
    const seatNow = seatEntry(changed, deps.origins(), 0);
    return sendJson(res, 200, { ok: true, seat: seatNow, ...list() });
  };
}
