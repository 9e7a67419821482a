import { z } from 'zod';
import { ROOM_ID_PATTERN } from './rooms';

/**
 * Interactions prepared before the event and launched by cues: polls and word clouds. A minimal
 * schema, meant to grow (issue 6 adds the live side: votes, tallies, moderation). Each kind and
 * each poll type is a strict object, so a field that does not belong (options on a yes/no poll)
 * is reported on its own line by the programme file reader.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const interactionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'identifiant : minuscules, chiffres et tirets (64 au plus)');

export const pollTypes = ['single', 'multiple', 'rating', 'yesno'] as const;
export type PollType = (typeof pollTypes)[number];

export const MAX_POLL_OPTIONS = 10;

const pollOptions = z
  .array(text(120))
  .min(2, 'deux options au moins')
  .max(MAX_POLL_OPTIONS, `${MAX_POLL_OPTIONS} options au plus`)
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      const key = o.toLocaleLowerCase('fr');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `option en double : ${o}` });
      seen.add(key);
    });
  });

// Fields in the order a file shows them: kind, id, type, question, the type's own, then settings.
const pollHead = { kind: z.literal('poll'), id: interactionIdSchema };
const question = text(300);
/** Results stay hidden (desk and projector) until a "reveal" cue or command. */
const hideResultsUntilReveal = z.boolean().default(false);
/**
 * The room it was made for (a workshop's poll made on the spot at its room's seat, docs/rooms.md
 * § 3): where it opens and whose seat may run it. Absent: where it ran last, else its cues'
 * session's room, else the main room.
 */
const room = z.string().regex(ROOM_ID_PATTERN, 'salle : identifiant de 1 à 40 caractères [a-z0-9-]').optional();

export const singlePollSchema = z.strictObject({
  ...pollHead,
  type: z.literal('single'),
  question,
  options: pollOptions,
  hideResultsUntilReveal,
  room,
});

export const multiplePollSchema = z
  .strictObject({
    ...pollHead,
    type: z.literal('multiple'),
    question,
    options: pollOptions,
    /** How many options a participant may tick (all of them when absent). */
    maxChoices: z.int().min(1).max(MAX_POLL_OPTIONS).optional(),
    hideResultsUntilReveal,
    room,
  })
  .refine((p) => p.maxChoices === undefined || p.maxChoices <= p.options.length, {
    path: ['maxChoices'],
    message: 'plus de choix permis que d’options',
  });

export const ratingPollSchema = z.strictObject({
  ...pollHead,
  type: z.literal('rating'),
  question,
  min: z.int().min(0).max(1).default(1),
  max: z.int().min(2).max(10).default(5),
  /** Words under the ends of the scale (« pas du tout », « tout à fait »). */
  minLabel: text(60).optional(),
  maxLabel: text(60).optional(),
  hideResultsUntilReveal,
  room,
});

export const yesNoPollSchema = z.strictObject({
  ...pollHead,
  type: z.literal('yesno'),
  question,
  hideResultsUntilReveal,
  room,
});

export const pollSchema = z.discriminatedUnion('type', [singlePollSchema, multiplePollSchema, ratingPollSchema, yesNoPollSchema]);
export type Poll = z.infer<typeof pollSchema>;

export const wordCloudSchema = z.strictObject({
  kind: z.literal('wordcloud'),
  id: interactionIdSchema,
  prompt: text(300),
  maxWordsPerParticipant: z.int().min(1).max(10).default(3),
  maxWordLength: z.int().min(3).max(40).default(25),
  room,
});
export type WordCloud = z.infer<typeof wordCloudSchema>;

export const interactionKinds = ['poll', 'wordcloud'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const interactionSchema = z.discriminatedUnion('kind', [pollSchema, wordCloudSchema]);
export type Interaction = z.infer<typeof interactionSchema>;
export type InteractionInput = z.input<typeof interactionSchema>;

/** The text shown to the audience: a poll's question or a word cloud's prompt. */
export function interactionText(i: Interaction): string {
  return i.kind === 'poll' ? i.question : i.prompt;
}
