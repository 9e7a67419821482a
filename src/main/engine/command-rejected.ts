import type { FieldIssue } from '../../shared/api/results';

/** A valid command that the current state refuses, with a reason an operator can read. */
export class CommandRejected extends Error {
  constructor(
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'CommandRejected';
  }
}
