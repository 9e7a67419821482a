/**
 * localStorage that never throws: a phone in private mode, or with storage full or disabled, keeps
 * working for the length of the page (the values live in memory only).
 */
const memory = new Map<string, string>();

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readStored(key: string): string | null {
  try {
    const v = store()?.getItem(key);
    if (v !== null && v !== undefined) return v;
  } catch {
    // fall through to memory
  }
  return memory.get(key) ?? null;
}

export function writeStored(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    const s = store();
    if (value === null) s?.removeItem(key);
    else s?.setItem(key, value);
  } catch {
    // memory keeps it for this page
  }
}
