import { z } from 'zod';
import { actionInteraction, cueSchema } from './cue';
import { type InteractionKind, interactionSchema } from './interaction';
import { isClockTime, isIsoDate, isValidTimeZone, zonedToEpoch } from './zoned-time';
import { brandingSchema } from './event-branding';
import { roomEntrySchema } from './rooms';

/**
 * The programme of an event: days and sessions, in the event's time zone. This schema is the
 * native file format (YAML or JSON) and the shape the core keeps; every type derives from it.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const sessionKinds = ['opening', 'plenary', 'workshop', 'break', 'closing'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const audienceSchema = z.strictObject({
  room: z.boolean(),
  remote: z.boolean(),
});
export type Audience = z.infer<typeof audienceSchema>;

/** Who can interact by default: plenaries with the room and remote viewers, workshops the room only. */
export function defaultAudience(kind: SessionKind): Audience {
  switch (kind) {
    case 'opening':
    case 'plenary':
    case 'closing':
      return { room: true, remote: true };
    case 'workshop':
      return { room: true, remote: false };
    case 'break':
      return { room: false, remote: false };
  }
}

export const speakerSchema = z.strictObject({
  name: text(200),
  role: text(300).optional(),
});
export type Speaker = z.infer<typeof speakerSchema>;

const isoDate = z.string().refine(isIsoDate, { message: 'date attendue au format AAAA-MM-JJ' });
const clockTime = z.string().refine(isClockTime, { message: 'heure attendue au format HH:MM' });

export const sessionSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'identifiant : minuscules, chiffres et tirets (64 au plus)'),
  day: isoDate,
  start: clockTime,
  end: clockTime,
  kind: z.enum(sessionKinds),
  title: text(300),
  subtitle: text(500).optional(),
  room: text(120).optional(),
  speakers: z.array(speakerSchema).max(40).optional(),
  audience: audienceSchema.optional(),
  notes: text(2000).optional(),
  /** Breaks only: the shortest the break may become when it absorbs a delay (5 min when absent). */
  minMinutes: z.int().min(0).max(600).optional(),
  /** What the régie does during the session, at set moments. */
  cues: z.array(cueSchema).max(200).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const daySchema = z.strictObject({
  date: isoDate,
  label: text(120).optional(),
});

export const eventSchema = z.strictObject({
  name: text(200),
  shortName: text(60).optional(),
  edition: text(60).optional(),
  theme: text(300).optional(),
  venue: text(200).optional(),
  city: text(100).optional(),
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: 'fuseau horaire inconnu (ex. Europe/Paris)' })
    .default('Europe/Paris'),
  notice: text(1000).optional(),
  /** The event's colours and logo on the projector (event-branding.ts). */
  branding: brandingSchema.optional(),
});

const kindLabel: Record<InteractionKind, string> = { poll: 'un sondage', wordcloud: 'un nuage de mots' };

export const programmeSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    event: eventSchema,
    days: z.array(daySchema).min(1).max(14),
    /** Polls and word clouds prepared in advance, launched by cues. */
    interactions: z.array(interactionSchema).max(500).optional(),
    /** The rooms where sessions run at the same time (rooms.ts); derived from the sessions' `room` when absent. */
    rooms: z.array(roomEntrySchema).max(40).optional(),
    sessions: z.array(sessionSchema).max(500),
  })
  .superRefine((p, ctx) => {
    const interactions = new Map<string, InteractionKind>();
    p.interactions?.forEach((it, k) => {
      if (interactions.has(it.id)) {
        ctx.addIssue({ code: 'custom', path: ['interactions', k, 'id'], message: `identifiant en double : ${it.id}` });
      }
      interactions.set(it.id, it.kind);
    });
    const roomIds = new Set<string>();
    p.rooms?.forEach((r, k) => {
      if (roomIds.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rooms', k, 'id'], message: `salle en double : ${r.id}` });
      roomIds.add(r.id);
    });
    if ((p.rooms?.filter((r) => r.main === true).length ?? 0) > 1) {
      ctx.addIssue({ code: 'custom', path: ['rooms'], message: 'une seule salle principale (main: true)' });
    }
    const cueIds = new Set<string>();
    const days = new Set(p.days.map((d) => d.date));
    const ids = new Set<string>();
    p.sessions.forEach((s, i) => {
      if (ids.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['sessions', i, 'id'], message: `identifiant en double : ${s.id}` });
      }
      ids.add(s.id);
      if (!days.has(s.day)) {
        ctx.addIssue({ code: 'custom', path: ['sessions', i, 'day'], message: `jour absent de « days » : ${s.day}` });
      }
      if (s.end <= s.start) {
        ctx.addIssue({ code: 'custom', path: ['sessions', i, 'end'], message: 'la fin doit suivre le début' });
      }
      if (s.minMinutes !== undefined && s.kind !== 'break') {
        ctx.addIssue({ code: 'custom', path: ['sessions', i, 'minMinutes'], message: 'réservé aux pauses (kind: break)' });
      }
      s.cues?.forEach((c, j) => {
        const at = ['sessions', i, 'cues', j];
        if (cueIds.has(c.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `identifiant de réplique en double : ${c.id}` });
        cueIds.add(c.id);
        const a = c.action;
        if (a.type === 'scene' && a.interaction !== undefined && a.scene !== 'poll' && a.scene !== 'wordcloud') {
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'action', 'interaction'],
            message: 'seules les scènes « poll » et « wordcloud » désignent une interaction',
          });
        }
        const ref = actionInteraction(a);
        if (!ref) return;
        const kind = interactions.get(ref.id);
        if (kind === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'action', 'interaction'],
            message: `interaction absente de « interactions » : ${ref.id}`,
          });
        } else if (kind !== ref.kind) {
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'action', 'interaction'],
            message: `${ref.id} est ${kindLabel[kind]}, pas ${kindLabel[ref.kind]}`,
          });
        }
      });
    });
  });
export type Programme = z.infer<typeof programmeSchema>;
/** What a file may omit (defaults filled in by the schema). */
export type ProgrammeInput = z.input<typeof programmeSchema>;

export function sessionAudience(s: Session): Audience {
  return s.audience ?? defaultAudience(s.kind);
}

export function sessionStartMs(p: Programme, s: Session): number {
  return zonedToEpoch({ date: s.day, time: s.start }, p.event.timeZone);
}

export function sessionEndMs(p: Programme, s: Session): number {
  return zonedToEpoch({ date: s.day, time: s.end }, p.event.timeZone);
}
