import { z } from 'zod';

/**
 * The « Codes personnels » dialog's requests (`/api/codes/check|import|release|clear`), with the
 * desk's own token (a régie seat's). The file goes to the core as it is: the core reads it, hashes
 * the codes and forgets them. Answers are read with a schema: a bad answer is an error.
 */

const reportSchema = z.object({
  codes: z.number(),
  duplicates: z.number(),
  duplicateLines: z.array(z.number()),
  malformed: z.number(),
  malformedLines: z.array(z.object({ line: z.number(), reason: z.string() })),
  encoding: z.string(),
  column: z.string().nullable(),
  lines: z.number(),
});
export type CodesReport = z.infer<typeof reportSchema>;

const checkedSchema = z.object({ ok: z.literal(true), report: reportSchema });
const importedSchema = z.object({ ok: z.literal(true), report: reportSchema, count: z.number() });
const releasedSchema = z.object({ ok: z.literal(true), hashPrefix: z.string() });
const clearedSchema = z.object({ ok: z.literal(true) });
const failedSchema = z.object({ ok: z.literal(false), message: z.string() });

export class CodesRequestError extends Error {
  override name = 'CodesRequestError';
}

async function call<T>(action: string, token: string, body: BodyInit | null, schema: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/codes/${action}`, { method: 'POST', cache: 'no-store', headers: { Authorization: `Bearer ${token}` }, body });
  } catch {
    throw new CodesRequestError('la régie ne répond pas : réessayez');
  }
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    throw new CodesRequestError(`réponse illisible de la régie (HTTP ${res.status})`);
  }
  const failed = failedSchema.safeParse(raw);
  if (failed.success) throw new CodesRequestError(failed.data.message);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CodesRequestError(`réponse inattendue de la régie (HTTP ${res.status})`);
  return parsed.data;
}

export const checkCodes = (token: string, file: Blob) => call('check', token, file, checkedSchema);
export const importCodes = (token: string, file: Blob) => call('import', token, file, importedSchema);
export const releaseCode = (token: string, code: string) => call('release', token, JSON.stringify({ code }), releasedSchema);
export const clearCodes = (token: string) => call('clear', token, null, clearedSchema);
