import { z } from 'zod';
import { cleanText } from './clean-text';
import { MAX, RAW_TEXT_FACTOR } from './limits';

/** An identifier chosen by the régie (poll, cloud, question, session). */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, `identifiant invalide (1 à ${MAX.id} caractères parmi A-Z a-z 0-9 _ . : -)`);

/** Chosen by the phone (random), kept in its storage: one per person and device. */
export const participantIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{16,64}$/,
    `identifiant de participant invalide (${MAX.participantIdMin} à ${MAX.participantId} caractères parmi A-Z a-z 0-9 _ -)`,
  );

/** Chosen by the phone for each message: a retry with the same id is taken once. */
export const clientMsgIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, `identifiant de message invalide (1 à ${MAX.id} caractères parmi A-Z a-z 0-9 _ -)`);

export const originSchema = z.enum(['room', 'remote'], { error: 'origine : « room » (dans la salle) ou « remote » (à distance)' });
export type Origin = z.infer<typeof originSchema>;

/**
 * A text typed by a participant: refused if absurdly long, then cleaned (see clean-text.ts),
 * then held to its limit. `what` names it in the messages (« question », « nom »).
 */
export function participantText(what: string, max: number, { allowEmpty = false } = {}) {
  const tooLong = `${what} : ${max} caractères au plus`;
  const cleaned = z
    .string()
    .min(allowEmpty ? 0 : 1, `${what} : texte vide`)
    .max(max, tooLong);
  return z
    .string({ error: `${what} : texte attendu` })
    .max(max * RAW_TEXT_FACTOR, tooLong)
    .transform(cleanText)
    .pipe(cleaned);
}

/** A text from the régie (trusted, already cleaned on its side): only its length is held. */
export function regieText(what: string, max: number) {
  return z
    .string({ error: `${what} : texte attendu` })
    .min(1, `${what} : texte vide`)
    .max(max, `${what} : ${max} caractères au plus`);
}

export const countSchema = z.number().int().min(0).max(MAX.count);
export const seqSchema = z.number().int().min(0).max(MAX.seq);
