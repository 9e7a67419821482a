/**
 * Where the régie this page shows lives, when it is not the page's own origin (docs/standby.md
 * § « Les vues »: a page moved to the other régie). The desk's HTTP requests go there too, so that
 * « Prendre la main », the seats or the codes reach the régie the page drives. '' : the page's own.
 */
let base = '';

export function setRegieBase(address: string, home: string): void {
  base = address === home ? '' : address.replace(/\/$/, '');
}

/** The URL of a core route (`/api/…`) on the régie the page shows now. */
export function regieUrl(path: string): string {
  return `${base}${path}`;
}
