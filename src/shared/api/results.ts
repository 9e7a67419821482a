/** Typed answers to a command. Every refusal says why, in words an operator can read. */

export const errorCodes = [
  'malformed', // not an envelope at all
  'unknown_command', // a `type` the core does not know
  'invalid', // a known command with bad fields
  'too_large', // over the size a command may have
  'forbidden', // a read-only seat (output) tried to act
  'rejected', // valid, but the current state refuses it
  'busy', // too many commands in flight from this seat
  'unavailable', // the core is shutting down or its disk failed
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export type CommandResult =
  | {
      ok: true;
      seq: number;
      duplicate: boolean;
      /**
       * On a core that can have a hot standby: `mirrored`, the standby committed it too before this
       * answer; `alone`, only this machine has it (no standby connected, or it did not answer in time).
       */
      standby?: 'mirrored' | 'alone';
    }
  | { ok: false; error: { code: ErrorCode; message: string; issues?: FieldIssue[] } };

export function refusal(code: ErrorCode, message: string, issues?: FieldIssue[]): CommandResult {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}
