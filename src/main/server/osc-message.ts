/**
 * A tiny OSC 1.0 message reader and writer (what a Stream Deck's OSC button sends): an address,
 * a type tag string, then int32 (i), float32 (f) and string (s) arguments, every part padded to
 * 4 bytes, big-endian. Bundles (#bundle) and other types are refused with a reason. Pure.
 */
export type OscArg = string | number;
export interface OscMessage {
  address: string;
  args: OscArg[];
}
export type OscParse = { ok: true; message: OscMessage } | { ok: false; reason: string };

export const MAX_OSC_BYTES = 2048;

/** A NUL-terminated string padded to 4 bytes; returns it and the offset after it. */
function readString(buf: Uint8Array, at: number): { value: string; next: number } | null {
  const end = buf.indexOf(0, at);
  if (end < 0) return null;
  const next = (end + 4) & ~3;
  if (next > buf.length) return null;
  return { value: new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(at, end)), next };
}

export function parseOscMessage(buf: Uint8Array): OscParse {
  if (buf.length === 0 || buf.length % 4 !== 0) return { ok: false, reason: 'paquet OSC invalide (longueur non multiple de 4)' };
  if (buf.length > MAX_OSC_BYTES) return { ok: false, reason: `paquet OSC trop grand (${MAX_OSC_BYTES} octets au plus)` };
  const address = readString(buf, 0);
  if (!address) return { ok: false, reason: 'adresse OSC non terminée' };
  if (address.value === '#bundle')
    return { ok: false, reason: 'les paquets OSC groupés (#bundle) ne sont pas acceptés : envoyez des messages simples' };
  if (!address.value.startsWith('/')) return { ok: false, reason: 'adresse OSC attendue (commence par /)' };
  // Old senders may omit the type tags: no arguments then.
  if (address.next === buf.length) return { ok: true, message: { address: address.value, args: [] } };
  const tags = readString(buf, address.next);
  if (!tags || !tags.value.startsWith(',')) return { ok: false, reason: 'étiquettes de type OSC manquantes' };
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const args: OscArg[] = [];
  let at = tags.next;
  for (const tag of tags.value.slice(1)) {
    if (tag === 's') {
      const s = readString(buf, at);
      if (!s) return { ok: false, reason: 'argument texte OSC tronqué' };
      args.push(s.value);
      at = s.next;
    } else if (tag === 'i' || tag === 'f') {
      if (at + 4 > buf.length) return { ok: false, reason: 'argument numérique OSC tronqué' };
      args.push(tag === 'i' ? view.getInt32(at, false) : view.getFloat32(at, false));
      at += 4;
    } else return { ok: false, reason: `type d’argument OSC non pris en charge : ${tag}` };
  }
  return { ok: true, message: { address: address.value, args } };
}

function padded(s: string): Uint8Array {
  const bytes = new TextEncoder().encode(s);
  const out = new Uint8Array((bytes.length + 4) & ~3);
  out.set(bytes);
  return out;
}

/** An OSC message with string and int32 arguments (the answers Pupitre sends back). */
export function encodeOscMessage(address: string, args: OscArg[] = []): Uint8Array {
  const parts: Uint8Array[] = [padded(address), padded(`,${args.map((a) => (typeof a === 'string' ? 's' : 'i')).join('')}`)];
  for (const a of args) {
    if (typeof a === 'string') parts.push(padded(a));
    else {
      const n = new Uint8Array(4);
      new DataView(n.buffer).setInt32(0, a, false);
      parts.push(n);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
