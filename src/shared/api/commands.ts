import { z } from 'zod';
import { programmeSchema } from '../domain/programme';

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

export const commandSchema = z.discriminatedUnion('type', [loadProgrammeCommand, setClockCommand, addNoteCommand]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export const commandTypes = commandSchema.options.map((o) => o.shape.type.value);

/** What travels: an id chosen by the sender (a retry with the same id is applied once), and the command. */
export const commandEnvelopeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'identifiant de commande : 8 à 64 caractères [A-Za-z0-9_-]'),
  command: z.unknown(),
});
export type CommandEnvelope = { id: string; command: Command };
