import { z } from 'zod';
import { deskRequest } from '../../lib/desk-request';

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
function call<T>(action: string, token: string, body: BodyInit | null, schema: z.ZodType<T>, json = false): Promise<T> {
  return deskRequest(`/api/codes/${action}`, { method: 'POST', token, body, json }, schema);
}

export const checkCodes = (token: string, file: Blob) => call('check', token, file, checkedSchema);
export const importCodes = (token: string, file: Blob) => call('import', token, file, importedSchema);
export const releaseCode = (token: string, code: string) => call('release', token, JSON.stringify({ code }), releasedSchema, true);
export const clearCodes = (token: string) => call('clear', token, null, clearedSchema);
