import { type AudienceQuestion, isProjectable, type RegieState } from '../../shared/api/state';
import { newQuestion } from './audience-reducer';
import type { EventMeta, RegieEvent } from './events';

type QuestionEvent = Extract<RegieEvent, { type: `question.${string}` }>;

function update(state: RegieState, id: string, meta: EventMeta, change: (q: AudienceQuestion) => AudienceQuestion): RegieState {
  const i = state.audience.questions.findIndex((q) => q.id === id);
  const q = state.audience.questions[i];
  if (!q) return state;
  const questions = state.audience.questions.slice();
  const next = { ...change(q), lastActionBy: meta.actor };
  questions[i] = { ...next, published: isProjectable(next) };
  return { ...state, audience: { ...state.audience, questions } };
}

/** Screening events. `published` follows the rule: on the phones only when it could be projected. */
export function applyQuestionEvent(state: RegieState, event: QuestionEvent, meta: EventMeta): RegieState {
  switch (event.type) {
    case 'question.status.set':
      return update(state, event.questionId, meta, (q) => ({ ...q, status: event.status }));
    case 'question.edited':
      return update(state, event.questionId, meta, (q) => ({ ...q, editedText: event.text === q.text ? null : event.text }));
    case 'question.ranked':
      return update(state, event.questionId, meta, (q) => ({ ...q, rank: event.rank }));
    case 'question.flags.cleared':
      return update(state, event.questionId, meta, (q) => ({ ...q, flagsClearedBy: meta.actor }));
    case 'question.flags.added':
      // A flag nobody has read yet: a clearance given for the earlier flags no longer covers it.
      return update(state, event.questionId, meta, (q) => ({ ...q, flags: [...q.flags, ...event.flags], flagsClearedBy: null }));
    case 'question.merged': {
      const source = state.audience.questions.find((q) => q.id === event.questionId);
      if (!source) return state;
      const merged = update(state, event.questionId, meta, (q) => ({ ...q, status: 'merged', mergedInto: event.intoId, rank: null }));
      // The votes and the askers add up on the question that stays.
      return update(merged, event.intoId, meta, (q) => ({ ...q, upvotes: q.upvotes + source.upvotes, askers: q.askers + source.askers }));
    }
    case 'question.added': {
      const q = newQuestion(`q-${meta.seq}`, { msgId: null, hubSeq: null, receivedAt: event.at, origin: 'regie', name: event.name, text: event.text, sessionId: event.sessionId, flags: event.flags });
      return { ...state, audience: { ...state.audience, questions: [...state.audience.questions, { ...q, lastActionBy: meta.actor }] } };
    }
    default:
      return event satisfies never;
  }
}
