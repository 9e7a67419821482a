import type { Command } from '../../shared/api/commands';
import type { AudienceQuestion, RegieState } from '../../shared/api/state';
import { flagQuestion } from '../moderation/question-flags';
import { cleanText } from '../../shared/protocol/clean-text';
import { moderationLists } from '../moderation/moderation-lists';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';

type QuestionCommand = Extract<Command, { type: `question.${string}` }>;

function find(state: RegieState, id: string): AudienceQuestion {
  const q = state.audience.questions.find((x) => x.id === id);
  if (!q) throw new CommandRejected(`question inconnue : ${id}`);
  if (q.status === 'merged') throw new CommandRejected(`cette question a été fusionnée dans ${q.mergedInto ?? 'une autre'}`);
  return q;
}

const status = (q: AudienceQuestion, to: 'incoming' | 'approved' | 'rejected' | 'answered'): RegieEvent[] =>
  q.status === to ? [] : [{ type: 'question.status.set', questionId: q.id, status: to }];

/** The next rank at the end of the shortlist. */
function lastRank(state: RegieState): number {
  return Math.max(0, ...state.audience.questions.map((q) => q.rank ?? 0)) + 1;
}

/** Screening: approve, reject, edit, merge, star and order, answered, clear flags, type one in. */
export function decideQuestion(state: RegieState, command: QuestionCommand, at: number): RegieEvent[] {
  if (command.type === 'question.add') {
    // The same cleaning as the hub's: no control, bidi-override or zero-width characters.
    const text = cleanText(command.text);
    const name = command.name === null ? null : cleanText(command.name) || null;
    if (!text) throw new CommandRejected('texte vide');
    const flags = flagQuestion(text, moderationLists(state.moderation));
    return [{ type: 'question.added', text, name, sessionId: command.sessionId, at, flags }];
  }
  const q = find(state, command.questionId);
  switch (command.type) {
    case 'question.approve':
      return status(q, 'approved');
    case 'question.reject':
      return [...status(q, 'rejected'), ...(q.rank === null ? [] : [{ type: 'question.ranked' as const, questionId: q.id, rank: null }])];
    case 'question.reopen':
      return status(q, 'incoming');
    case 'question.answered':
      return status(q, command.answered ? 'answered' : 'approved');
    case 'question.edit': {
      const text = cleanText(command.text);
      if (!text) throw new CommandRejected('texte vide');
      if (text === (q.editedText ?? q.text)) return [];
      // A moderator's edit is checked like a participant's text: a name typed in (a child's, a
      // family's) flags the question again, and a clearance given before does not cover it.
      const known = new Set(q.flags.map((f) => `${f.kind}\u0000${f.match}`));
      const added = flagQuestion(text, moderationLists(state.moderation)).filter((f) => !known.has(`${f.kind}\u0000${f.match}`));
      return [
        { type: 'question.edited', questionId: q.id, text },
        ...(added.length > 0 ? [{ type: 'question.flags.added' as const, questionId: q.id, flags: added }] : []),
      ];
    }
    case 'question.merge': {
      if (command.intoId === q.id) throw new CommandRejected('une question ne peut pas être fusionnée avec elle-même');
      const into = find(state, command.intoId);
      return [{ type: 'question.merged', questionId: q.id, intoId: into.id }];
    }
    case 'question.star':
      if (command.starred && q.status === 'rejected') throw new CommandRejected('une question rejetée ne va pas dans la sélection');
      if (command.starred === (q.rank !== null)) return [];
      // Starring an incoming question approves it: the shortlist is what the stage reads.
      return [
        ...(command.starred && q.status === 'incoming' ? status(q, 'approved') : []),
        { type: 'question.ranked', questionId: q.id, rank: command.starred ? lastRank(state) : null },
      ];
    case 'question.move': {
      if (q.rank === null) throw new CommandRejected('seules les questions de la sélection s’ordonnent');
      if (command.beforeId === null) return [{ type: 'question.ranked', questionId: q.id, rank: lastRank(state) }];
      const before = find(state, command.beforeId);
      if (before.rank === null) throw new CommandRejected('la question de référence n’est pas dans la sélection');
      const ranks = state.audience.questions.filter((x) => x.rank !== null && x.id !== q.id && x.rank < before.rank!).map((x) => x.rank!);
      const prev = Math.max(0, ...ranks);
      return [{ type: 'question.ranked', questionId: q.id, rank: (prev + before.rank) / 2 }];
    }
    case 'question.clear-flags':
      if (q.flags.length === 0) throw new CommandRejected('cette question n’a pas de signalement');
      return q.flagsClearedBy ? [] : [{ type: 'question.flags.cleared', questionId: q.id }];
    default:
      return command satisfies never;
  }
}
