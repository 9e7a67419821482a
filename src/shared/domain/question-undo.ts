import type { Command } from '../api/commands';
import type { AudienceQuestion, QuestionStatus } from '../api/state';

/**
 * Undo at the screening desk: the desk keeps its last action and the question as it was before,
 * and this says which commands put it back (approve ↔ reopen, reject ↔ reopen, star ↔ unstar,
 * answered ↔ not answered, a move ↔ the move back, an edit ↔ the previous text, a redaction ↔
 * its undo by the core, which alone keeps the original). A merge, a question typed in, a cleared
 * flag and the undo of a redaction have no inverse command: the desk says so. Pure.
 */

export type QuestionAction = Extract<Command, { type: `question.${string}` }>;

export type UndoPlan =
  | { kind: 'undo'; commands: QuestionAction[] }
  /** The core has no command that takes it back (the journal keeps it all). */
  | { kind: 'impossible'; reason: 'merge' | 'add' | 'clear-flags' | 'unredact' }
  /** The action changed nothing that an undo could restore. */
  | { kind: 'nothing' };

/** The command that sets a question back to a status (nothing for « merged »: that one is final). */
export function restoreStatus(questionId: string, status: QuestionStatus): QuestionAction[] {
  switch (status) {
    case 'incoming':
      return [{ type: 'question.reopen', questionId }];
    case 'approved':
      return [{ type: 'question.approve', questionId }];
    case 'rejected':
      return [{ type: 'question.reject', questionId }];
    case 'answered':
      return [{ type: 'question.answered', questionId, answered: true }];
    case 'merged':
      return [];
    default:
      return status satisfies never;
  }
}

/** Put a question back on the shortlist where it was: last, then before the one that followed it. */
function restoreRank(questionId: string, starredBefore: readonly string[]): QuestionAction[] {
  const at = starredBefore.indexOf(questionId);
  const follower = at >= 0 ? (starredBefore.slice(at + 1).find((id) => id !== questionId) ?? null) : null;
  return [{ type: 'question.star', questionId, starred: true }, ...(follower ? [{ type: 'question.move' as const, questionId, beforeId: follower }] : [])];
}

/**
 * @param before the question as it was just before the action.
 * @param starredBefore the ids of the shortlist (rank order) just before the action.
 */
export function undoPlan(action: QuestionAction, before: AudienceQuestion, starredBefore: readonly string[]): UndoPlan {
  const id = before.id;
  const plan = (commands: QuestionAction[]): UndoPlan => (commands.length === 0 ? { kind: 'nothing' } : { kind: 'undo', commands });
  switch (action.type) {
    case 'question.add':
      return { kind: 'impossible', reason: 'add' };
    case 'question.merge':
      return { kind: 'impossible', reason: 'merge' };
    case 'question.clear-flags':
      return { kind: 'impossible', reason: 'clear-flags' };
    case 'question.redact':
      // The desk never has the original back: the core restores it (and refuses if the question changed since).
      return { kind: 'undo', commands: [{ type: 'question.unredact', questionId: id }] };
    case 'question.unredact':
      return { kind: 'impossible', reason: 'unredact' };
    case 'question.approve':
    case 'question.reopen':
    case 'question.answered': {
      const to = action.type === 'question.approve' ? 'approved' : action.type === 'question.reopen' ? 'incoming' : action.answered ? 'answered' : 'approved';
      return plan(before.status === to ? [] : restoreStatus(id, before.status));
    }
    case 'question.reject':
      if (before.status === 'rejected') return { kind: 'nothing' };
      // Rejecting takes it off the shortlist: it goes back where it was.
      return plan([...restoreStatus(id, before.status), ...(before.rank === null ? [] : restoreRank(id, starredBefore))]);
    case 'question.star':
      if (action.starred === (before.rank !== null)) return { kind: 'nothing' };
      if (action.starred) {
        // Starring an incoming question approved it as well.
        return plan([{ type: 'question.star', questionId: id, starred: false }, ...(before.status === 'incoming' ? restoreStatus(id, 'incoming') : [])]);
      }
      return plan(restoreRank(id, starredBefore));
    case 'question.move': {
      if (before.rank === null) return { kind: 'nothing' };
      const at = starredBefore.indexOf(id);
      const follower = at >= 0 ? (starredBefore[at + 1] ?? null) : null;
      return plan([{ type: 'question.move', questionId: id, beforeId: follower }]);
    }
    case 'question.edit': {
      const previous = before.editedText ?? before.text;
      return plan(previous === action.text ? [] : [{ type: 'question.edit', questionId: id, text: previous }]);
    }
    default:
      return action satisfies never;
  }
}
