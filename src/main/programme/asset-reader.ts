import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Reads files named relative to a programme file (its logo), only inside its folder, and at most
 * `maxBytes + 1` bytes (enough to say « too large » without reading a huge file). Null: not found.
 */
export function assetReader(folder: string, maxBytes: number): (relativePath: string) => Uint8Array | null {
  return (relativePath) => {
    const file = resolve(folder, relativePath);
    const rel = relative(folder, file);
    if (rel.startsWith('..') || isAbsolute(rel)) return null;
    try {
      if (!statSync(file).isFile()) return null;
      const fd = openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(maxBytes + 1);
        const n = readSync(fd, buffer, 0, buffer.length, 0);
        return buffer.subarray(0, n);
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
  };
}
