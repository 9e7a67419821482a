/**
 * Whether a join address can reach a phone: 127.0.0.1, localhost or ::1 name the machine itself,
 * 0.0.0.0 and :: no machine at all. A QR code holding one of them sends every phone nowhere; the
 * desk and `npm run serve` say so. Pure.
 */

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(h) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(h) ||
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h) ||
    h === '::1' ||
    h === '0.0.0.0' ||
    h === '::'
  );
}

/** True for an address no phone can open (a loopback or unspecified host). */
export function isLoopbackUrl(url: string): boolean {
  const host = hostOf(url);
  return host !== null && isLoopbackHost(host);
}

/**
 * The warning `npm run serve` prints under the join addresses when every one of them is local to
 * this machine, with the way out; null when a phone can reach one of them.
 */
/**
 * The address a room's join QR code carries (docs/rooms.md § 4): the join address with the event
 * code (`e`, kept when the address has it), the room (`r`) and the room's key of the moment (`k`).
 * A phone that scans it is « dans la salle » of that room while the key holds. An address that
 * cannot be read is given back as it is (the screen still shows it).
 */
export function roomJoinUrl(joinUrl: string, presence: { room: string; key: string }, eventCode: string | null): string {
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return joinUrl;
  }
  if (eventCode !== null && !url.searchParams.has('e') && !url.searchParams.has('code')) url.searchParams.set('e', eventCode);
  url.searchParams.set('r', presence.room);
  url.searchParams.set('k', presence.key);
  return url.toString();
}

export function loopbackWarning(joinUrls: readonly string[], hubHost: string | undefined): string | null {
  if (joinUrls.length === 0 || !joinUrls.every(isLoopbackUrl)) return null;
  const cause =
    hubHost !== undefined && isLoopbackHost(hubHost)
      ? `le hub n’écoute que sur ${hubHost} (--hub-host) : relancez sans --hub-host (ou avec --hub-host 0.0.0.0)`
      : 'cette machine n’a aucune adresse sur un réseau : branchez-la au réseau du lieu (Wi-Fi ou câble) puis relancez';
  return `Attention : aucun téléphone ne peut joindre ${joinUrls[0] ?? ''}, cette adresse ne désigne que cet ordinateur — ${cause}, ou donnez au public une adresse qu’il atteint (panneau « Public », Changer d’adresse…).`;
}
