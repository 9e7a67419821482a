import { z } from 'zod';
import { isClockTime, isIsoDate, isValidTimeZone, zonedToEpoch } from './zoned-time';

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
});

export const programmeSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    event: eventSchema,
    days: z.array(daySchema).min(1).max(14),
    sessions: z.array(sessionSchema).max(500),
  })
  .superRefine((p, ctx) => {
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
