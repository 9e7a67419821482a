import { z } from 'zod';
import { type InteractionKind, interactionIdSchema } from './interaction';
import { isClockTime } from './zoned-time';

/**
 * A cue: something the régie does at a set moment of a session (open a poll, put a scene on the
 * projector, remind the operator of something). Cues live in their session in the programme file;
 * the cue engine (cue-engine.ts) runs them.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const cueIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'identifiant : minuscules, chiffres et tirets (64 au plus)');

/** "+00:15", "-00:05", "01:30" (hours:minutes from the session's start; + when no sign). */
const OFFSET_RE = /^([+-])?(\d{1,2}):([0-5]\d)$/;

export function isOffset(s: string): boolean {
  return OFFSET_RE.test(s);
}

/** Minutes of an offset ("-00:05" → -5). Throws on a malformed one (the schema has checked it). */
export function offsetMinutes(s: string): number {
  const m = OFFSET_RE.exec(s);
  if (!m) throw new RangeError(`décalage invalide : ${s}`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The written form of a number of minutes: 15 → "+00:15", -5 → "-00:05". */
export function formatCueOffset(minutes: number): string {
  const abs = Math.abs(Math.trunc(minutes));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const cueAtSchema = z.union(
  [
    z.strictObject({
      offset: z.string().refine(isOffset, { message: 'décalage attendu au format +HH:MM ou -HH:MM (ex. +00:15)' }),
    }),
    z.strictObject({
      time: z.string().refine(isClockTime, { message: 'heure attendue au format HH:MM' }),
    }),
  ],
  { error: 'moment attendu : { offset: "+00:15" } (depuis le début de la séance) ou { time: "10:45" }' },
);
export type CueAt = z.infer<typeof cueAtSchema>;

export const sceneNames = ['holding', 'join', 'countdown', 'message', 'black', 'poll', 'wordcloud', 'question'] as const;
export type SceneName = (typeof sceneNames)[number];

const withInteraction = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), interaction: interactionIdSchema });

export const cueActionSchema = z.discriminatedUnion('type', [
  withInteraction('poll.open'),
  withInteraction('poll.close'),
  withInteraction('poll.reveal'),
  withInteraction('wordcloud.open'),
  withInteraction('wordcloud.close'),
  withInteraction('wordcloud.reveal'),
  z.strictObject({ type: z.literal('qa.open') }),
  z.strictObject({ type: z.literal('qa.close') }),
  z.strictObject({
    type: z.literal('scene'),
    scene: z.enum(sceneNames),
    /** The message, the countdown's caption… */
    text: text(500).optional(),
    /** For the poll and word cloud scenes: which one (the current one when absent). */
    interaction: interactionIdSchema.optional(),
    /**
     * Straight to the projector, without TAKE. Absent (the default): the scene goes to the
     * preview like every other, and TAKE puts it on air.
     */
    straightToAir: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('note'), note: text(1000) }),
]);
export type CueAction = z.infer<typeof cueActionSchema>;
export type CueActionType = CueAction['type'];

/** The interaction an action refers to and the kind it must be, if any. */
export function actionInteraction(a: CueAction): { id: string; kind: InteractionKind } | null {
  switch (a.type) {
    case 'poll.open':
    case 'poll.close':
    case 'poll.reveal':
      return { id: a.interaction, kind: 'poll' };
    case 'wordcloud.open':
    case 'wordcloud.close':
    case 'wordcloud.reveal':
      return { id: a.interaction, kind: 'wordcloud' };
    case 'scene':
      // An interaction on another scene is refused by the programme's cross-checks.
      if (a.interaction === undefined || (a.scene !== 'poll' && a.scene !== 'wordcloud')) return null;
      return { id: a.interaction, kind: a.scene };
    case 'qa.open':
    case 'qa.close':
    case 'note':
      return null;
  }
}

export const cueModes = ['manual', 'auto'] as const;
export type CueMode = (typeof cueModes)[number];

export const MAX_PRE_WAIT_SECONDS = 3600;

export const cueSchema = z.strictObject({
  id: cueIdSchema,
  at: cueAtSchema,
  action: cueActionSchema,
  /** manual: goes to standby and waits for GO; auto: fires at its time. */
  mode: z.enum(cueModes).default('manual'),
  /** Seconds between GO (or the trigger) and the firing. */
  preWaitSeconds: z.number().min(0).max(MAX_PRE_WAIT_SECONDS).optional(),
  /** When it fires, the session's next cue is triggered too (after its own pre-wait), without GO. */
  autoContinue: z.boolean().optional(),
  notes: text(2000).optional(),
});
export type Cue = z.infer<typeof cueSchema>;
export type CueInput = z.input<typeof cueSchema>;
