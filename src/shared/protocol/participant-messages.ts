import { z } from 'zod';
import { clientMsgIdSchema, idSchema, originSchema, participantIdSchema, participantText } from './fields';
import { MAX } from './limits';
import { presenceKeySchema, roomIdSchema } from './rooms';

/**
 * What a participant's phone sends to the hub, on the `/participant` namespace. Each message is
 * one socket.io event with one object and an acknowledgement callback (see errors.ts: `Ack`).
 * `join` comes first on every connection; everything else is refused until it has succeeded.
 */

export const joinMessageSchema = z.strictObject({
  eventCode: z
    .string({ error: 'code d’événement : texte attendu' })
    .max(MAX.eventCode, `code d’événement : ${MAX.eventCode} caractères au plus`),
  participantId: participantIdSchema,
  /** What the phone says: never trusted for presence (the hub decides from `key` and `code`). */
  origin: originSchema,
  /** The room the phone joins (from the room's QR code, or chosen on the phone). */
  room: roomIdSchema.optional(),
  /** The room's presence key of the QR code (`k=`): proof that the phone saw the room's screen. */
  key: presenceKeySchema.optional(),
  /** A remote attendee's personal code, as typed (the hub hashes it). */
  code: z.string().min(4).max(32).optional(),
  lang: z.enum(['fr', 'en']).optional(),
  /** The protocol the page speaks; absent means the current one. */
  protocol: z.number().int().optional(),
});

export const askMessageSchema = z.strictObject({
  clientMsgId: clientMsgIdSchema,
  text: participantText('question', MAX.questionText),
  /** Empty after cleaning means anonymous. */
  name: participantText('nom', MAX.name, { allowEmpty: true }).optional(),
  /** The session the phone showed when the question was typed. */
  sessionId: idSchema.optional(),
});

export const upvoteMessageSchema = z.strictObject({
  clientMsgId: clientMsgIdSchema,
  questionId: idSchema,
});

/** `choices` (option indexes) for a choice poll, `rating` for a rating: exactly one of them. */
export const voteMessageSchema = z
  .strictObject({
    clientMsgId: clientMsgIdSchema,
    pollId: idSchema,
    choices: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(MAX.pollOptions - 1),
        { error: 'choix : liste de numéros d’option attendue' },
      )
      .min(1, 'choisissez au moins une option')
      .max(MAX.pollOptions, `${MAX.pollOptions} choix au plus`)
      .refine((c) => new Set(c).size === c.length, 'la même option est choisie deux fois')
      .optional(),
    rating: z.number().int().min(0).max(10).optional(),
  })
  .refine((v) => (v.choices === undefined) !== (v.rating === undefined), {
    message: 'un vote porte soit des choix (choices), soit une note (rating)',
  });

export const wordsMessageSchema = z.strictObject({
  clientMsgId: clientMsgIdSchema,
  cloudId: idSchema,
  words: z
    .array(participantText('mot', MAX.word), { error: 'mots : liste de textes attendue' })
    .min(1, 'envoyez au moins un mot')
    .max(MAX.wordsPerMessage, `${MAX.wordsPerMessage} mots au plus par envoi`),
});

/** The events a participant may send, and the schema of each. */
export const participantMessageSchemas = {
  join: joinMessageSchema,
  'question.ask': askMessageSchema,
  'question.upvote': upvoteMessageSchema,
  'poll.vote': voteMessageSchema,
  'words.send': wordsMessageSchema,
} as const;
export type ParticipantEventName = keyof typeof participantMessageSchemas;
export const participantEventNames = Object.keys(participantMessageSchemas) as ParticipantEventName[];

export type JoinMessage = z.infer<typeof joinMessageSchema>;
export type AskMessage = z.infer<typeof askMessageSchema>;
export type UpvoteMessage = z.infer<typeof upvoteMessageSchema>;
export type VoteMessage = z.infer<typeof voteMessageSchema>;
export type WordsMessage = z.infer<typeof wordsMessageSchema>;

/** A participant message that passed its schema, tagged with its event name. */
export type ParticipantAction =
  | { type: 'question.ask'; msg: AskMessage }
  | { type: 'question.upvote'; msg: UpvoteMessage }
  | { type: 'poll.vote'; msg: VoteMessage }
  | { type: 'words.send'; msg: WordsMessage };
