import { z } from 'zod';
import { programmeSchema } from '../../shared/domain/programme';

/**
 * Journal events: facts that happened, in the past tense. The journal stores them as JSON and
 * they are validated again when read back (the disk is a trust boundary too).
 */
export const clockSettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('live') }),
  z.strictObject({ mode: z.literal('rehearsal'), offsetMs: z.number().int() }),
]);

export const regieEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('programme.loaded'), programme: programmeSchema }),
  z.strictObject({ type: z.literal('clock.set'), clock: clockSettingSchema }),
  z.strictObject({ type: z.literal('log.noted'), text: z.string() }),
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
