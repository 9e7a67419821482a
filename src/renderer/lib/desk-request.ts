import { z } from 'zod';
import { regieUrl } from './regie-address';

/**
 * The desk's requests to the core's HTTP routes (`/api/seats`, `/api/codes/…`, `/api/purge`), with
 * the desk's own token (a régie seat's). Every answer is read with a schema; the core's refusal
 * (`{ ok: false, message }`) and anything unreadable become a `DeskRequestError` in French, which
 * the dialogs show as it is.
 */

export class DeskRequestError extends Error {
  override name = 'DeskRequestError';
}

const failedSchema = z.object({ ok: z.literal(false), message: z.string() });

export interface DeskRequest {
  method: 'GET' | 'POST';
  token: string;
  body?: BodyInit | null;
  /** Set for a JSON body (`application/json`). */
  json?: boolean;
}

export async function deskRequest<T>(path: string, request: DeskRequest, schema: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    // The régie the page drives now: its own, or the other one it moved to (a cross-origin request the core allows).
    res = await fetch(regieUrl(path), {
      method: request.method,
      cache: 'no-store',
      headers: { Authorization: `Bearer ${request.token}`, ...(request.json ? { 'Content-Type': 'application/json' } : {}) },
      body: request.body ?? null,
    });
  } catch {
    throw new DeskRequestError('la régie ne répond pas : réessayez');
  }
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    throw new DeskRequestError(`réponse illisible de la régie (HTTP ${res.status})`);
  }
  const failed = failedSchema.safeParse(raw);
  if (failed.success) throw new DeskRequestError(failed.data.message);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DeskRequestError(`réponse inattendue de la régie (HTTP ${res.status})`);
  return parsed.data;
}
