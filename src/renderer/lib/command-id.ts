/**
 * An id for a command envelope: 16 random bytes as base64url (22 characters of [A-Za-z0-9_-]).
 * crypto.getRandomValues works on plain http:// venue addresses too, where randomUUID does not
 * (it needs a secure context, and http://192.168.x.y is not one).
 */
export function newCommandId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const COMMAND_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
