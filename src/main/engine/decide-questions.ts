import type { Command } from '../../shared/api/commands';
import type { AudienceQuestion, QuestionFinding, RegieState } from '../../shared/api/state';
import { cleanText } from '../../shared/protocol/clean-text';
import { moderationLists } from '../moderation/moderation-lists';
import { findingsIn, questionFindings } from '../moderation/question-findings';
import { questionRoom } from './audience-rooms';
import { CommandRejected } from './command-rejected';
import { requireRoom } from './require-room';
import type { RegieEvent } from './events';
import { redactableFindings } from './question-redaction';

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

const FIELD_FR = { text: 'le texte', edit: 'le texte modifié', name: 'le nom' } as const;

/** The span a moderator asks to redact: a finding of the question, or a passage they chose (with its kind). */
function spanToRedact(q: AudienceQuestion, span: NonNullable<Extract<QuestionCommand, { type: 'question.redact' }>['span']>): QuestionFinding {
  const value = span.field === 'text' ? q.text : span.field === 'edit' ? q.editedText : q.name;
  if (value === null) throw new CommandRejected(`cette question n’a pas de ${span.field === 'name' ? 'nom' : 'texte modifié'}`);
  if (span.end > value.length) throw new CommandRejected(`passage hors de ${FIELD_FR[span.field]} (${value.length} caractères)`);
  if ((q.redactions ?? []).some((m) => m.field === span.field && span.start < m.end && m.start < span.end)) {
    throw new CommandRejected('ce passage est déjà caviardé');
  }
  const found = q.flags.find((f) => f.field === span.field && f.start === span.start && f.end === span.end && f.kind !== 'long');
  if (found) return found;
  if (span.kind === undefined || span.kind === 'long') throw new CommandRejected('dites ce que cache ce passage (prénom, nom, téléphone…) : il n’a pas été signalé');
  return { field: span.field, kind: span.kind, start: span.start, end: span.end, match: value.slice(span.start, span.end) };
}

/** Screening: approve, reject, edit, merge, star and order, answered, clear flags, redact, type one in. */
export function decideQuestion(state: RegieState, command: QuestionCommand, at: number): RegieEvent[] {
  if (command.type === 'question.add') {
    // The same cleaning as the hub's: no control, bidi-override or zero-width characters.
    const text = cleanText(command.text);
    const name = command.name === null ? null : cleanText(command.name) || null;
    if (!text) throw new CommandRejected('texte vide');
    // Checked like a participant's question: the text and the name.
    const findings = questionFindings(text, name, moderationLists(state.moderation, state.programme));
    // The desk's room, else the session's, else the main room: written down, so a later programme cannot move it.
    const room = questionRoom(state, command.room === undefined ? undefined : requireRoom(state, command.room), command.sessionId);
    return [{ type: 'question.added', text, name, sessionId: command.sessionId, at, room, findings }];
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
      // family's) flags the question again, and a clearance given before does not cover it (the
      // reducer compares the edit's findings with those already read).
      const findings = text === q.text ? [] : findingsIn('edit', text, moderationLists(state.moderation, state.programme));
      return [{ type: 'question.edited', questionId: q.id, text, findings }];
    }
    case 'question.merge': {
      if (command.intoId === q.id) throw new CommandRejected('une question ne peut pas être fusionnée avec elle-même');
      const into = find(state, command.intoId);
      // Each room screens its own questions: a merge never moves askers and votes to another room.
      if (into.room !== q.room) throw new CommandRejected(`les deux questions ne sont pas de la même salle (${q.room}, ${into.room}) : pas de fusion`);
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
    case 'question.redact': {
      const spans = command.span === null ? redactableFindings(q) : [spanToRedact(q, command.span)];
      if (spans.length === 0) {
        throw new CommandRejected(
          q.flags.length === 0
            ? 'rien à caviarder : aucun passage signalé dans cette question'
            : q.flags.every((f) => f.kind === 'long')
              ? 'rien à caviarder : ce signalement porte sur la longueur, lisez la question et levez-le (c)'
              : 'rien à caviarder : ces signalements ne désignent aucun passage du texte actuel, lisez la question et levez-les (c)',
        );
      }
      return [{ type: 'question.redacted', questionId: q.id, spans }];
    }
    case 'question.unredact': {
      const last = state.redactionUndo[q.id]?.at(-1);
      if (!last) throw new CommandRejected('aucun caviardage à annuler sur cette question');
      const now = { text: q.text, editedText: q.editedText, name: q.name, flags: q.flags };
      if (JSON.stringify(now) !== JSON.stringify(last.after)) {
        throw new CommandRejected('la question a changé depuis le caviardage (modification ou nouveau signalement) : il ne s’annule plus');
      }
      return [{ type: 'question.unredacted', questionId: q.id }];
    }
    case 'question.clear-flags':
      if (q.flags.length === 0) throw new CommandRejected('cette question n’a pas de signalement');
      return q.flagsClearedBy ? [] : [{ type: 'question.flags.cleared', questionId: q.id }];
    default:
      return command satisfies never;
  }
}
