import { type CueShowState, initialCueShowState } from '../domain/cue-rooms';
import type { DelayEntry } from '../domain/delays';
import type { LastGo } from '../domain/go-undo';
import type { PersonalDataKind, PersonalDataSpan } from '../domain/personal-data';
import type { Programme } from '../domain/programme';
import type { RoomId } from '../domain/rooms';
import type { ProgramState } from '../domain/scene';
import type { StageMessage } from './room-bus';
import type { WordModeration } from '../domain/word-tally';
import { noPersonalCodes, type PersonalCodesState } from './personal-codes';

/** The state the core owns and the views mirror (snapshot, then patches). */

export type ClockSetting = { mode: 'live' } | { mode: 'rehearsal'; offsetMs: number };

export interface LogNote {
  seq: number;
  /** On the show clock (the journal row keeps the real time). */
  at: number;
  author: string;
  text: string;
}

/** One line of the as-run log: what happened, planned against actual (show clock, epoch ms). */
export interface AsRunEntry {
  seq: number;
  kind: 'session.start' | 'session.end' | 'cue.fired' | 'cue.missed' | 'cue.skipped' | 'delay.set' | 'delay.cleared';
  sessionId: string | null;
  cueId: string | null;
  /** The programme's time for it (null for a delay). */
  plannedAt: number | null;
  /** When it happened, on the show clock. */
  actualAt: number;
  author: string;
  detail: string;
  /** The room it happened in: its session's (docs/rooms.md § 6). */
  room: RoomId;
}

/** What the audience is asked right now: prepared interactions opened by cues or by hand. */
export interface InteractionRun {
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
  revealed: boolean;
  /** The régie hid the results again (projector and phones) until the next reveal. */
  hidden?: boolean;
  /** The room whose phones it runs on: one open poll or cloud per room (docs/rooms.md § 2). */
  room: RoomId;
}

/** One room's Q&A: open or closed (`since`: when it last opened or closed), for which session. */
export interface QaState {
  open: boolean;
  since: number | null;
  sessionId: string | null;
  /** Only the participants present in the room may ask (a workshop). */
  roomOnly: boolean;
}

/** A room whose Q&A never opened. */
export const CLOSED_QA: QaState = Object.freeze({ open: false, since: null, sessionId: null, roomOnly: false });

export interface LiveState {
  /** By interaction id (from the programme's `interactions`). */
  interactions: Record<string, InteractionRun>;
  /**
   * Each room's Q&A (a room without an entry: closed). Read it through `qaOf` / `mainQa`
   * (src/shared/api/room-live.ts): several sessions' Q&A may be open at once in different rooms.
   */
  qa: Record<RoomId, QaState>;
}

export type Origin = 'room' | 'remote';
export type ByOrigin = Record<Origin, number>;

export const questionStatuses = ['incoming', 'approved', 'rejected', 'answered', 'merged'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];
/** Why a question or a word is held: the kinds of personal data (src/shared/domain/personal-data.ts). */
export type QuestionFlagKind = PersonalDataKind;

/**
 * Where a finding stands in a question: the participant's text (`text`), the moderator's edit of it
 * (`edit`, when there is one) or the author's display name (`name`).
 */
export const questionFields = ['text', 'edit', 'name'] as const;
export type QuestionField = (typeof questionFields)[number];

/**
 * What the detector found in a question, journaled with it: a span (UTF-16 offsets into the field
 * as the state holds it now), its kind and what it matched. A finding read by a moderator is either
 * cleared with the others (`flagsClearedBy`) or redacted (it leaves `flags`, a label takes its place).
 * An older journal's flag whose match could not be found again has start = end = 0.
 */
export interface QuestionFinding extends PersonalDataSpan {
  field: QuestionField;
}

/** A redaction label in a field (« [prénom] » at [start, end)): the desk tells it from ordinary text. */
export interface RedactionMark {
  field: QuestionField;
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** A question from the audience (or typed in by the régie) and its screening. */
export interface AudienceQuestion {
  /** The régie's id for it (q-<journal seq>). */
  id: string;
  /** The hub's message id; null for a question typed in at the desk. */
  msgId: string | null;
  hubSeq: number | null;
  /** When it came, on the show clock (a rehearsal's clock too); the journal keeps the real time. */
  receivedAt: number;
  /** In the room, remote, or typed in by the régie (a microphone, a paper card). */
  origin: Origin | 'regie';
  /** The display name as sent, its redacted spans replaced by their labels. */
  name: string | null;
  /**
   * As the participant wrote it, kept whatever the edits; its redacted spans replaced by their
   * labels (« [prénom] »): the journal alone keeps the original.
   */
  text: string;
  /** As a moderator edited it (what is published and projected), or null. Redacted like `text`. */
  editedText: string | null;
  sessionId: string | null;
  /** The room it was asked in: the phone's, else its session's, else the main room (docs/rooms.md § 2). */
  room: RoomId;
  upvotes: number;
  /** 1 + the askers of the questions merged into this one. */
  askers: number;
  status: QuestionStatus;
  /** On the shortlist, in the order the moderator set (rank ascending); null when not starred. */
  rank: number | null;
  mergedInto: string | null;
  /**
   * Why a moderator must look at it first: the personal data found in its text, its edit and its
   * author's name (names, contacts, addresses, dates of birth, case numbers, profanity, length).
   */
  flags: QuestionFinding[];
  /** The labels that replaced redacted spans (absent in a snapshot written before redaction existed). */
  redactions?: RedactionMark[];
  /** Who cleared the flags (a moderator's seat); a flagged question cannot be projected before. */
  flagsClearedBy: string | null;
  /** Published to the participants' phones for upvoting. */
  published: boolean;
  /** The last seat that acted on it (the journal keeps every action). */
  lastActionBy: string | null;
}

/** The text a question is shown with: the moderator's edit, else the original. */
export function questionText(q: AudienceQuestion): string {
  return q.editedText ?? q.text;
}

/** A question may reach the projector: approved (or answered), not merged, its flags cleared. */
export function isProjectable(q: AudienceQuestion): boolean {
  return (q.status === 'approved' || q.status === 'answered') && (q.flags.length === 0 || q.flagsClearedBy !== null);
}

/** The organisers' additions to the built-in moderation lists. */
export interface ModerationSettings {
  badWords: string[];
  names: string[];
  /** Words never flagged (a name that is a common word at this event). */
  allowed: string[];
}

/** Live counts of a poll: per choice index (or rating value), split by origin. */
export interface Tally {
  counts: Record<string, ByOrigin>;
  voters: ByOrigin;
}

export interface AudienceState {
  questions: AudienceQuestion[];
  tallies: Record<string, Tally>;
  /** Word cloud id → word as sent → count (normalisation and moderation are issue 6's). */
  words: Record<string, Record<string, number>>;
  /**
   * Words held back from the projector (a given name, profanity): word cloud id → word → why.
   * They are counted, shown to the moderators, and never drawn on the projector.
   */
  heldWords: Record<string, Record<string, PersonalDataKind>>;
  received: number;
}

export interface Ballot {
  choices: number[] | null;
  rating: number | null;
  origin: Origin;
}

/**
 * Each participant's current vote per poll: needed to replace a vote, never sent to the views.
 * poll id → bucket (a hash of the participant id) → participant id → ballot. The buckets keep
 * each immutable update small (about 1/64 of the voters), so 2,000 votes a second stay cheap.
 */
export type Ballots = Record<string, Record<string, Record<string, Ballot>>>;

export interface RegieState {
  programme: Programme | null;
  clock: ClockSetting;
  /** The latest notes of the logbook (older ones stay in the journal). */
  notes: LogNote[];
  notesTotal: number;
  /** "We are running late" entries; the schedule derives from them (src/shared/domain/delays.ts). */
  delays: DelayEntry[];
  /** The run of show, each room its own standby and hold (src/shared/domain/cue-rooms.ts). */
  cues: CueShowState;
  /** Actual start and end of sessions, marked by the operator (show clock). */
  sessionMarks: Record<string, { startedAt: number | null; endedAt: number | null }>;
  asRun: AsRunEntry[];
  live: LiveState;
  audience: AudienceState;
  /** Private to the core (see PRIVATE_SLICES). */
  ballots: Ballots;
  moderation: ModerationSettings;
  /**
   * Word clouds' moderation, by cloud id: banned, merged and released words (by normalised key,
   * src/shared/domain/word-tally.ts). Top level so that a snapshot taken before it existed restores.
   */
  wordModeration: Record<string, WordModeration>;
  /** Word cloud id → how many participants sent words to it, room and remote apart. */
  wordParticipants: Record<string, ByOrigin>;
  /**
   * Private to the core: who sent words to each cloud and which (cloud id → bucket → participant
   * id → the normalised keys they sent), bucketed like `ballots` so that each update stays small.
   * (`true`: a sender recorded before the keys were kept, in an older snapshot.)
   */
  wordSenders: Record<string, Record<string, Record<string, readonly string[] | true>>>;
  /**
   * Private to the core: what a redaction replaced, for its undo (question id → the latest
   * redactions, newest last). The originals of redacted texts live here and in the journal, never
   * in what the views receive. Top level so that a snapshot taken before it existed restores.
   */
  redactionUndo: Record<string, RedactionStep[]>;
  /**
   * Each room's projector: preview, on air, panic, lock (src/shared/domain/scene.ts), by room id.
   * A room without an entry shows the initial bus; read through `programOf` (room-bus.ts).
   */
  programs: Record<RoomId, ProgramState>;
  /** Each room's last GO and what its show looked like before it, until it is undone or another GO comes there. */
  lastGos: Record<RoomId, LastGo>;
  /** A message from the régie to a room's facilitator tablet (« Plus que 5 minutes »), by room id. */
  stageMessages: Record<RoomId, StageMessage>;
  /** Show mode: the programme cannot be edited or replaced until unlocked. */
  editLocked: boolean;
  /** The address participants join at, as chosen by the operator (null: the hub's first). */
  joinUrl: string | null;
  /** Where the régie is in the hub's stream: the last audience message committed. */
  hubCursor: { hubId: string | null; lastHubSeq: number };
  /** The remote attendees' personal codes: how many, when imported (src/shared/api/personal-codes.ts). */
  personalCodes: PersonalCodesState;
}

/** The screening fields of a question that a redaction changes. */
export type RedactableQuestion = Pick<AudienceQuestion, 'text' | 'editedText' | 'name' | 'flags' | 'redactions' | 'flagsClearedBy'>;

/** One redaction of a question: what it was before (restored by an undo) and after (an undo checks nothing changed since). */
export interface RedactionStep {
  before: RedactableQuestion;
  after: Pick<AudienceQuestion, 'text' | 'editedText' | 'name' | 'flags'>;
}

/** Slices the core keeps for itself: never in a snapshot or a patch. */
export const PRIVATE_SLICES = ['ballots', 'wordSenders', 'redactionUndo'] as const satisfies readonly (keyof RegieState)[];
export type ViewState = Omit<RegieState, (typeof PRIVATE_SLICES)[number]>;

export const NOTES_KEPT_IN_STATE = 200;
export const AS_RUN_KEPT_IN_STATE = 2000;

export function initialState(): RegieState {
  return {
    programme: null,
    clock: { mode: 'live' },
    notes: [],
    notesTotal: 0,
    delays: [],
    cues: initialCueShowState(),
    sessionMarks: {},
    asRun: [],
    live: { interactions: {}, qa: {} },
    audience: { questions: [], tallies: {}, words: {}, heldWords: {}, received: 0 },
    ballots: {},
    moderation: { badWords: [], names: [], allowed: [] },
    wordModeration: {},
    wordParticipants: {},
    wordSenders: {},
    redactionUndo: {},
    programs: {},
    lastGos: {},
    stageMessages: {},
    editLocked: false,
    joinUrl: null,
    hubCursor: { hubId: null, lastHubSeq: 0 },
    personalCodes: noPersonalCodes(),
  };
}

export function clockNow(clock: ClockSetting, realNow: number): number {
  return clock.mode === 'live' ? realNow : realNow + clock.offsetMs;
}
