import { z } from 'zod';
import { hubErrorSchema } from './errors';
import { countSchema, idSchema, regieText } from './fields';
import { interactionSchema, resultsSchema } from './interactions';
import { MAX } from './limits';

/**
 * What participants see, sent by the hub on `/participant`: the full `state` in the answer to
 * `join` (and on `resync`), then `patch`es. Each patch says the revision it applies to; a phone
 * that holds another revision asks for `resync`. Every op sets a value (idempotent): applying a
 * patch whose content the state already has changes nothing.
 */

export const publishedQuestionSchema = z.strictObject({
  id: idSchema,
  text: regieText('question', MAX.questionText),
  name: z.string().max(MAX.name).nullable(),
  votes: countSchema,
  publishedAt: z.number().int().min(0),
});
export type PublishedQuestion = z.infer<typeof publishedQuestionSchema>;

export const qaStateSchema = z.strictObject({
  open: z.boolean(),
  /** Questions from participants in the room only (workshops). */
  roomOnly: z.boolean(),
  sessionId: idSchema.nullable(),
});
export type QaState = z.infer<typeof qaStateSchema>;

export const audienceStateSchema = z.strictObject({
  protocol: z.number().int(),
  rev: z.number().int().min(0),
  /** The interaction open now (a poll, a rating or a word cloud), or none. */
  interaction: interactionSchema.nullable(),
  /** Results the régie chose to show on the phones, or none. */
  results: resultsSchema.nullable(),
  qa: qaStateSchema,
  /** Published questions, newest first, at most MAX.publishedQuestions. */
  questions: z.array(publishedQuestionSchema).max(MAX.publishedQuestions),
  notice: z.string().max(MAX.notice).nullable(),
});
export type AudienceState = z.infer<typeof audienceStateSchema>;

export const patchOpSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('interaction'), value: interactionSchema.nullable() }),
  z.strictObject({ op: z.literal('results'), value: resultsSchema.nullable() }),
  z.strictObject({ op: z.literal('qa'), value: qaStateSchema }),
  z.strictObject({ op: z.literal('notice'), value: z.string().max(MAX.notice).nullable() }),
  /** Add a published question (at the top) or replace the one with the same id where it is. */
  z.strictObject({ op: z.literal('question'), value: publishedQuestionSchema }),
  z.strictObject({ op: z.literal('question.remove'), id: idSchema }),
  z.strictObject({ op: z.literal('questions.clear') }),
  /** Current vote counts of some published questions. */
  z.strictObject({ op: z.literal('votes'), counts: z.array(z.tuple([idSchema, countSchema])).max(MAX.publishedQuestions) }),
]);
export type PatchOp = z.infer<typeof patchOpSchema>;

export const audiencePatchSchema = z.strictObject({
  fromRev: z.number().int().min(0),
  rev: z.number().int().min(0),
  ops: z.array(patchOpSchema).max(100),
});
export type AudiencePatch = z.infer<typeof audiencePatchSchema>;

/** What this participant already did, so that a reloaded page shows it (sent with `join`). */
export const mineSchema = z.strictObject({
  /** Their vote in the open poll or rating. */
  vote: z.strictObject({ pollId: idSchema, choices: z.array(z.number().int()).nullable(), rating: z.number().int().nullable() }).nullable(),
  /** Published questions they upvoted. */
  upvoted: z.array(idSchema).max(MAX.publishedQuestions),
  /** Words they sent to the open cloud (cleaned, lower case). */
  words: z.array(z.string().max(MAX.word)).max(MAX.wordsPerParticipant),
});
export type Mine = z.infer<typeof mineSchema>;

export const joinAckSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    protocol: z.number().int(),
    participantId: z.string(),
    state: audienceStateSchema,
    mine: mineSchema,
  }),
  z.strictObject({ ok: z.literal(false), error: hubErrorSchema }),
]);
export type JoinAck = z.infer<typeof joinAckSchema>;

/** Applies a patch's ops to a state (pure). The caller checks `fromRev` first. */
export function applyPatch(state: AudienceState, patch: AudiencePatch): AudienceState {
  let next: AudienceState = { ...state, rev: patch.rev };
  for (const op of patch.ops) next = applyOp(next, op);
  return next;
}

function applyOp(state: AudienceState, op: PatchOp): AudienceState {
  switch (op.op) {
    case 'interaction':
      return { ...state, interaction: op.value };
    case 'results':
      return { ...state, results: op.value };
    case 'qa':
      return { ...state, qa: op.value };
    case 'notice':
      return { ...state, notice: op.value };
    case 'question': {
      const at = state.questions.findIndex((q) => q.id === op.value.id);
      if (at >= 0) return { ...state, questions: state.questions.map((q, i) => (i === at ? op.value : q)) };
      return { ...state, questions: [op.value, ...state.questions].slice(0, MAX.publishedQuestions) };
    }
    case 'question.remove':
      return { ...state, questions: state.questions.filter((q) => q.id !== op.id) };
    case 'questions.clear':
      return { ...state, questions: [] };
    case 'votes': {
      const counts = new Map(op.counts);
      return { ...state, questions: state.questions.map((q) => (counts.has(q.id) ? { ...q, votes: counts.get(q.id) ?? q.votes } : q)) };
    }
  }
}
