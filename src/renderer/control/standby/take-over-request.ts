import { z } from 'zod';
import { deskRequest } from '../../lib/desk-request';

/** The same route as a Stream Deck key (docs/remote-control.md), with the word that confirms it. */
export const TAKE_OVER_PATH = '/api/remote/take-over?confirm=prendre-la-main';

const answerSchema = z.object({ ok: z.literal(true), epoch: z.number() });

/** « Prendre la main »: the core's refusal is thrown in its words (DeskRequestError). */
export async function requestTakeOver(token: string): Promise<number> {
  return (await deskRequest(TAKE_OVER_PATH, { method: 'POST', token }, answerSchema)).epoch;
}
