import { create } from 'zustand';
import { DEFAULT_FILTER, type QueueFilter } from '../../../shared/domain/question-queue';
import type { QuestionAction } from '../../../shared/domain/question-undo';
import type { AudienceQuestion } from '../../../shared/api/state';
import type { PickedSpan } from './highlight-model';

/**
 * The screening desk's own state, per seat: the filters, the selected question, what is being
 * edited or merged, the last action (for undo) and the latest word from the core. The queue
 * itself is the core's (mirrored in the regie store): two seats see the same questions.
 */

/** The session filter: the current session (the Q&A's, else the one running), every session, or one. */
export type SessionChoice = { kind: 'current' } | { kind: 'all' } | { kind: 'one'; sessionId: string };

export type Mode = 'browse' | 'edit' | 'merge' | 'add' | 'original';

export interface LastAction {
  action: QuestionAction;
  /** The question just before the action (null for a question typed in). */
  before: AudienceQuestion | null;
  /** The shortlist (ids in rank order) just before the action. */
  starredBefore: string[];
}

export interface Feedback {
  tone: 'info' | 'error';
  text: string;
  /** The undo key may take back what this reports. */
  undoable: boolean;
  /** Which question it is about (a refusal shows next to it). */
  questionId: string | null;
  /** It reports the question sent to the preview: the banner follows the program bus from then on. */
  preview?: boolean;
  ticket: number;
}

export interface QuestionsDesk {
  filter: Omit<QueueFilter, 'sessionId'>;
  session: SessionChoice;
  selectedId: string | null;
  /** The row index of the selection, to select the next question when it leaves the list. */
  selectedIndex: number;
  mode: Mode;
  /** The session the filter resolved to (null: every session), set by the panel. */
  resolvedSessionId: string | null;
  last: LastAction | null;
  feedback: Feedback | null;
  /** The passage picked to redact (a click on a highlight): `x` redacts it, else everything found. */
  picked: PickedSpan | null;
}

const { sessionId: _ignored, ...filter } = DEFAULT_FILTER;

export const useQuestionsDesk = create<QuestionsDesk>(() => ({
  filter,
  session: { kind: 'current' },
  selectedId: null,
  selectedIndex: 0,
  mode: 'browse',
  resolvedSessionId: null,
  last: null,
  feedback: null,
  picked: null,
}));

export function setFilter(patch: Partial<QuestionsDesk['filter']>): void {
  useQuestionsDesk.setState((s) => ({ filter: { ...s.filter, ...patch }, mode: 'browse' }));
}

export function setSession(session: SessionChoice): void {
  useQuestionsDesk.setState({ session, mode: 'browse' });
}

export function select(id: string | null, index: number): void {
  useQuestionsDesk.setState((s) =>
    s.selectedId === id && s.selectedIndex === index ? s : { selectedId: id, selectedIndex: index, mode: s.mode === 'add' ? 'add' : 'browse', picked: s.picked?.questionId === id ? s.picked : null },
  );
}

/** Picks a passage to redact (again: lets it go). */
export function pick(span: PickedSpan | null): void {
  useQuestionsDesk.setState((s) => ({ picked: span && s.picked && s.picked.questionId === span.questionId && s.picked.field === span.field && s.picked.start === span.start && s.picked.end === span.end ? null : span }));
}

export function setMode(mode: Mode): void {
  useQuestionsDesk.setState({ mode });
}

let tickets = 0;
let clearTimer: ReturnType<typeof setTimeout> | undefined;
export const FEEDBACK_MS = 10_000;

/** Shows a word from the desk or the core under the queue; it fades after a while, the latest wins. */
export function say(tone: Feedback['tone'], text: string, opts: { undoable?: boolean; questionId?: string | null; preview?: boolean } = {}): void {
  const ticket = ++tickets;
  const preview = opts.preview ? { preview: true } : {};
  useQuestionsDesk.setState({ feedback: { tone, text, undoable: opts.undoable ?? false, questionId: opts.questionId ?? null, ...preview, ticket } });
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    if (useQuestionsDesk.getState().feedback?.ticket === ticket) useQuestionsDesk.setState({ feedback: null });
  }, FEEDBACK_MS);
}

export function clearFeedback(): void {
  useQuestionsDesk.setState({ feedback: null });
}
