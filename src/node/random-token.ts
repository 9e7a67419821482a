import { randomBytes } from 'node:crypto';

/**
 * A random secret (144 bits, base64url) that never starts with « - »: tokens are typed and pasted
 * on command lines (`--follow-token`, `--hub-token`), where a leading dash reads as an option
 * (« argument is ambiguous »). One draw in 64 is made again; the entropy barely moves.
 */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(18).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
}
