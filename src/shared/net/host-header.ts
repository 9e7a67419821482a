/**
 * A Host header (or a URL's host) split into a lower-case host name and its port, if given. An
 * IPv6 address keeps its brackets, as a Host header writes it. Null for anything malformed. Both
 * the core and the hub guard against DNS rebinding with it.
 */
const HOST_RE = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/\s]+)(?::(\d{1,5}))?$/;

export function splitHostHeader(hostHeader: string): { host: string; port: number | null } | null {
  const m = HOST_RE.exec(hostHeader.trim());
  if (!m) return null;
  return { host: (m[1] ?? '').toLowerCase(), port: m[2] ? Number(m[2]) : null };
}

/** The origin of a page (`http://host:port`), or null when it is not a URL. */
export function parseOrigin(origin: string): URL | null {
  try {
    return new URL(origin);
  } catch {
    return null;
  }
}
