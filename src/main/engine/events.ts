import { z } from 'zod';
import { cueEventSchema } from '../../shared/domain/cue-events';
import { delayEntrySchema } from '../../shared/domain/delays';
import { lastGoSchema } from '../../shared/domain/go-undo';
import { programmeSchema } from '../../shared/domain/programme';
import { sceneSchema, transitionSchema } from '../../shared/domain/scene';
import { audienceMessageSchema } from '../../shared/protocol/audience-messages';

/**
 * Journal events: facts that happened, in the past tense. The journal stores them as JSON and
 * they are validated again when read back (the disk is a trust boundary too).
 */
export const clockSettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('live') }),
  z.strictObject({ mode: z.literal('rehearsal'), offsetMs: z.number().int() }),
]);

const instant = z.number();

export const regieEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('programme.loaded'), programme: programmeSchema, source: z.string().optional() }),
  z.strictObject({ type: z.literal('clock.set'), clock: clockSettingSchema }),
  /** The programme after an edit of a cue or an interaction (`change` says which, for the log). */
  z.strictObject({ type: z.literal('programme.edited'), programme: programmeSchema, change: z.string() }),
  z.strictObject({ type: z.literal('edit.locked'), locked: z.boolean() }),
  // The program bus. `cueId`: put there by that cue.
  z.strictObject({ type: z.literal('program.previewed'), scene: sceneSchema.nullable(), cueId: z.string().optional() }),
  /**
   * On air. `emptyPreview`: a TAKE (the preview is emptied; what was on air is kept aside as
   * « déjà à l'antenne avant »). `swap`, in journals written before: a TAKE that swapped preview
   * and programme (the preview got what was on air). Neither: a cue's scene straight to air.
   */
  z.strictObject({
    type: z.literal('program.taken'),
    scene: sceneSchema,
    transition: transitionSchema,
    swap: z.boolean(),
    emptyPreview: z.literal(true).optional(),
    cueId: z.string().optional(),
    at: instant,
  }),
  z.strictObject({ type: z.literal('program.panicked'), to: z.enum(['holding', 'black']), at: instant }),
  z.strictObject({ type: z.literal('program.restored'), at: instant }),
  z.strictObject({ type: z.literal('program.locked'), locked: z.boolean() }),
  z.strictObject({ type: z.literal('program.transition.set'), transition: transitionSchema }),
  z.strictObject({ type: z.literal('log.noted'), text: z.string() }),
  z.strictObject({ type: z.literal('join.chosen'), url: z.string().nullable() }),
  z.strictObject({ type: z.literal('stage.message.set'), text: z.string().nullable(), at: instant }),
  // The run of show: the cue engine's own events (src/shared/domain/cue-events.ts), verbatim.
  ...cueEventSchema.options,
  z.strictObject({ type: z.literal('cue.reset'), at: instant }),
  /** A GO was accepted: what the show looked like just before, to undo it (src/shared/domain/go-undo.ts). */
  z.strictObject({ type: z.literal('go.recorded'), lastGo: lastGoSchema }),
  /** The GO on `cueId` was undone (its inverse events precede this one); `kept`: what could not be. */
  z.strictObject({ type: z.literal('go.undone'), cueId: z.string(), at: instant, kept: z.array(z.string()) }),
  /** `entry.at` is real time (it orders the entries); `showAt` is the show clock, for the as-run log. */
  z.strictObject({ type: z.literal('delay.set'), entry: delayEntrySchema, showAt: instant.optional() }),
  z.strictObject({ type: z.literal('delay.cleared'), sessionId: z.string(), at: instant }),
  z.strictObject({ type: z.literal('session.marked'), sessionId: z.string(), edge: z.enum(['start', 'end']), at: instant, plannedAt: instant }),
  // What fired cues do to the audience side.
  z.strictObject({ type: z.literal('interaction.opened'), interactionId: z.string(), at: instant }),
  z.strictObject({ type: z.literal('interaction.closed'), interactionId: z.string(), at: instant }),
  z.strictObject({ type: z.literal('interaction.revealed'), interactionId: z.string(), at: instant }),
  /** The results leave the projector and the phones again (after a reveal, or before one). */
  z.strictObject({ type: z.literal('interaction.hidden'), interactionId: z.string(), at: instant }),
  /** A poll starts again from zero: its votes are forgotten (the journal keeps them), back to draft. */
  z.strictObject({ type: z.literal('interaction.reset'), interactionId: z.string(), at: instant }),
  z.strictObject({ type: z.literal('qa.opened'), at: instant, sessionId: z.string().nullable(), roomOnly: z.boolean() }),
  z.strictObject({ type: z.literal('qa.closed'), at: instant }),
  // From the audience hub, deduplicated by msgId before it is journaled.
  z.strictObject({
    type: z.literal('audience.received'),
    hubId: z.string(),
    message: audienceMessageSchema,
    /** Moderation flags of a question, computed when it arrived (with the lists of that moment). */
    flags: z.array(z.strictObject({ kind: z.enum(['profanity', 'email', 'phone', 'name', 'long']), match: z.string() })).optional(),
  }),
  // Screening (the Q&A desk).
  z.strictObject({ type: z.literal('question.status.set'), questionId: z.string(), status: z.enum(['incoming', 'approved', 'rejected', 'answered']) }),
  z.strictObject({ type: z.literal('question.edited'), questionId: z.string(), text: z.string() }),
  z.strictObject({ type: z.literal('question.merged'), questionId: z.string(), intoId: z.string() }),
  z.strictObject({ type: z.literal('question.ranked'), questionId: z.string(), rank: z.number().nullable() }),
  z.strictObject({ type: z.literal('question.flags.cleared'), questionId: z.string() }),
  /** New flags for a question still to be screened or not yet answered, from lists the organisers extended. */
  z.strictObject({
    type: z.literal('question.flags.added'),
    questionId: z.string(),
    flags: z.array(z.strictObject({ kind: z.enum(['profanity', 'email', 'phone', 'name', 'long']), match: z.string() })),
  }),
  z.strictObject({
    type: z.literal('question.added'),
    text: z.string(),
    name: z.string().nullable(),
    sessionId: z.string().nullable(),
    at: instant,
    flags: z.array(z.strictObject({ kind: z.enum(['profanity', 'email', 'phone', 'name', 'long']), match: z.string() })),
  }),
  // Word clouds' moderation (keys from src/shared/domain/french-words.ts).
  z.strictObject({ type: z.literal('words.banned'), cloudId: z.string(), key: z.string(), spelling: z.string() }),
  z.strictObject({ type: z.literal('words.unbanned'), cloudId: z.string(), key: z.string() }),
  z.strictObject({ type: z.literal('words.merged'), cloudId: z.string(), from: z.string(), into: z.string() }),
  z.strictObject({ type: z.literal('words.unmerged'), cloudId: z.string(), key: z.string() }),
  z.strictObject({ type: z.literal('words.allowed'), cloudId: z.string(), key: z.string(), spelling: z.string() }),
  z.strictObject({ type: z.literal('moderation.lists.set'), badWords: z.array(z.string()), names: z.array(z.string()), allowed: z.array(z.string()) }),
]);
export type RegieEvent = z.infer<typeof regieEventSchema>;

/** What the journal row adds around an event. */
export interface EventMeta {
  seq: number;
  at: number;
  actor: string;
}

export class CorruptJournalError extends Error {
  constructor(seq: number, detail: string) {
    super(`Journal illisible à l'événement n° ${seq} : ${detail}`);
    this.name = 'CorruptJournalError';
  }
}

export function parseJournalEvent(seq: number, payload: string): RegieEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    throw new CorruptJournalError(seq, 'JSON invalide');
  }
  const parsed = regieEventSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptJournalError(seq, parsed.error.issues[0]?.message ?? 'schéma');
  return parsed.data;
}
