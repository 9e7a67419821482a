import { z } from 'zod';
import { deskRequest } from '../../lib/desk-request';

/**
 * The « Sièges » dialog's LAN switch: `GET /api/lan`, `POST /api/lan { open }`, with the desk's own
 * token (a régie seat's). The answer is read with a schema: a bad answer is an error.
 */

const lanStateSchema = z.object({
  ok: z.literal(true),
  open: z.boolean(),
  addresses: z.array(z.string()),
  failed: z.array(z.object({ address: z.string(), message: z.string() })),
  connections: z.number(),
  views: z.number(),
  changedAt: z.number().nullable(),
  changedBy: z.string().nullable(),
});
export type LanState = z.infer<typeof lanStateSchema>;

export function fetchLan(token: string): Promise<LanState> {
  return deskRequest('/api/lan', { method: 'GET', token }, lanStateSchema);
}

export function switchLan(token: string, open: boolean): Promise<LanState> {
  return deskRequest('/api/lan', { method: 'POST', token, body: JSON.stringify({ open }), json: true }, lanStateSchema);
}
