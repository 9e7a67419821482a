import { networkInterfaces } from 'node:os';
import { parseOrigin, splitHostHeader } from '../shared/net/host-header';

/**
 * Which Host and Origin the hub answers (DNS-rebinding and cross-site guard, like the core's):
 * - a local address the hub listens on, with the hub's own port;
 * - a public host name of a reverse proxy in front of the hub, any port, http or https.
 * A browser page must come from one of these origins; Node clients (the régie) send no Origin.
 */
export interface HostPolicy {
  port(): number;
  localHosts(): ReadonlySet<string>;
  publicHosts: ReadonlySet<string>;
}

export function isHubHost(hostHeader: string | undefined, policy: HostPolicy, defaultPort = 80): boolean {
  if (!hostHeader) return false;
  const parts = splitHostHeader(hostHeader);
  if (!parts) return false;
  if (policy.publicHosts.has(parts.host)) return true;
  return (parts.port ?? defaultPort) === policy.port() && policy.localHosts().has(parts.host);
}

export function isHubOrigin(origin: string | undefined, policy: HostPolicy): boolean {
  if (origin === undefined) return true;
  const url = parseOrigin(origin);
  if (!url) return false;
  if (url.protocol === 'https:') return policy.publicHosts.has(url.hostname.toLowerCase());
  if (url.protocol !== 'http:') return false;
  return isHubHost(url.host, policy);
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The host names a hub listening on `listenHost` is reached by (IPv6 in brackets, as in a Host header). */
export function localHostsFor(listenHost: string): Set<string> {
  const hosts = new Set<string>();
  const add = (address: string) => hosts.add(address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase());
  if (WILDCARDS.has(listenHost)) {
    hosts.add('localhost');
    for (const a of Object.values(networkInterfaces()).flat()) if (a) add(a.address);
    return hosts;
  }
  add(listenHost);
  if (listenHost === '127.0.0.1' || listenHost === '::1' || listenHost === 'localhost') {
    hosts.add('localhost');
    hosts.add('127.0.0.1');
  }
  return hosts;
}

/** localHostsFor, looked up again at most every `ttlMs` (the venue's DHCP may change our address). */
export function cachedLocalHosts(listenHost: string, ttlMs = 5000, now: () => number = Date.now): () => ReadonlySet<string> {
  let hosts = localHostsFor(listenHost);
  let at = now();
  return () => {
    if (now() - at > ttlMs) {
      hosts = localHostsFor(listenHost);
      at = now();
    }
    return hosts;
  };
}

/** The participants' addresses of a hub: one URL per non-internal IPv4 address when it listens everywhere. */
export function joinUrls(listenHost: string, port: number, publicHosts: readonly string[]): string[] {
  const urls = publicHosts.map((h) => `https://${h}/`);
  if (WILDCARDS.has(listenHost)) {
    for (const a of Object.values(networkInterfaces()).flat()) {
      if (a && a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}/`);
    }
    urls.push(`http://127.0.0.1:${port}/`);
  } else {
    urls.push(`http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}/`);
  }
  return urls;
}
