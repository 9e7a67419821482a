import { z } from 'zod';
import type { CueEngineState } from './cue-events';
import type { Programme } from './programme';
import { DEFAULT_ROOM, mainRoomId, type RoomId, roomOfSession } from './rooms';
import { type ProgramState, type Scene, sceneSchema } from './scene';

/**
 * Undoing a mistaken GO (`u` or Ctrl+Z on the run of show; `cue.undo` for the core). At GO time
 * the core writes down what the show looked like just before (`LastGo`); the undo compares it
 * with the show now and puts back what the GO changed, where it can:
 * - a poll the GO opened is closed and its votes set aside (not counted, not on the phones; the
 *   journal keeps them); a word cloud is closed (its words stay: a cloud cannot be reset);
 * - a poll or cloud the GO closed is opened again; results it revealed are hidden again;
 * - the Q&A it opened is closed (questions received stay in the queue); the Q&A it closed reopens;
 * - the scene it put on air is replaced by what was on air before, the one it put in preview by
 *   what the preview held (unless a TAKE, a panic or a lock came since: then the air is not touched);
 * - its cue and the ones it set off (auto-continue) are re-armed, the GO's cue on standby.
 * What cannot be undone is said (`kept`), never pretended: results or a scene already seen, words
 * and questions received meanwhile. Pure: the core and the desk draw the same plan.
 */

/** Within this long after the GO (show clock), one key undoes it; later the desk asks first. */
export const UNDO_GO_WINDOW_MS = 60_000;

const runSchema = z.strictObject({
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  revealed: z.boolean(),
  hidden: z.boolean().optional(),
  /** Absent in a journal written before rooms (the main room). */
  room: z.string().optional(),
});
const qaSchema = z.strictObject({ open: z.boolean(), since: z.number().nullable(), sessionId: z.string().nullable(), roomOnly: z.boolean() });

export const lastGoSchema = z.strictObject({
  cueId: z.string(),
  /** Show clock. */
  at: z.number(),
  /** The GO's cue and the cues its auto-continue sets off, in order. */
  chain: z.array(z.string()),
  /** What the GO's scene cues did at once: put a scene on air, in preview. */
  aired: z.boolean(),
  previewed: z.boolean(),
  before: z.strictObject({
    onAir: sceneSchema,
    preview: sceneSchema.nullable(),
    /** The interactions the chain names and those open at GO time in the GO's room (null: never opened). */
    interactions: z.record(z.string(), runSchema.nullable()),
    /** The Q&A of the GO's room (its cue's session's room). */
    qa: qaSchema,
    questions: z.int().min(0),
  }),
});
export type LastGo = z.infer<typeof lastGoSchema>;

type Run = z.infer<typeof runSchema>;

/** The parts of the state the plan reads (the core's state and a desk's mirror both have them). */
export interface UndoInput {
  programme: Programme | null;
  /** The cues' runs (every room's: a cue id is unique). */
  cues: Pick<CueEngineState, 'runs'>;
  /** Each room's Q&A (absent: closed). */
  live: { interactions: Record<string, Run>; qa: Record<string, z.infer<typeof qaSchema>> };
  program: ProgramState;
  audience: {
    questions: readonly unknown[];
    tallies: Record<string, { voters: { room: number; remote: number } }>;
    words: Record<string, Record<string, number>>;
  };
  lastGo: LastGo | null;
}

export type UndoStep =
  | { kind: 'close'; interactionId: string }
  /** A poll back to draft: its `votes` are set aside (the journal keeps them). */
  | { kind: 'set-aside'; interactionId: string; votes: number }
  | { kind: 'reopen'; interactionId: string }
  | { kind: 'hide'; interactionId: string }
  | { kind: 'qa.close'; room: RoomId }
  | { kind: 'qa.reopen'; sessionId: string | null; roomOnly: boolean; room: RoomId }
  | { kind: 'preview'; scene: Scene | null }
  | { kind: 'air'; scene: Scene }
  | { kind: 'rearm'; cueId: string };

export type UndoKept =
  | { kind: 'results-seen'; interactionId: string }
  | { kind: 'words-kept'; interactionId: string; count: number }
  | { kind: 'votes-kept'; interactionId: string }
  | { kind: 'questions-kept'; count: number }
  | { kind: 'scene-seen' }
  | { kind: 'air-changed' }
  | { kind: 'air-blocked'; why: 'locked' | 'panic' };

export type UndoPlan =
  | { ok: true; cueId: string; at: number; steps: UndoStep[]; kept: UndoKept[] }
  | { ok: false; reason: 'nothing' | 'other-go'; lastCueId: string | null };

/** The room a GO happened in: its cue's session's (unknown: the main room). */
function roomOfGo(programme: Programme | null, cueId: string): RoomId {
  if (!programme) return DEFAULT_ROOM.id;
  const session = programme.sessions.find((s) => s.cues?.some((c) => c.id === cueId));
  return session ? roomOfSession(programme, session.id).id : mainRoomId(programme);
}

/** Set off by this GO: fired or started at or after it. */
function setOffBy(cues: Pick<CueEngineState, 'runs'>, cueId: string, at: number): boolean {
  const r = cues.runs[cueId];
  if (r?.status === 'fired') return r.firedAt >= at;
  if (r?.status === 'prewait') return r.startedAt >= at;
  return false;
}

const voters = (input: UndoInput, id: string) => {
  const v = input.audience.tallies[id]?.voters;
  return v ? v.room + v.remote : 0;
};

/** What undoing the last GO (on `cueId`, or the last one) does and leaves. */
export function undoPlan(input: UndoInput, cueId?: string): UndoPlan {
  const last = input.lastGo;
  if (!last) return { ok: false, reason: 'nothing', lastCueId: null };
  if (cueId !== undefined && cueId !== last.cueId) return { ok: false, reason: 'other-go', lastCueId: last.cueId };
  const steps: UndoStep[] = [];
  const kept: UndoKept[] = [];
  const { before } = last;

  // Polls and word clouds: what the GO (and what followed it) changed, back to how it was.
  const reopen: UndoStep[] = [];
  for (const [id, was] of Object.entries(before.interactions)) {
    const now = input.live.interactions[id];
    const kind = input.programme?.interactions?.find((i) => i.id === id)?.kind;
    if (!now || !kind) continue;
    const opened = now.status === 'open' && was?.status !== 'open';
    if (opened) steps.push({ kind: 'close', interactionId: id });
    if (was === null && kind === 'poll') steps.push({ kind: 'set-aside', interactionId: id, votes: voters(input, id) });
    else if (opened && kind === 'poll') kept.push({ kind: 'votes-kept', interactionId: id });
    if (was === null && kind === 'wordcloud') {
      const count = Object.values(input.audience.words[id] ?? {}).reduce((n, c) => n + c, 0);
      if (count > 0) kept.push({ kind: 'words-kept', interactionId: id, count });
    }
    const revealed = now.revealed && !(was?.revealed ?? false);
    if (revealed) {
      // A poll set aside leaves the phones and the projector anyway; a cloud's results are hidden.
      if (!(was === null && kind === 'poll')) steps.push({ kind: 'hide', interactionId: id });
      kept.push({ kind: 'results-seen', interactionId: id });
    }
    if (was?.status === 'open' && now.status === 'closed') reopen.push({ kind: 'reopen', interactionId: id });
  }
  // Closed first, reopened after: the phones show one interaction at a time.
  steps.push(...reopen);

  // The GO's room: its cue's session's.
  const room = roomOfGo(input.programme, last.cueId);
  const qa = input.live.qa[room] ?? { open: false };
  if (qa.open && !before.qa.open) {
    steps.push({ kind: 'qa.close', room });
    const received = input.audience.questions.length - before.questions;
    if (received > 0) kept.push({ kind: 'questions-kept', count: received });
  } else if (!qa.open && before.qa.open) {
    steps.push({ kind: 'qa.reopen', sessionId: before.qa.sessionId, roomOnly: before.qa.roomOnly, room });
  }

  // The projector: only what a cue of this GO put there and nobody changed since.
  const chain = new Set(last.chain);
  const p = input.program;
  if (p.onAirCue && chain.has(p.onAirCue) && !p.panicFrom && !p.locked) {
    steps.push({ kind: 'air', scene: before.onAir });
    kept.push({ kind: 'scene-seen' });
  } else if (last.aired) {
    kept.push(p.panicFrom ? { kind: 'air-blocked', why: 'panic' } : p.locked ? { kind: 'air-blocked', why: 'locked' } : { kind: 'air-changed' });
  }
  if (p.previewCue && chain.has(p.previewCue)) steps.push({ kind: 'preview', scene: before.preview });

  // The cues: back to waiting, the GO's own last so that it ends on standby.
  // (A note, or a cue whose effect is gone, still re-arms: the plan is never empty.)
  for (const id of [...last.chain].reverse()) {
    if (id === last.cueId || setOffBy(input.cues, id, last.at)) steps.push({ kind: 'rearm', cueId: id });
  }
  return { ok: true, cueId: last.cueId, at: last.at, steps, kept };
}

/** One key undoes a GO this recent; an older one needs a confirmation. */
export function undoNeedsConfirmation(last: Pick<LastGo, 'at'>, now: number): boolean {
  return now - last.at > UNDO_GO_WINDOW_MS;
}
