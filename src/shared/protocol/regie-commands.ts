import { z } from 'zod';
import { phoneBrandingSchema } from './branding';
import { hubErrorSchema } from './errors';
import { idSchema, regieText, seqSchema } from './fields';
import { interactionSchema, resultsSchema } from './interactions';
import { MAX } from './limits';
import { codeHashSchema, hubRoomSchema, MAX_CODES_PER_COMMAND, roomIdSchema } from './rooms';

/** The room a command acts in (absent: the main room, as a régie of before rooms sends). */
const room = { room: roomIdSchema.optional() };

/**
 * What the régie sends to the hub on `/regie` (authenticated by its token). First `resume`, then
 * `command`s, each in an envelope with the seq its outbox gave it (1, 2, 3…). The hub applies
 * seq N only after N-1: an already applied seq is answered `duplicate` and not applied again; a
 * seq beyond the next one is refused `out_of_order` (the outbox resends from `appliedSeq + 1`).
 * A command refused for its content still uses its seq, so the outbox never gets stuck.
 */

export const regieCommandSchema = z.discriminatedUnion('type', [
  /** Open a poll, a rating or a word cloud; the one open before is closed. */
  z.strictObject({ type: z.literal('interaction.open'), interaction: interactionSchema, ...room }),
  /** Close it (no-op if another one, or none, is open). */
  z.strictObject({ type: z.literal('interaction.close'), interactionId: idSchema, ...room }),
  z.strictObject({ type: z.literal('qa.open'), sessionId: idSchema.nullable(), roomOnly: z.boolean(), ...room }),
  z.strictObject({ type: z.literal('qa.close'), ...room }),
  /** Publish a question (after moderation) or replace the text of one already published. */
  z.strictObject({
    type: z.literal('question.publish'),
    questionId: idSchema,
    text: regieText('question', MAX.questionText),
    name: z.string().max(MAX.name).nullable().optional(),
    ...room,
  }),
  z.strictObject({ type: z.literal('question.withdraw'), questionId: idSchema, ...room }),
  z.strictObject({ type: z.literal('questions.clear'), ...room }),
  z.strictObject({ type: z.literal('notice.show'), text: regieText('annonce', MAX.notice) }),
  z.strictObject({ type: z.literal('notice.clear') }),
  z.strictObject({ type: z.literal('results.reveal'), results: resultsSchema, ...room }),
  z.strictObject({ type: z.literal('results.hide'), ...room }),
  /** A poll starts again from zero: the hub forgets who voted what in it (and its results shown). */
  z.strictObject({ type: z.literal('poll.reset'), pollId: idSchema, ...room }),
  /**
   * The normalised keys (see shared/domain/french-words.ts) banned from a word cloud, all of them:
   * it replaces the cloud's previous list. The hub refuses a word whose key is in it.
   */
  z.strictObject({
    type: z.literal('words.banned'),
    cloudId: idSchema,
    keys: z.array(z.string().min(1).max(MAX.bannedWordKey)).max(MAX.bannedWords),
  }),
  /** The rooms (all of them: replaces the list) and each room's presence secret (docs/rooms.md § 4). */
  z.strictObject({ type: z.literal('rooms.set'), rooms: z.array(hubRoomSchema).min(1).max(50) }),
  /** Personal codes of remote attendees, hashed; added to the list (several commands for a long list). */
  z.strictObject({
    type: z.literal('codes.add'),
    salt: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    hashes: z.array(codeHashSchema).min(1).max(MAX_CODES_PER_COMMAND),
  }),
  /** Forget every personal code (and which phone held each). */
  z.strictObject({ type: z.literal('codes.clear') }),
  /** Free a code bound to a phone: the next phone that gives it takes it. */
  z.strictObject({ type: z.literal('code.release'), hash: codeHashSchema }),
  /** The event's look on the phones (branding.ts), all of it; null: the page's own look. */
  z.strictObject({ type: z.literal('branding.set'), branding: phoneBrandingSchema.nullable() }),
]);
export type RegieCommand = z.infer<typeof regieCommandSchema>;
export type RegieCommandType = RegieCommand['type'];
export const regieCommandTypes = regieCommandSchema.options.map((o) => o.shape.type.value);

export const regieEnvelopeSchema = z.strictObject({
  seq: seqSchema.min(1, 'seq : à partir de 1'),
  command: z.unknown(),
});
export type RegieEnvelope = { seq: number; command: RegieCommand };

export const commandAckSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), appliedSeq: seqSchema, duplicate: z.boolean() }),
  z.strictObject({ ok: z.literal(false), appliedSeq: seqSchema, error: hubErrorSchema }),
]);
export type CommandAck = z.infer<typeof commandAckSchema>;

/**
 * `resume`: sent on every (re)connection. `regieId` names the régie's database: when it changes
 * (a new régie), the hub forgets the applied seq and starts again from 0. `afterHubSeq` is the last
 * audience message the régie committed; the hub sends everything after it (it counts as an ack).
 */
export const resumeMessageSchema = z.strictObject({
  protocol: z.number().int(),
  regieId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'regieId : 8 à 64 caractères [A-Za-z0-9_-]'),
  afterHubSeq: seqSchema,
  /** The hub `afterHubSeq` refers to (from an earlier resume's answer); another hub's: resume from 0. */
  hubId: z.string().max(64).optional(),
  /**
   * The régie's epoch (docs/standby.md): a standby that took over leads at a higher one. The hub
   * accepts the highest it has seen and fences off the others. Absent (a régie of before): 0.
   */
  epoch: z.number().int().min(0).optional(),
});
export type ResumeMessage = z.infer<typeof resumeMessageSchema>;

export const resumeAckSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    protocol: z.number().int(),
    /** Names the hub's database: when it changes, its hubSeqs start again (the régie resumes from 0). */
    hubId: z.string(),
    eventCode: z.string(),
    /** The last audience message the hub holds. */
    hubSeq: seqSchema,
    /** The oldest message still in the backlog (those before it were acknowledged and pruned). */
    oldestHubSeq: seqSchema,
    /** The last régie command applied (seq). */
    appliedSeq: seqSchema,
  }),
  z.strictObject({ ok: z.literal(false), error: hubErrorSchema }),
]);
export type ResumeAck = z.infer<typeof resumeAckSchema>;

/** `ack`: the régie committed every audience message up to this hubSeq (sent after its commit). */
export const regieAckMessageSchema = z.strictObject({ upToHubSeq: seqSchema });
export type RegieAckMessage = z.infer<typeof regieAckMessageSchema>;
