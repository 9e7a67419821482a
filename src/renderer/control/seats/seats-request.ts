import { z } from 'zod';
import { deskRequest } from '../../lib/desk-request';
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
function call<T>(path: string, method: 'GET' | 'POST', token: string, schema: z.ZodType<T>): Promise<T> {
  return deskRequest(path, { method, token }, schema);
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
