import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ViewRole } from '../../shared/api/channel';
import { parseOrigin, splitHostHeader } from '../../shared/net/host-header';

/** The tokens of the views: one for control seats, one for read-only outputs. */
export interface AccessTokens {
  control: string;
  output: string;
  /** The facilitator's tablet on stage: read-only, sees the shortlist. */
  stage: string;
}

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function roleForToken(tokens: AccessTokens, token: unknown): ViewRole | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  if (sameSecret(token, tokens.control)) return 'control';
  if (sameSecret(token, tokens.output)) return 'output';
  if (sameSecret(token, tokens.stage)) return 'stage';
  return null;
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
