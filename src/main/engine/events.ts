import { z } from 'zod';
import { cueEventSchema } from '../../shared/domain/cue-events';
import { delayEntrySchema } from '../../shared/domain/delays';
import { lastGoSchema } from '../../shared/domain/go-undo';
import { programmeSchema } from '../../shared/domain/programme';
import { sceneSchema, transitionSchema } from '../../shared/domain/scene';
import { audienceMessageSchema } from '../../shared/protocol/audience-messages';
import { questionFields } from '../../shared/api/state';
import { personalDataKinds } from '../../shared/domain/personal-data';
import { legacyFlagSchema } from './legacy-flags';
import { ROOM_ID_PATTERN } from '../../shared/domain/rooms';

/**
 * Journal events: facts that happened, in the past tense. The journal stores them as JSON and
 * they are validated again when read back (the disk is a trust boundary too).
 */
export const clockSettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('live') }),
  z.strictObject({ mode: z.literal('rehearsal'), offsetMs: z.number().int() }),
]);

const instant = z.number();
/**
 * The room an event happened in (docs/rooms.md § 2). Written by today's code; absent in a
 * journal written before rooms, where it means the main room.
 */
const room = { room: z.string().regex(ROOM_ID_PATTERN).optional() };

/** A span of personal data, as the detector gives it (src/shared/domain/personal-data.ts). */
const spanSchema = z.strictObject({
  kind: z.enum(personalDataKinds),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  match: z.string(),
});
/** A finding in a question: the span and the field it stands in (its text, its edit, its author's name). */
export const findingSchema = spanSchema.extend({ field: z.enum(questionFields) });
/** A word-cloud word held back from the projector and the phones, and why. */
const heldWordSchema = z.strictObject({ word: z.string(), kind: z.enum(personalDataKinds) });

export const regieEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('programme.loaded'), programme: programmeSchema, source: z.string().optional() }),
  z.strictObject({ type: z.literal('clock.set'), clock: clockSettingSchema }),
  /** The programme after an edit of a cue or an interaction (`change` says which, for the log). */
  z.strictObject({ type: z.literal('programme.edited'), programme: programmeSchema, change: z.string() }),
  z.strictObject({ type: z.literal('edit.locked'), locked: z.boolean() }),
  // The program bus of `room` (absent, in a journal written before rooms: the main room's). `cueId`: put there by that cue.
  z.strictObject({ type: z.literal('program.previewed'), scene: sceneSchema.nullable(), cueId: z.string().optional(), ...room }),
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
    ...room,
  }),
  z.strictObject({ type: z.literal('program.panicked'), to: z.enum(['holding', 'black']), at: instant, ...room }),
  z.strictObject({ type: z.literal('program.restored'), at: instant, ...room }),
  z.strictObject({ type: z.literal('program.locked'), locked: z.boolean(), ...room }),
  z.strictObject({ type: z.literal('program.transition.set'), transition: transitionSchema, ...room }),
  z.strictObject({ type: z.literal('log.noted'), text: z.string() }),
  /**
   * This régie leads from here on, at this epoch (docs/standby.md): written by a standby taking
   * over (« Prendre la main »), the last epoch + 1. A journal without one is at epoch 0.
   */
  z.strictObject({ type: z.literal('epoch.begun'), epoch: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('join.chosen'), url: z.string().nullable() }),
  /** `findings`: personal data the régie's own text holds, sent anyway once the moderator confirmed it. */
  z.strictObject({ type: z.literal('stage.message.set'), text: z.string().nullable(), at: instant, findings: z.array(spanSchema).optional(), ...room }),
  // The run of show: the cue engine's own events (src/shared/domain/cue-events.ts), verbatim.
  ...cueEventSchema.options,
  z.strictObject({ type: z.literal('cue.reset'), at: instant }),
  /** A GO was accepted: what the show looked like just before, to undo it (src/shared/domain/go-undo.ts). */
  z.strictObject({ type: z.literal('go.recorded'), lastGo: lastGoSchema, ...room }),
  /** The GO on `cueId` was undone (its inverse events precede this one); `kept`: what could not be. */
  z.strictObject({ type: z.literal('go.undone'), cueId: z.string(), at: instant, kept: z.array(z.string()), ...room }),
  /** `entry.at` is real time (it orders the entries); `showAt` is the show clock, for the as-run log. */
  z.strictObject({ type: z.literal('delay.set'), entry: delayEntrySchema, showAt: instant.optional() }),
  z.strictObject({ type: z.literal('delay.cleared'), sessionId: z.string(), at: instant }),
  z.strictObject({ type: z.literal('session.marked'), sessionId: z.string(), edge: z.enum(['start', 'end']), at: instant, plannedAt: instant }),
  // What fired cues do to the audience side.
  z.strictObject({ type: z.literal('interaction.opened'), interactionId: z.string(), at: instant, ...room }),
  z.strictObject({ type: z.literal('interaction.closed'), interactionId: z.string(), at: instant }),
  z.strictObject({ type: z.literal('interaction.revealed'), interactionId: z.string(), at: instant }),
  /** The results leave the projector and the phones again (after a reveal, or before one). */
  z.strictObject({ type: z.literal('interaction.hidden'), interactionId: z.string(), at: instant }),
  /** A poll starts again from zero: its votes are forgotten (the journal keeps them), back to draft. */
  z.strictObject({ type: z.literal('interaction.reset'), interactionId: z.string(), at: instant, ...room }),
  z.strictObject({ type: z.literal('qa.opened'), at: instant, sessionId: z.string().nullable(), roomOnly: z.boolean(), ...room }),
  z.strictObject({ type: z.literal('qa.closed'), at: instant, ...room }),
  // From the audience hub, deduplicated by msgId before it is journaled.
  z.strictObject({
    type: z.literal('audience.received'),
    hubId: z.string(),
    message: audienceMessageSchema,
    /** Before issue 15: a question's flags or a word's, computed when it arrived (read, never written). */
    flags: z.array(legacyFlagSchema).optional(),
    /** The personal data of a question (its text and its author's name), found when it arrived with the lists of that moment. */
    findings: z.array(findingSchema).optional(),
    /** The words of a `words.send` held back from the projector and the phones, and why. */
    held: z.array(heldWordSchema).optional(),
  }),
  // Screening (the Q&A desk).
  z.strictObject({ type: z.literal('question.status.set'), questionId: z.string(), status: z.enum(['incoming', 'approved', 'rejected', 'answered']) }),
  /** `findings`: what the detector found in the new text (field `edit`); absent in an older journal. */
  z.strictObject({ type: z.literal('question.edited'), questionId: z.string(), text: z.string(), findings: z.array(findingSchema).optional() }),
  z.strictObject({ type: z.literal('question.merged'), questionId: z.string(), intoId: z.string() }),
  z.strictObject({ type: z.literal('question.ranked'), questionId: z.string(), rank: z.number().nullable() }),
  z.strictObject({ type: z.literal('question.flags.cleared'), questionId: z.string() }),
  /** Before issue 15: new flags (an edit's, or the organisers' lists grew). Read, never written. */
  z.strictObject({ type: z.literal('question.flags.added'), questionId: z.string(), flags: z.array(legacyFlagSchema) }),
  /** New findings for a question still to be screened or approved, from lists the organisers extended: to be read again. */
  z.strictObject({ type: z.literal('question.findings.added'), questionId: z.string(), findings: z.array(findingSchema).min(1) }),
  /**
   * Spans replaced by their labels (« [prénom] ») in what every view gets, publishes, projects and
   * exports; the journal keeps the original (the events that brought the text, and `spans[].match`).
   */
  z.strictObject({ type: z.literal('question.redacted'), questionId: z.string(), spans: z.array(findingSchema).min(1) }),
  /** The latest redaction of the question taken back (the desk's undo). */
  z.strictObject({ type: z.literal('question.unredacted'), questionId: z.string() }),
  z.strictObject({
    type: z.literal('question.added'),
    text: z.string(),
    name: z.string().nullable(),
    sessionId: z.string().nullable(),
    at: instant,
    /** Absent in an older journal: its session's room, else the main room (as an audience question). */
    ...room,
    /** Before issue 15 (read, never written). */
    flags: z.array(legacyFlagSchema).optional(),
    findings: z.array(findingSchema).optional(),
  }),
  // Word clouds' moderation (keys from src/shared/domain/french-words.ts).
  z.strictObject({ type: z.literal('words.banned'), cloudId: z.string(), key: z.string(), spelling: z.string() }),
  z.strictObject({ type: z.literal('words.unbanned'), cloudId: z.string(), key: z.string() }),
  z.strictObject({ type: z.literal('words.merged'), cloudId: z.string(), from: z.string(), into: z.string() }),
  z.strictObject({ type: z.literal('words.unmerged'), cloudId: z.string(), key: z.string() }),
  z.strictObject({ type: z.literal('words.allowed'), cloudId: z.string(), key: z.string(), spelling: z.string() }),
  z.strictObject({ type: z.literal('moderation.lists.set'), badWords: z.array(z.string()), names: z.array(z.string()), allowed: z.array(z.string()) }),
  // Personal codes (src/main/codes): counts and fingerprints only — never a code, never a hash.
  /** A list imported, replacing the one before: its distinct codes, the duplicates left out, its fingerprint (null once purged). */
  z.strictObject({
    type: z.literal('codes.imported'),
    count: z.number().int().min(1),
    duplicates: z.number().int().min(0),
    digest: z.string().regex(/^[0-9a-f]{12}$/).nullable(),
  }),
  z.strictObject({ type: z.literal('codes.cleared') }),
  /** A code freed for another phone; `hashPrefix`: its hash's first 8 characters, to trace it (null once purged). */
  z.strictObject({ type: z.literal('code.released'), hashPrefix: z.string().regex(/^[0-9a-f]{8}$/).nullable() }),
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
