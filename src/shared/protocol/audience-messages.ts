import { z } from 'zod';
import { countSchema, idSchema, originSchema, participantIdSchema, seqSchema } from './fields';
import { MAX } from './limits';
import { roomIdSchema } from './rooms';

/**
 * What the hub sends to the régie on `/regie`: every participant message it accepted, in `audience`
 * batches, in hubSeq order, at least once (after a reconnection, everything after the régie's
 * `resume.afterHubSeq` comes again). `msgId` = `participantId:clientMsgId` is unique: the régie
 * drops a msgId it has already committed.
 *
 * Votes: one per participant per poll. A new vote from the same participant replaces the previous
 * one: it arrives as a new message whose `replaces` names the msgId of the vote it replaces. The
 * régie's tally counts, per poll and participant, the latest vote (highest hubSeq) only.
 */

const base = {
  hubSeq: seqSchema.min(1),
  msgId: z.string().max(MAX.participantId + MAX.id + 1),
  /** The hub's clock when it accepted the message (ms since the epoch). */
  receivedAt: z.number().int().min(0),
  /** Decided by the hub: « room » only with a valid presence key of `room` (docs/rooms.md § 4). */
  origin: originSchema,
  participantId: participantIdSchema,
  /** The participant's room when the hub accepted it (absent: the main room, a hub of before rooms). */
  room: roomIdSchema.optional(),
};

export const audienceMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('question.ask'),
    text: z.string().max(MAX.questionText),
    name: z.string().max(MAX.name).nullable(),
    /** The Q&A session open when the hub accepted it. */
    sessionId: idSchema.nullable(),
  }),
  z.strictObject({ ...base, type: z.literal('question.upvote'), questionId: idSchema }),
  z.strictObject({
    ...base,
    type: z.literal('poll.vote'),
    pollId: idSchema,
    choices: z.array(z.number().int().min(0)).max(MAX.pollOptions).nullable(),
    rating: z.number().int().nullable(),
    /** The msgId of this participant's previous vote in this poll, which this one replaces. */
    replaces: z
      .string()
      .max(MAX.participantId + MAX.id + 1)
      .nullable(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('words.send'),
    cloudId: idSchema,
    words: z.array(z.string().max(MAX.word)).max(MAX.wordsPerMessage),
  }),
]);
export type AudienceMessage = z.infer<typeof audienceMessageSchema>;
export type AudienceMessageType = AudienceMessage['type'];
/** An audience message before the hub numbered it. */
export type AudienceBody = AudienceMessage extends infer M ? (M extends AudienceMessage ? Omit<M, 'hubSeq'> : never) : never;

export const audienceBatchSchema = z.strictObject({
  messages: z.array(audienceMessageSchema).min(1).max(MAX.audienceBatch),
});
export type AudienceBatch = z.infer<typeof audienceBatchSchema>;

const presenceCounts = { room: countSchema, remote: countSchema };

/**
 * Participants connected now (distinct participant ids, never sockets), sent at most once a second
 * when it changes: in all, and per room once the régie sent its rooms (`room`: « dans la salle »
 * with a valid key of that room).
 */
export const presenceSchema = z.strictObject({
  ...presenceCounts,
  at: z.number().int().min(0),
  rooms: z.record(roomIdSchema, z.strictObject(presenceCounts)).optional(),
});
export type Presence = z.infer<typeof presenceSchema>;
