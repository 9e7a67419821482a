import { type AudienceQuestion, isProjectable, type QuestionFinding, questionText, type RedactionStep, type RegieState } from '../../shared/api/state';
import type { ProgramState, Scene } from '../../shared/domain/scene';
import { newQuestion } from './audience-reducer';
import { questionRoom } from './audience-rooms';
import type { EventMeta, RegieEvent } from './events';
import { dedupe, locateFlags, relocate, textsOf } from './legacy-flags';
import { redactQuestion } from './question-redaction';

type QuestionEvent = Extract<RegieEvent, { type: `question.${string}` }>;

/** Redactions kept for undo, per question (the journal keeps them all). */
const UNDO_KEPT = 5;

function update(state: RegieState, id: string, meta: EventMeta, change: (q: AudienceQuestion) => AudienceQuestion): RegieState {
  const i = state.audience.questions.findIndex((q) => q.id === id);
  const q = state.audience.questions[i];
  if (!q) return state;
  const questions = state.audience.questions.slice();
  const next = { ...change(q), lastActionBy: meta.actor };
  questions[i] = { ...next, published: isProjectable(next) };
  return { ...state, audience: { ...state.audience, questions } };
}

const sameFinding = (a: Pick<QuestionFinding, 'kind' | 'match'>, b: Pick<QuestionFinding, 'kind' | 'match'>) => a.kind === b.kind && a.match === b.match;

/** New findings nobody has read: a clearance given for the earlier ones no longer covers the question. */
function withFindings(q: AudienceQuestion, findings: readonly QuestionFinding[]): AudienceQuestion {
  const flags = dedupe([...q.flags, ...findings]);
  const unread = findings.some((f) => !q.flags.some((g) => sameFinding(f, g)));
  return { ...q, flags, flagsClearedBy: unread ? null : q.flagsClearedBy };
}

/** A moderator's edit: the edit's findings are those of the new text; a finding not seen before must be read. */
function edited(q: AudienceQuestion, event: Extract<QuestionEvent, { type: 'question.edited' }>): AudienceQuestion {
  const editedText = event.text === q.text ? null : event.text;
  const marks = (q.redactions ?? []).filter((m) => m.field !== 'edit');
  const base = { ...q, editedText, ...(q.redactions === undefined ? {} : { redactions: marks }) };
  if (event.findings === undefined) {
    // An older journal: the edit's flags follow in their own event; the earlier ones are placed again.
    return { ...base, flags: relocate(q.flags, 'edit', editedText) };
  }
  const others = q.flags.filter((f) => f.field !== 'edit');
  const fresh = editedText === null ? [] : event.findings.filter((f) => f.field === 'edit');
  const unread = fresh.some((f) => !q.flags.some((g) => sameFinding(f, g)));
  return { ...base, flags: dedupe([...others, ...fresh]), flagsClearedBy: unread ? null : q.flagsClearedBy };
}

/**
 * A projector's copies of a redacted question follow it: in preview, in the panic's memory, and
 * on air — there as a new take, a cut, so that the name leaves the screen at once.
 */
function followRedaction(program: ProgramState, q: AudienceQuestion): ProgramState {
  const refresh = (scene: Scene | null): Scene | null =>
    scene?.kind === 'question' && scene.questionId === q.id ? { ...scene, text: questionText(q), name: q.name } : scene;
  const onAir = refresh(program.onAir) ?? program.onAir;
  const changedOnAir = onAir !== program.onAir;
  const next = { ...program, preview: refresh(program.preview), panicFrom: refresh(program.panicFrom), onAir };
  return changedOnAir ? { ...next, take: program.take + 1, takeTransition: { kind: 'cut', durationMs: 0 } } : next;
}

function redacted(state: RegieState, event: Extract<QuestionEvent, { type: 'question.redacted' }>, meta: EventMeta): RegieState {
  const q = state.audience.questions.find((x) => x.id === event.questionId);
  if (!q) return state;
  const before: RedactionStep['before'] = {
    text: q.text,
    editedText: q.editedText,
    name: q.name,
    flags: q.flags,
    ...(q.redactions === undefined ? {} : { redactions: q.redactions }),
    flagsClearedBy: q.flagsClearedBy,
  };
  const after = redactQuestion(before, event.spans);
  const updated = update(state, q.id, meta, (x) => ({ ...x, ...after }));
  const now = updated.audience.questions.find((x) => x.id === q.id) ?? q;
  // Every room's bus that shows it (a question belongs to one room, but a bus of before rooms may hold it).
  const shows = (p: ProgramState) => [p.preview, p.onAir, p.panicFrom].some((sc) => sc?.kind === 'question' && sc.questionId === q.id);
  const rooms = Object.keys(updated.programs).filter((room) => shows(updated.programs[room]!));
  const programs = rooms.reduce((acc, room) => ({ ...acc, [room]: followRedaction(acc[room]!, now) }), updated.programs);
  const next = rooms.length > 0 ? { ...updated, programs } : updated;
  const step: RedactionStep = { before, after: { text: after.text, editedText: after.editedText, name: after.name, flags: after.flags } };
  const steps = [...(state.redactionUndo[q.id] ?? []), step].slice(-UNDO_KEPT);
  return { ...next, redactionUndo: { ...state.redactionUndo, [q.id]: steps } };
}

function unredacted(state: RegieState, event: Extract<QuestionEvent, { type: 'question.unredacted' }>, meta: EventMeta): RegieState {
  const steps = state.redactionUndo[event.questionId] ?? [];
  const last = steps.at(-1);
  if (!last) return state;
  const next = update(state, event.questionId, meta, (q) => ({ ...q, ...last.before, redactions: last.before.redactions ?? [] }));
  const rest = steps.slice(0, -1);
  const { [event.questionId]: _gone, ...others } = state.redactionUndo;
  return { ...next, redactionUndo: rest.length > 0 ? { ...others, [event.questionId]: rest } : others };
}

/** Screening events. `published` follows the rule: on the phones only when it could be projected. */
export function applyQuestionEvent(state: RegieState, event: QuestionEvent, meta: EventMeta): RegieState {
  switch (event.type) {
    case 'question.status.set':
      return update(state, event.questionId, meta, (q) => ({ ...q, status: event.status }));
    case 'question.edited':
      return update(state, event.questionId, meta, (q) => edited(q, event));
    case 'question.ranked':
      return update(state, event.questionId, meta, (q) => ({ ...q, rank: event.rank }));
    case 'question.flags.cleared':
      return update(state, event.questionId, meta, (q) => ({ ...q, flagsClearedBy: meta.actor }));
    case 'question.flags.added':
      // An older journal's flags (an edit's, or the organisers' lists grew): placed in the edit and the text.
      return update(state, event.questionId, meta, (q) => ({ ...withFindings(q, locateFlags(event.flags, textsOf(q), ['edit', 'text'])), flagsClearedBy: null }));
    case 'question.findings.added':
      return update(state, event.questionId, meta, (q) => withFindings(q, event.findings));
    case 'question.redacted':
      return redacted(state, event, meta);
    case 'question.unredacted':
      return unredacted(state, event, meta);
    case 'question.merged': {
      const source = state.audience.questions.find((q) => q.id === event.questionId);
      if (!source) return state;
      const merged = update(state, event.questionId, meta, (q) => ({ ...q, status: 'merged', mergedInto: event.intoId, rank: null }));
      // The votes and the askers add up on the question that stays.
      return update(merged, event.intoId, meta, (q) => ({ ...q, upvotes: q.upvotes + source.upvotes, askers: q.askers + source.askers }));
    }
    case 'question.added': {
      const texts = { text: event.text, edit: null, name: event.name };
      // An older journal's flags were found in the text only.
      const flags = event.findings ?? locateFlags(event.flags ?? [], texts, ['text']);
      const q = newQuestion(`q-${meta.seq}`, { msgId: null, hubSeq: null, receivedAt: event.at, origin: 'regie', name: event.name, text: event.text, sessionId: event.sessionId, room: questionRoom(state, event.room, event.sessionId), flags });
      return { ...state, audience: { ...state.audience, questions: [...state.audience.questions, { ...q, lastActionBy: meta.actor }] } };
    }
    default:
      return event satisfies never;
  }
}
