import type { z } from 'zod';
import { type Command, commandEnvelopeSchema, commandSchema, commandTypes } from '../../shared/api/commands';
import { type CommandResult, type FieldIssue, refusal } from '../../shared/api/results';

export type Validated = { ok: true; id: string; command: Command } | { ok: false; result: CommandResult };

function issuesOf(err: z.ZodError, prefix = ''): FieldIssue[] {
  return err.issues.slice(0, 20).map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

/** The boundary check of a command envelope: the first thing that is wrong, said precisely. */
export function validateEnvelope(raw: unknown): Validated {
  const envelope = commandEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, result: refusal('malformed', 'enveloppe de commande invalide (attendu : { id, command })', issuesOf(envelope.error)) };
  }
  const { id, command } = envelope.data;
  const type = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !(commandTypes as readonly string[]).includes(type)) {
    const shown = typeof type === 'string' ? `« ${type.slice(0, 60)} »` : '(aucun type)';
    return { ok: false, result: refusal('unknown_command', `commande inconnue : ${shown}`) };
  }
  const parsed = commandSchema.safeParse(command);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error, 'command');
    const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
    return {
      ok: false,
      result: refusal(tooLong ? 'too_large' : 'invalid', `commande ${type} invalide : ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`.trim(), issues),
    };
  }
  return { ok: true, id, command: parsed.data };
}
