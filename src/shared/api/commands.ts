import { z } from 'zod';
import { cueSchema } from '../domain/cue';
import { interactionSchema } from '../domain/interaction';
import { personalDataKinds } from '../domain/personal-data';
import { programmeSchema } from '../domain/programme';
import { ROOM_ID_PATTERN } from '../domain/rooms';
import { sceneSchema, transitionSchema } from '../domain/scene';
import { roomIdSchema } from '../protocol/rooms';

/**
 * Commands the views send to the core. Each is a zod schema; the union is validated at the
 * boundary and the engine switches over `type` exhaustively.
 */

export const MAX_NOTE_LENGTH = 2000;

export const loadProgrammeCommand = z.strictObject({
  type: z.literal('programme.load'),
  programme: programmeSchema,
});

/** Live: the machine's clock. Rehearsal: a clock that showed `at` when it was set, and runs on. */
export const setClockCommand = z.strictObject({
  type: z.literal('clock.set'),
  clock: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('live') }),
    z.strictObject({ mode: z.literal('rehearsal'), at: z.number().int().min(0).max(8.64e15) }),
  ]),
});

/** The operators' logbook ("main courante"): what happened, written as it happens. */
export const addNoteCommand = z.strictObject({
  type: z.literal('log.note'),
  text: z.string().trim().min(1, 'note vide').max(MAX_NOTE_LENGTH, `note trop longue (${MAX_NOTE_LENGTH} caractères au plus)`),
});

/** A programme file chosen by the operator (YAML, JSON, iCalendar or CSV), read by the core: all or nothing. */
export const importProgrammeCommand = z.strictObject({
  type: z.literal('programme.import'),
  fileName: z.string().trim().min(1).max(255),
  content: z.string().max(1024 * 1024, 'fichier trop grand (1 Mio au plus)'),
});

const cueId = z.string().min(1).max(64);
/** The room a live command acts in (docs/rooms.md § 2); absent: where it belongs, else the main room. */
const roomId = z.string().regex(ROOM_ID_PATTERN, 'salle : identifiant de 1 à 40 caractères [a-z0-9-]');
const sessionId = z.string().min(1).max(64);

/**
 * GO: the standby cue, or a given one (a missed cue fired by hand). A GO out of order (not the
 * cue due next: src/shared/domain/cue-order.ts) is refused unless `outOfOrder` says the operator
 * confirmed it.
 */
/**
 * Each room has its own standby (src/shared/domain/cue-rooms.ts): `room` names whose standby a GO
 * without `cueId` fires (absent: the main room's); with `cueId`, the cue's room is the one, and a
 * `room` that is not the cue's is refused.
 */
export const goCommand = z.strictObject({
  type: z.literal('cue.go'),
  cueId: cueId.optional(),
  outOfOrder: z.literal(true).optional(),
  room: roomId.optional(),
});
/** A cue back to waiting, on standby (its room's): fired, skipped, missed or passed, it can be fired again. */
export const rearmCueCommand = z.strictObject({ type: z.literal('cue.rearm'), cueId });
/**
 * Undoes the last GO (the one on `cueId`: a stale undo never undoes another), where its effects
 * can be reversed (src/shared/domain/go-undo.ts). Past a minute, only `confirmed`.
 */
export const undoGoCommand = z.strictObject({ type: z.literal('cue.undo'), cueId, confirmed: z.literal(true).optional() });
/** Moves `room`'s standby (absent: the main room's). */
export const standbyMoveCommand = z.strictObject({ type: z.enum(['cue.next', 'cue.previous']), room: roomId.optional() });
export const skipCueCommand = z.strictObject({ type: z.literal('cue.skip'), cueId });
/** Holds or releases `room`'s cues (absent: the main room's); the other rooms' auto cues go on. */
export const holdCommand = z.strictObject({ type: z.enum(['cue.hold', 'cue.release']), room: roomId.optional() });
/** Rehearsal: forget which cues ran (the journal keeps it all). */
export const resetCuesCommand = z.strictObject({ type: z.literal('cue.reset') });

/** "We are running 12 minutes late" on a session: what follows moves, breaks absorb. 0 = on time again. */
export const setDelayCommand = z.strictObject({ type: z.literal('delay.set'), sessionId, minutes: z.int().min(-240).max(720) });
/** Takes back the delays entered on a session. */
export const clearDelayCommand = z.strictObject({ type: z.literal('delay.clear'), sessionId });
/** The session really starts or ends now (as-run log). */
export const markSessionCommand = z.strictObject({ type: z.literal('session.mark'), sessionId, edge: z.enum(['start', 'end']) });

/**
 * The address participants join at (QR code, join screen): one of the addresses the hub offers
 * (the machine has several networks) or a public one (a remote hub). null: the first offered.
 */
export const chooseJoinUrlCommand = z.strictObject({
  type: z.literal('join.choose'),
  url: z
    .string()
    .trim()
    .max(300)
    .refine((u) => /^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/.test(u), 'adresse http(s) attendue')
    .nullable(),
});

/** Preparing the show: cues and interactions are edited in the programme, all checks applied. */
export const saveCueCommand = z.strictObject({
  type: z.literal('edit.cue.save'),
  sessionId,
  cue: cueSchema,
  /** The id the cue had before (renaming or moving it); absent for a new cue. */
  previousId: cueId.optional(),
});
export const deleteCueCommand = z.strictObject({ type: z.literal('edit.cue.delete'), cueId });
export const saveInteractionCommand = z.strictObject({
  type: z.literal('edit.interaction.save'),
  interaction: interactionSchema,
  previousId: z.string().min(1).max(64).optional(),
});
export const deleteInteractionCommand = z.strictObject({ type: z.literal('edit.interaction.delete'), interactionId: z.string().min(1).max(64) });
/** Show mode: the programme is locked (no edit, no import) until unlocked. Shared by every seat. */
export const lockEditsCommand = z.strictObject({ type: z.literal('edit.lock'), locked: z.boolean() });

/**
 * The room a bus command drives (docs/rooms.md § 2): each room has its own program bus and stage
 * message. Absent (an older client, the desk of the main room): the main room.
 */
const room = roomIdSchema.optional();

/** The program bus: compose in preview, TAKE to the projector, panic and restore, lock. */
export const previewSceneCommand = z.strictObject({ type: z.literal('program.preview'), scene: sceneSchema.nullable(), room });
export const takeCommand = z.strictObject({ type: z.literal('program.take'), transition: transitionSchema.optional(), room });
export const panicCommand = z.strictObject({ type: z.literal('program.panic'), to: z.enum(['holding', 'black']).optional(), room });
export const restoreCommand = z.strictObject({ type: z.literal('program.restore'), room });
export const lockProgramCommand = z.strictObject({ type: z.literal('program.lock'), locked: z.boolean(), room });
export const setTransitionCommand = z.strictObject({ type: z.literal('program.transition'), transition: transitionSchema, room });

const listWord = z.string().trim().min(2).max(60);
/** The organisers' moderation lists, added to the built-in ones (they apply to questions received from then on, and flag again the pending ones that hold a new entry). */
export const moderationListsCommand = z.strictObject({
  type: z.literal('moderation.lists'),
  badWords: z.array(listWord).max(2000),
  names: z.array(listWord).max(5000),
  allowed: z.array(listWord).max(2000),
});

/** Screening the audience's questions (the Q&A desk). Every action is journaled with the seat that did it. */
const questionId = z.string().regex(/^q-\d{1,12}$/, 'identifiant de question attendu (q-…)');
export const questionCommands = [
  z.strictObject({ type: z.literal('question.approve'), questionId }),
  z.strictObject({ type: z.literal('question.reject'), questionId }),
  /** Back to « à trier » (undo of approve, reject, answered). */
  z.strictObject({ type: z.literal('question.reopen'), questionId }),
  z.strictObject({ type: z.literal('question.edit'), questionId, text: z.string().trim().min(1, 'texte vide').max(500, 'texte trop long (500 caractères au plus)') }),
  /** The question joins another: its askers and votes are added there; it leaves the phones. */
  z.strictObject({ type: z.literal('question.merge'), questionId, intoId: questionId }),
  z.strictObject({ type: z.literal('question.star'), questionId, starred: z.boolean() }),
  /** Shortlist order: put it before another starred question, or last (null). */
  z.strictObject({ type: z.literal('question.move'), questionId, beforeId: questionId.nullable() }),
  z.strictObject({ type: z.literal('question.answered'), questionId, answered: z.boolean() }),
  /** A moderator read the flagged question and lets it through (names, phone…): it may be projected. */
  z.strictObject({ type: z.literal('question.clear-flags'), questionId }),
  /**
   * Redact: a span of the question's text, of its edit or of its author's name (null: every
   * finding at once) is replaced by its label (« [prénom] ») in what is shown, published, projected
   * and exported; the journal keeps the original. A span the detector did not find needs its kind.
   */
  z.strictObject({
    type: z.literal('question.redact'),
    questionId,
    span: z
      .strictObject({
        field: z.enum(['text', 'edit', 'name']),
        start: z.number().int().min(0).max(1000),
        end: z.number().int().min(1).max(1000),
        kind: z.enum(personalDataKinds).optional(),
      })
      .refine((s) => s.end > s.start, 'passage vide')
      .nullable(),
  }),
  /** Takes back the question's latest redaction (the desk's undo). */
  z.strictObject({ type: z.literal('question.unredact'), questionId }),
  /** Typed in at the desk: from a microphone in the room or a paper card. */
  z.strictObject({
    type: z.literal('question.add'),
    text: z.string().trim().min(1, 'texte vide').max(500, 'texte trop long (500 caractères au plus)'),
    name: z.string().trim().min(1).max(60).nullable(),
    sessionId: z.string().min(1).max(64).nullable(),
    room: roomId.optional(),
  }),
] as const;

/**
 * Live polls and word clouds from the desk (cues do the same): open, close, show the results,
 * hide them again, start a poll again from zero (reset: polls only, once closed).
 */
export const interactionLiveCommand = z.strictObject({
  type: z.enum(['interaction.open', 'interaction.close', 'interaction.reveal', 'interaction.hide', 'interaction.reset']),
  interactionId: z.string().min(1).max(64),
  /** Where it opens (open only; the others act where it runs): absent, where it ran last or its session's room. */
  room: roomId.optional(),
});
/** A poll or word cloud made on the spot during the show (allowed in show mode: it only adds), opened at once if asked. */
export const createInteractionCommand = z.strictObject({
  type: z.literal('interaction.create'),
  interaction: interactionSchema,
  open: z.boolean(),
  room: roomId.optional(),
});

/**
 * Moderating a word cloud's words (by the word as shown or its normalised key): ban (it leaves the
 * cloud and is refused afterwards) and take back, merge one word into another and undo, release a
 * word held back by the moderation lists (profanity, a name).
 */
const cloudId = z.string().min(1).max(64);
const cloudWord = z.string().trim().min(1, 'mot vide').max(200);
export const wordCommands = [
  z.strictObject({ type: z.literal('words.ban'), cloudId, word: cloudWord }),
  z.strictObject({ type: z.literal('words.unban'), cloudId, word: cloudWord }),
  z.strictObject({ type: z.literal('words.merge'), cloudId, from: cloudWord, into: cloudWord }),
  z.strictObject({ type: z.literal('words.unmerge'), cloudId, word: cloudWord }),
  z.strictObject({ type: z.literal('words.allow'), cloudId, word: cloudWord }),
] as const;

/**
 * A message to the facilitator on stage (their tablet); null clears it. A text holding personal
 * data is refused with the reason until the moderator confirms it (`confirmed`).
 */
export const STAGE_MESSAGE_CONFIRM_PATH = 'confirmed';
export const stageMessageCommand = z.strictObject({
  type: z.literal('stage.message'),
  text: z.string().trim().min(1).max(300).nullable(),
  confirmed: z.boolean().optional(),
  /** The room whose stage tablet gets it; absent: the main room's. */
  room: roomIdSchema.optional(),
});

export const commandSchema = z.discriminatedUnion('type', [
  stageMessageCommand,
  interactionLiveCommand,
  createInteractionCommand,
  ...questionCommands,
  ...wordCommands,
  moderationListsCommand,
  previewSceneCommand,
  takeCommand,
  panicCommand,
  restoreCommand,
  lockProgramCommand,
  setTransitionCommand,
  saveCueCommand,
  deleteCueCommand,
  saveInteractionCommand,
  deleteInteractionCommand,
  lockEditsCommand,
  chooseJoinUrlCommand,
  loadProgrammeCommand,
  importProgrammeCommand,
  setClockCommand,
  addNoteCommand,
  goCommand,
  rearmCueCommand,
  undoGoCommand,
  standbyMoveCommand,
  skipCueCommand,
  holdCommand,
  resetCuesCommand,
  setDelayCommand,
  clearDelayCommand,
  markSessionCommand,
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export const commandTypes: readonly string[] = commandSchema.options.flatMap((o) => {
  const t = o.shape.type;
  return 'options' in t ? [...t.options] : [t.value];
});

/** What travels: an id chosen by the sender (a retry with the same id is applied once), and the command. */
export const commandEnvelopeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'identifiant de commande : 8 à 64 caractères [A-Za-z0-9_-]'),
  command: z.unknown(),
});
export type CommandEnvelope = { id: string; command: Command };
