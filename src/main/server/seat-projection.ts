import type { PatchOp, ViewRole } from '../../shared/api/channel';
import { initialState, isProjectable, PRIVATE_SLICES, type RegieState, type ViewState } from '../../shared/api/state';
import { cachedWordKey } from '../../shared/domain/french-words';
import { pollResultsHidden } from '../../shared/domain/poll-results';
import { interactionRoom, questionRoom, stateMainRoom } from '../../shared/domain/room-of';
import { roomEntry } from '../../shared/api/room-bus';
import type { RoomId } from '../../shared/domain/rooms';
import type { SeatKind } from '../../shared/domain/seats';

/**
 * What each seat receives of the state (docs/rooms.md § 3): a régie seat everything; a room
 * seat, an output and a stage their own room's share only — never another room's questions,
 * polls, words or bus. Snapshots and patches both go through here.
 */

/** The slices an output seat receives; the others keep their empty initial value there. */
export const OUTPUT_SLICES: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>([
  'programme',
  'clock',
  'delays',
  'sessionMarks',
  'live',
  'joinUrl',
  'cues',
  'programs',
  'audience',
  'wordModeration',
  'wordParticipants',
]);

/** The stage tablet: the run of show and the shortlist, never the questions still to screen. */
export const STAGE_SLICES: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>([
  'programme',
  'clock',
  'delays',
  'sessionMarks',
  'live',
  'programs',
  'audience',
  'stageMessages',
]);

/**
 * A room moderator's desk: its room's questions, polls, words, bus and stage message, and the
 * programme to find its way. Not the logbook, the as-run log, the organisers' lists, the last GO
 * or the hub's cursor: the central régie's.
 */
export const ROOM_SLICES: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>([
  'programme',
  'clock',
  'delays',
  'cues',
  'sessionMarks',
  'live',
  'audience',
  'wordModeration',
  'wordParticipants',
  'programs',
  'stageMessages',
  'lastGos',
  'editLocked',
  'joinUrl',
]);

const SLICES: Record<Exclude<SeatKind, 'regie'>, ReadonlySet<keyof ViewState>> = { output: OUTPUT_SLICES, stage: STAGE_SLICES, room: ROOM_SLICES };

/** A seat's kind and room, resolved: what its projection depends on (seats alike share their patches). */
export interface Scope {
  kind: SeatKind;
  /** null: the main room, whichever it is now. */
  room: RoomId | null;
}

/** A per-room slice with only `room`'s entry (none when it has none): never another room's. */
function oneRoom<T>(record: Record<RoomId, T>, room: RoomId): Record<RoomId, T> {
  const value = roomEntry(record, room);
  return value === undefined ? {} : { [room]: value };
}

/** The slices kept by room (docs/rooms.md § 2): a room's seats get their room's entry only. */
const PER_ROOM: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>(['programs', 'stageMessages', 'lastGos']);

function pickKeys<T>(record: Record<string, T>, keep: (id: string) => boolean): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, v] of Object.entries(record)) if (keep(id)) out[id] = v;
  return out;
}

/** One slice of the state as a seat of `kind` in `room` may have it. */
function sliceFor(kind: Exclude<SeatKind, 'regie'>, room: RoomId, key: keyof ViewState, state: RegieState): unknown {
  const main = stateMainRoom(state);
  const ownInteraction = (id: string) => interactionRoom(state, id) === room;
  switch (key) {
    case 'programs': {
      const bus = roomEntry(state.programs, room);
      if (bus === undefined) return {};
      // What is on the projector (a question on air was approved and cleared: its text is in the
      // scene), never the preview the régie is composing.
      return { [room]: kind === 'stage' ? { ...bus, preview: null } : bus };
    }
    case 'stageMessages':
      return oneRoom(state.stageMessages, room);
    case 'lastGos':
      return oneRoom(state.lastGos, room);
    case 'live':
      // `qa` keeps its shape (by room, docs/rooms.md § 2) with its room's entry only: views read it
      // through qaOf (a QaState put there instead read as « closed » on a room's desk).
      return { interactions: pickKeys(state.live.interactions, ownInteraction), qa: oneRoom(state.live.qa, room) };
    case 'wordModeration':
      return pickKeys(state.wordModeration, ownInteraction);
    case 'wordParticipants':
      return pickKeys(state.wordParticipants, ownInteraction);
    case 'audience': {
      const a = state.audience;
      const mine = a.questions.filter((q) => questionRoom(q, main) === room);
      const tallies = pickKeys(a.tallies, ownInteraction);
      const words = pickKeys(a.words, ownInteraction);
      const heldWords = pickKeys(a.heldWords, ownInteraction);
      // `received` counts the whole event's audience messages: the régie's figure, not a room's.
      if (kind === 'room') return { ...a, questions: mine, tallies, words, heldWords, received: 0 };
      // The stage tablet: only the shortlisted questions that could be projected.
      if (kind === 'stage') return { ...a, questions: mine.filter((q) => q.rank !== null && isProjectable(q)), tallies, words: {}, heldWords, received: 0 };
      return forOutput(state, tallies, words, heldWords);
    }
    default:
      return state[key];
  }
}

/**
 * The audience slice as the projector may have it: tallies and words, never the questions, never
 * a word held back (a given name, profanity) until a moderator lets it through, and of a poll
 * whose results are hidden only how many voted (the counts reach the output when revealed).
 */
function forOutput(
  state: RegieState,
  roomTallies: RegieState['audience']['tallies'],
  roomWords: RegieState['audience']['words'],
  roomHeld: RegieState['audience']['heldWords'],
): RegieState['audience'] {
  const tallies = { ...roomTallies };
  for (const i of state.programme?.interactions ?? []) {
    const tally = tallies[i.id];
    if (i.kind === 'poll' && tally && pollResultsHidden(i, state.live.interactions[i.id])) tallies[i.id] = { counts: {}, voters: tally.voters };
  }
  const words: Record<string, Record<string, number>> = {};
  for (const [cloud, counts] of Object.entries(roomWords)) {
    // Every spelling of a held word stays away (« Connard » held keeps « connards » away too).
    const held = new Set(Object.keys(roomHeld[cloud] ?? {}).map((w) => cachedWordKey(w)));
    words[cloud] = Object.fromEntries(Object.entries(counts).filter(([w]) => !held.has(cachedWordKey(w))));
  }
  return { ...state.audience, questions: [], tallies, words, heldWords: {}, received: 0 };
}

/** The state without the core's private slices. */
export function viewState(state: RegieState): ViewState {
  const { ballots: _ballots, wordSenders: _wordSenders, redactionUndo: _redactionUndo, ...rest } = state;
  return rest;
}

/** What a seat receives in its snapshot. */
export function stateForSeat(state: RegieState, seat: Scope): ViewState {
  if (seat.kind === 'regie') return viewState(state);
  const room = seat.room ?? stateMainRoom(state);
  const out: Record<string, unknown> = { ...viewState(initialState()) };
  for (const k of SLICES[seat.kind]) out[k] = sliceFor(seat.kind, room, k, state);
  return out as unknown as ViewState;
}

/** A view role's seat in `room` (null: the main room), as the code of before seats knew them (tests, tools). */
export function stateForRole(state: RegieState, role: ViewRole, room: RoomId | null = null): ViewState {
  return stateForSeat(state, { kind: role === 'control' ? 'regie' : role, room });
}

/**
 * The audience slice as small ops: its fields that changed, and the questions that changed since
 * the last patch (updates are immutable, so an unchanged question keeps its identity; a question
 * keeps its index).
 */
export function audienceOps(before: RegieState['audience'], after: RegieState['audience']): PatchOp[] {
  const ops: PatchOp[] = [];
  const fields: Partial<Omit<RegieState['audience'], 'questions'>> = {};
  if (before.tallies !== after.tallies) fields.tallies = after.tallies;
  if (before.words !== after.words) fields.words = after.words;
  if (before.heldWords !== after.heldWords) fields.heldWords = after.heldWords;
  if (before.received !== after.received) fields.received = after.received;
  if (Object.keys(fields).length > 0) ops.push({ op: 'audience-fields', path: ['audience'], value: fields });
  if (before.questions !== after.questions) {
    const items = after.questions.filter((q, i) => before.questions[i] !== q);
    if (items.length > 0) ops.push({ op: 'questions-upsert', path: ['audience'], items });
  }
  return ops;
}

/**
 * A room seat's audience ops: the régie's, narrowed to its room (its questions, its polls' and
 * clouds' counts), so that 10 questions a second in one room cost the others nothing.
 */
function roomAudienceOps(before: RegieState, after: RegieState, room: RoomId): PatchOp[] {
  const main = stateMainRoom(after);
  const own = (id: string) => interactionRoom(after, id) === room;
  return audienceOps(before.audience, after.audience).flatMap((op): PatchOp[] => {
    if (op.op === 'questions-upsert') {
      const items = op.items.filter((q) => questionRoom(q, main) === room);
      return items.length > 0 ? [{ ...op, items }] : [];
    }
    if (op.op !== 'audience-fields') return [op];
    // The event-wide count is the régie's; a room's tallies, words and held words only when theirs changed.
    const { received: _eventWide, tallies, words, heldWords } = op.value;
    const value: typeof op.value = {};
    if (tallies && changedFor(before.audience.tallies, tallies, own)) value.tallies = pickKeys(tallies, own);
    if (words && changedFor(before.audience.words, words, own)) value.words = pickKeys(words, own);
    if (heldWords && changedFor(before.audience.heldWords, heldWords, own)) value.heldWords = pickKeys(heldWords, own);
    return Object.keys(value).length > 0 ? [{ ...op, value }] : [];
  });
}

/**
 * An output's or a stage's audience share is the same before and after (another room's question,
 * a vote in another room's poll): nothing to send. Compared by value, these shares being small and
 * rebuilt at every call.
 */
function sameShare(kind: Exclude<Scope['kind'], 'regie'>, room: RoomId, before: RegieState, after: RegieState): boolean {
  return JSON.stringify(sliceFor(kind, room, 'audience', before)) === JSON.stringify(sliceFor(kind, room, 'audience', after));
}

/** Whether a by-interaction record changed for the interactions `own` keeps (entries are replaced, never mutated). */
function changedFor<T>(before: Record<string, T>, after: Record<string, T>, own: (id: string) => boolean): boolean {
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) if (own(id) && before[id] !== after[id]) return true;
  return false;
}

/** Slices whose room share depends on the programme and the interactions' runs (which poll is whose). */
const ROOM_DEPENDENT: readonly (keyof ViewState)[] = ['audience', 'wordModeration', 'wordParticipants', 'live'];

/** The ops of one patch for the seats of a scope, given the slices that changed. */
export function seatPatchOps(keys: readonly (keyof ViewState)[], before: RegieState, after: RegieState, seat: Scope): PatchOp[] {
  const setOp = (k: keyof ViewState, value: unknown): PatchOp => ({ op: 'set', path: [k], value });
  if (seat.kind === 'regie') return keys.flatMap((k) => (k === 'audience' ? audienceOps(before.audience, after.audience) : [setOp(k, after[k])]));
  const slices = SLICES[seat.kind];
  const room = seat.room ?? stateMainRoom(after);
  // A poll revealed or opened in a room (live), a programme edited (whose cues launch which poll,
  // which room is main): the room's share of the audience may change without the audience itself.
  const shareMoved = keys.includes('live') || keys.includes('programme');
  const wanted = new Set(keys.filter((k) => slices.has(k)));
  if (shareMoved) for (const k of ROOM_DEPENDENT) if (slices.has(k)) wanted.add(k);
  // A programme may make another room the main one (the main output follows it).
  if (keys.includes('programme')) for (const k of PER_ROOM) if (slices.has(k)) wanted.add(k);
  const ops: PatchOp[] = [];
  for (const k of wanted) {
    if (!slices.has(k)) continue;
    // Another room's TAKE or message: nothing for this room's seats (their patch stays empty).
    if (PER_ROOM.has(k) && !keys.includes('programme') && roomEntry<unknown>(before[k] as Record<RoomId, unknown>, room) === roomEntry<unknown>(after[k] as Record<RoomId, unknown>, room)) continue;
    if (k === 'audience' && seat.kind === 'room' && !shareMoved) ops.push(...roomAudienceOps(before, after, room));
    else if (k === 'audience' && !shareMoved && sameShare(seat.kind, room, before, after)) continue;
    else ops.push(setOp(k, sliceFor(seat.kind, room, k, after)));
  }
  return ops;
}

export function isPrivate(k: keyof RegieState): k is (typeof PRIVATE_SLICES)[number] {
  return (PRIVATE_SLICES as readonly string[]).includes(k);
}
