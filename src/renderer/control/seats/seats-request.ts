import { z } from 'zod';
import { seatKinds } from '../../../shared/domain/seats';

/**
 * The « Sièges » dialog's requests: `GET /api/seats`, `POST /api/seats/<id>/revoke|reissue`, with
 * the desk's own token (a régie seat's). The answers are read with a schema: a bad answer is an error.
 */

const seatEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(seatKinds),
  room: z.string().nullable(),
  addresses: z.array(z.string()),
  revokedAt: z.number().nullable(),
  connected: z.number(),
});
export type SeatEntry = z.infer<typeof seatEntrySchema>;

const listSchema = z.object({ ok: z.literal(true), you: z.string(), seats: z.array(seatEntrySchema) });
export type SeatList = z.infer<typeof listSchema>;
const changedSchema = listSchema.extend({ seat: seatEntrySchema });
const failedSchema = z.object({ ok: z.literal(false), message: z.string() });

export class SeatsRequestError extends Error {
  override name = 'SeatsRequestError';
}

async function call<T>(path: string, method: 'GET' | 'POST', token: string, schema: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, cache: 'no-store', headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new SeatsRequestError('la régie ne répond pas : réessayez');
  }
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    throw new SeatsRequestError(`réponse illisible de la régie (HTTP ${res.status})`);
  }
  const failed = failedSchema.safeParse(raw);
  if (failed.success) throw new SeatsRequestError(failed.data.message);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new SeatsRequestError(`réponse inattendue de la régie (HTTP ${res.status})`);
  return parsed.data;
}

export function fetchSeats(token: string): Promise<SeatList> {
  return call('/api/seats', 'GET', token, listSchema);
}

export function changeSeat(token: string, id: string, action: 'revoke' | 'reissue'): Promise<z.infer<typeof changedSchema>> {
  return call(`/api/seats/${encodeURIComponent(id)}/${action}`, 'POST', token, changedSchema);
}

/** The token in a seat's address (the desk that reissued its own seat moves to its new address). */
export function tokenOfAddress(address: string): string | null {
  try {
    return new URL(address).searchParams.get('token');
  } catch {
    return null;
  }
}
