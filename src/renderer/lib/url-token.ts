/** The access token of a view: `?token=` in the page's address. It stays in the address (reload works). */
export function tokenFromLocation(search: string = globalThis.location?.search ?? ''): string | null {
  const token = new URLSearchParams(search).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}
