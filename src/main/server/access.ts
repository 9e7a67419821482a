import { timingSafeEqual } from 'node:crypto';
import type { ViewRole } from '../../shared/api/channel';
import type { SeatKind } from '../../shared/domain/seats';
import { parseOrigin, splitHostHeader } from '../../shared/net/host-header';

/**
 * The main room's tokens as the code of before seats had them (its scripts and tests read
 * `tokens.control`…): the first régie seat's, the main output's and the main stage's.
 */
export interface AccessTokens {
  control: string;
  output: string;
  /** The facilitator's tablet on stage: read-only, sees the shortlist. */
  stage: string;
}

export { newToken } from '../../node/random-token';

/** Equal secrets, compared in constant time (for equal lengths; a length tells nothing of a random token). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The view role of a seat's kind: a room moderator's desk is a control page, scoped to its room. */
export function roleOfSeat(kind: SeatKind): ViewRole {
  return kind === 'regie' || kind === 'room' ? 'control' : kind;
}

/**
 * DNS-rebinding guard: the Host header must name this server by an address we listen on.
 * `allowedHosts` holds host names or IPs (no port); the port must be ours.
 */
export function isAllowedHost(hostHeader: string | undefined, allowedHosts: ReadonlySet<string>, port: number): boolean {
  if (!hostHeader) return false;
  const parts = splitHostHeader(hostHeader);
  if (!parts) return false;
  return (parts.port ?? 80) === port && allowedHosts.has(parts.host);
}

/** Browsers send Origin on WebSocket and fetch: it must be one of our own addresses. Node clients send none. */
export function isAllowedOrigin(origin: string | undefined, allowedHosts: ReadonlySet<string>, port: number): boolean {
  if (origin === undefined) return true;
  const url = parseOrigin(origin);
  if (!url || url.protocol !== 'http:') return false;
  return isAllowedHost(url.host, allowedHosts, port);
}
