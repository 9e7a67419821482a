import { z } from 'zod';
import { DeskRequestError, deskRequest } from '../../lib/desk-request';
import { PURGE_CONFIRMATION } from '../../../shared/domain/purge-readiness';

/**
 * The desk's RGPD purge: `POST /api/purge` with the control token and the typed confirmation.
 * The core's answer is read with a schema (only what the dialog shows): a bad answer is an error.
 */

const filePurge = z.object({ bytesBefore: z.number(), bytesAfter: z.number() }).nullable();
export const purgeAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    report: z.object({ participants: z.number(), ms: z.number(), regie: filePurge, hub: filePurge }),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type PurgeAnswer = z.infer<typeof purgeAnswerSchema>;
export type PurgeSummary = Extract<PurgeAnswer, { ok: true }>['report'];

export async function requestPurge(token: string, typed: string = PURGE_CONFIRMATION): Promise<PurgeSummary> {
  const answer = await deskRequest('/api/purge', { method: 'POST', token, body: JSON.stringify({ confirm: typed }), json: true }, purgeAnswerSchema);
  // A refusal (`ok: false`) was thrown by deskRequest with the core's words.
  if (!answer.ok) throw new DeskRequestError(answer.message);
  return answer.report;
}

/** « 12,4 Mo », « 96 Ko » (a small rehearsal base reads in Ko). */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')}\u00a0Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}\u00a0Mo`;
}
