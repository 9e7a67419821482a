import { isIP } from 'node:net';

/**
 * The participant's address, for the per-address limits. Behind a reverse proxy or a load balancer
 * every socket comes from the proxy: its X-Forwarded-For then says who is behind it — but only a
 * peer we trust may say so (anyone else could write the header and pass for a thousand addresses).
 * The header is read from the right (each proxy appends the address it saw): the first address that
 * is not one of our proxies is the client.
 */

const plain = (a: string): string => {
  const t = a.trim();
  return (t.startsWith('::ffff:') ? t.slice(7) : t).toLowerCase();
};

/** The trusted peers: the configured ones, plus loopback when `--trust-proxy` says the proxy is on this machine. */
export function trustedPeers(configured: readonly string[], loopback: boolean): ReadonlySet<string> {
  const set = new Set(configured.map(plain));
  if (loopback) for (const a of ['127.0.0.1', '::1']) set.add(a);
  return set;
}

export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trusted: ReadonlySet<string>): string {
  const direct = plain(peer);
  if (!trusted.has(direct) || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] ?? '';
    if (!isIP(hop)) return direct; // unreadable: the proxy's own address, rather than a made-up one
    if (!trusted.has(hop)) return hop;
  }
  return direct;
}
