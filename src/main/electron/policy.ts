/**
 * The shell's rules as pure functions (no electron import): which URLs a window may show, who
 * may call the native bridge, which permissions a page gets, how fast a crashed view comes back.
 */

/** The origin of a URL ("http://127.0.0.1:4870"), or null when it has none (about:, data:, junk). */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** A window may only ever show the core's own pages. */
export function isCoreUrl(url: string | undefined | null, coreOrigin: string): boolean {
  return originOf(url) === coreOrigin;
}

/**
 * A new window asked by a page (window.open, a link with target=_blank): never a new window. The
 * core's own /output page (the desk's « Ouvrir la sortie » link) brings up the projector's window
 * instead, which already shows it; everything else is denied.
 */
export function windowOpenAction(url: string, coreOrigin: string): 'show-output' | 'deny' {
  if (!isCoreUrl(url, coreOrigin)) return 'deny';
  return new URL(url).pathname === '/output' ? 'show-output' : 'deny';
}

/** The native bridge answers frames of the core's origin only (never a page that got in by mistake). */
export function isTrustedSender(frameUrl: string | undefined | null, coreOrigin: string): boolean {
  return isCoreUrl(frameUrl, coreOrigin);
}

/**
 * Permissions: none, except writing text to the clipboard from the core's pages (the control
 * view copies the output address for OBS). No camera, microphone, notifications, geolocation…
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined | null, coreOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isCoreUrl(requestingUrl, coreOrigin);
}

/**
 * Delay before reloading a view whose renderer is gone: at once the first time, then doubling
 * with the number of crashes in the last minute (a page that crashes on load must not spin).
 */
export function crashReloadDelayMs(crashTimes: readonly number[], now: number): number {
  const recent = crashTimes.filter((t) => now - t < 60_000).length;
  if (recent <= 1) return 0;
  return Math.min(30_000, 500 * 2 ** (recent - 2));
}
