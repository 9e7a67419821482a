import { z } from 'zod';
import { countSchema, idSchema, regieText } from './fields';
import { MAX } from './limits';

/**
 * The interactions the régie opens for the audience: one at a time (opening one closes the
 * previous one). The definition is what phones show; ids are the régie's.
 */

/** A choice poll: pick one option (maxChoices 1) or up to maxChoices of them. */
export const choicePollSchema = z
  .strictObject({
    kind: z.literal('poll'),
    id: idSchema,
    question: regieText('question du sondage', MAX.pollQuestion),
    options: z
      .array(regieText('option', MAX.pollOption))
      .min(2, 'un sondage a au moins 2 options')
      .max(MAX.pollOptions, `${MAX.pollOptions} options au plus`),
    maxChoices: z.number().int().min(1).max(MAX.pollOptions),
  })
  .refine((p) => p.maxChoices <= p.options.length, { message: 'maxChoices dépasse le nombre d’options', path: ['maxChoices'] });

/** A rating: one whole number from min to max (e.g. 1 to 5, 0 to 10). */
export const ratingPollSchema = z.strictObject({
  kind: z.literal('rating'),
  id: idSchema,
  question: regieText('question de l’échelle', MAX.pollQuestion),
  min: z.number().int().min(0).max(1),
  max: z.number().int().min(2).max(10),
  /** Labels of the two ends (« pas du tout », « tout à fait »). */
  minLabel: regieText('libellé du minimum', MAX.pollOption).optional(),
  maxLabel: regieText('libellé du maximum', MAX.pollOption).optional(),
});

/** A word cloud: each participant sends up to maxWordsPerParticipant words. */
export const wordCloudSchema = z.strictObject({
  kind: z.literal('cloud'),
  id: idSchema,
  prompt: regieText('consigne du nuage', MAX.cloudPrompt),
  maxWordsPerParticipant: z.number().int().min(1).max(MAX.wordsPerParticipant),
});

export const interactionSchema = z.discriminatedUnion('kind', [choicePollSchema, ratingPollSchema, wordCloudSchema]);
export type Interaction = z.infer<typeof interactionSchema>;
export type ChoicePoll = z.infer<typeof choicePollSchema>;
export type RatingPoll = z.infer<typeof ratingPollSchema>;
export type WordCloud = z.infer<typeof wordCloudSchema>;

/**
 * Results the régie reveals on the phones (the régie's tally is the reference: the hub shows it
 * as sent). Poll: one count per option. Rating: one count per value from min to max.
 */
export const resultsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('poll'),
    interactionId: idSchema,
    counts: z.array(countSchema).max(MAX.pollOptions),
    total: countSchema,
  }),
  z.strictObject({
    kind: z.literal('rating'),
    interactionId: idSchema,
    counts: z.array(countSchema).max(11),
    total: countSchema,
  }),
  z.strictObject({
    kind: z.literal('cloud'),
    interactionId: idSchema,
    words: z.array(z.strictObject({ text: regieText('mot', MAX.word * 2), count: countSchema })).max(MAX.resultWords),
  }),
]);
export type Results = z.infer<typeof resultsSchema>;
