import { z } from 'zod';

/**
 * What the projector shows: one scene at a time. A scene carries what it needs to be drawn
 * (texts are copied in when it is composed), so the output never shows a half-built state.
 * A question scene names a screened question; the core copies its text, first name and origin
 * in when it is composed (the projector never receives the question list itself).
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const sceneSchema = z.discriminatedUnion('kind', [
  /** The event's holding screen: event, current and next session, clock. The default. */
  z.strictObject({ kind: z.literal('holding') }),
  /** How to join: a large QR code, the address and the event code. */
  z.strictObject({ kind: z.literal('join') }),
  /** « Reprise à 14 h 00 »: counts down to an instant (show clock), with a caption. */
  z.strictObject({ kind: z.literal('countdown'), until: z.number().int().min(0), caption: text(120).optional() }),
  /** A free message from the régie. */
  z.strictObject({ kind: z.literal('message'), text: text(500), title: text(120).optional() }),
  /** A poll's live results or a word cloud, by interaction id. */
  z.strictObject({ kind: z.literal('poll'), interactionId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('wordcloud'), interactionId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('black') }),
  /** A question read on stage: its text (as edited), « anonyme » or a first name, room or remote. */
  z.strictObject({
    kind: z.literal('question'),
    questionId: z.string().min(1).max(64),
    /** Filled in by the core when composed: whatever a view sends here is replaced. */
    text: z.string().max(600).optional(),
    name: z.string().max(60).nullable().optional(),
    origin: z.enum(['room', 'remote', 'regie']).optional(),
  }),
]);
export type Scene = z.infer<typeof sceneSchema>;
export type SceneKind = Scene['kind'];

export const transitionSchema = z.strictObject({
  kind: z.enum(['cut', 'fade']),
  /** Fade length; a cut ignores it. */
  durationMs: z.int().min(0).max(5000),
});
export type Transition = z.infer<typeof transitionSchema>;

export const HOLDING: Scene = { kind: 'holding' };
export const DEFAULT_TRANSITION: Transition = { kind: 'fade', durationMs: 500 };

/** The program bus: what is on air, what waits in preview, and the panic state. */
export interface ProgramState {
  preview: Scene | null;
  onAir: Scene;
  /** Increases at every change on air: the output restarts its transition on it. */
  take: number;
  /** The default transition of a TAKE. */
  transition: Transition;
  /** The transition the scene on air came in with (a TAKE may choose its own). */
  takeTransition: Transition;
  /** Panic: the scene that was on air, to restore with one key (null: not in panic). */
  panicFrom: Scene | null;
  /** Where panic goes. */
  panicTo: 'holding' | 'black';
  /** Locked: nothing changes on air (TAKE, cues) until unlocked; panic still works. */
  locked: boolean;
  /**
   * What was on air before the latest change on air: shown beside the preview as « déjà à
   * l'antenne avant », put back in preview only by a deliberate choice (TAKE empties the preview:
   * a second Enter never brings the old scene back by itself). Absent in states from before it.
   */
  previous?: Scene | null;
  /** The cue that put the scene in preview / on air, if a cue did (for the desk, and to undo a GO). */
  previewCue?: string | null;
  onAirCue?: string | null;
}

export function initialProgram(): ProgramState {
  return {
    preview: null,
    onAir: HOLDING,
    take: 0,
    transition: DEFAULT_TRANSITION,
    takeTransition: DEFAULT_TRANSITION,
    panicFrom: null,
    panicTo: 'holding',
    locked: false,
    previous: null,
    previewCue: null,
    onAirCue: null,
  };
}

