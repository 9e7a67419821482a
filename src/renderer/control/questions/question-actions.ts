import { STAGE_MESSAGE_CONFIRM_PATH } from '../../../shared/api/commands';
import { type AudienceQuestion, isProjectable, type QuestionField, questionText } from '../../../shared/api/state';
import type { PersonalDataKind } from '../../../shared/domain/personal-data';
import { guessKind, samePlace } from './highlight-model';
import { displayText } from '../../../shared/domain/question-display';
import { inQueue, queueView } from '../../../shared/domain/question-queue';
import type { Scene } from '../../../shared/domain/scene';
import { type QuestionAction, undoPlan } from '../../../shared/domain/question-undo';
import { sendCommand } from '../../lib/core-client';
import { currentLanguage, type MessageKey, type MessageParams, translate } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { deskRoomField } from '../rooms/use-desk-room';
import { flagWords } from './question-words';
import { say, useQuestionsDesk } from './questions-store';

/**
 * What the screening desk sends to the core, from the keys and the buttons alike. Each action
 * keeps the question as it was, so that `u` can take it back; every refusal of the core is shown
 * in its own words under the queue.
 */

const tr = (key: MessageKey, params?: MessageParams) => translate(currentLanguage(), key, params);

/** « Quels moyens pour les équipes… »: enough of a question to recognise it in a message. */
export function excerpt(text: string, max = 60): string {
  const clean = displayText(text);
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Every starred question, in rank order (what `question.move` orders). */
function starredIds(all: readonly AudienceQuestion[]): string[] {
  return all
    .filter((q) => q.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((q) => q.id);
}

function questions(): readonly AudienceQuestion[] {
  return useRegie.getState().state?.audience.questions ?? [];
}

function find(id: string): AudienceQuestion | undefined {
  return questions().find((q) => q.id === id);
}

function doneKey(action: QuestionAction): MessageKey {
  switch (action.type) {
    case 'question.approve':
      return 'questions.done.approve';
    case 'question.reject':
      return 'questions.done.reject';
    case 'question.reopen':
      return 'questions.done.reopen';
    case 'question.edit':
      return 'questions.done.edit';
    case 'question.merge':
      return 'questions.done.merge';
    case 'question.star':
      return action.starred ? 'questions.done.star' : 'questions.done.unstar';
    case 'question.move':
      return 'questions.done.move';
    case 'question.answered':
      return action.answered ? 'questions.done.answered' : 'questions.done.unanswered';
    case 'question.clear-flags':
      return 'questions.done.clearFlags';
    case 'question.redact':
      return 'questions.done.redact';
    case 'question.unredact':
      return 'questions.done.unredact';
    case 'question.add':
      return 'questions.done.add';
    default:
      return action satisfies never;
  }
}

/**
 * The desk's actions run one after the other, each on the state that the previous one left (two
 * quick Alt+↑ move a question up twice): a task starts once the last one has been answered and
 * its patch has arrived.
 */
let chain: Promise<unknown> = Promise.resolve();
export function run(task: () => Promise<unknown>): Promise<void> {
  const next = chain.then(task).then(
    () => undefined,
    () => undefined,
  );
  chain = next;
  return next;
}

/** Waits (a little) until the mirrored state includes the core's answer `seq`. */
function caughtUp(seq: number, timeoutMs = 1000): Promise<void> {
  if (useRegie.getState().seq >= seq) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useRegie.subscribe((s) => {
      if (s.seq >= seq) done();
    });
    const timer = setTimeout(() => done(), timeoutMs);
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

/**
 * The selected question as it is when a queued key is handled, not when it was pressed: after
 * `a`, the next question is selected, and a second `a` approves that one.
 */
function selectedNow(): AudienceQuestion | null {
  const desk = useQuestionsDesk.getState();
  const filter = { ...desk.filter, sessionId: desk.resolvedSessionId };
  // Still in the queue where it was: no need to filter and sort 20,000 questions to know it.
  const still = desk.selectedId === null ? undefined : find(desk.selectedId);
  if (still && inQueue(still, filter)) return still;
  const rows = queueView(questions(), filter).rows;
  const found = desk.selectedId === null ? -1 : rows.findIndex((q) => q.id === desk.selectedId);
  const index = found >= 0 ? found : Math.min(desk.selectedIndex, rows.length - 1);
  const q = rows[index] ?? null;
  if (q && (q.id !== desk.selectedId || index !== desk.selectedIndex)) useQuestionsDesk.setState({ selectedId: q.id, selectedIndex: index });
  return q;
}

/** A key's action on the selected question, queued. */
export function onSelected(f: (q: AudienceQuestion) => Promise<unknown>): Promise<void> {
  return run(async () => {
    const q = selectedNow();
    if (q) await f(q);
  });
}

/** `s`: on the shortlist or off it, as the question is now. */
export function toggleStar(questionId: string): Promise<boolean> {
  const q = find(questionId);
  return q ? act({ type: 'question.star', questionId, starred: q.rank === null }) : Promise.resolve(false);
}

/** `d`: answered, or back to approved. */
export function toggleAnswered(questionId: string): Promise<boolean> {
  const q = find(questionId);
  return q ? act({ type: 'question.answered', questionId, answered: q.status !== 'answered' }) : Promise.resolve(false);
}

/** Alt+↑/↓: one place up or down the shortlist (its order as it is when the key is handled). */
export async function moveInShortlist(questionId: string, direction: 'up' | 'down'): Promise<void> {
  const starred = starredIds(questions().filter((q) => q.status !== 'merged' && q.status !== 'rejected'));
  const at = starred.indexOf(questionId);
  if (at < 0) return;
  if (direction === 'up' && at > 0) await act({ type: 'question.move', questionId, beforeId: starred[at - 1]! });
  if (direction === 'down' && at < starred.length - 1) await act({ type: 'question.move', questionId, beforeId: starred[at + 2] ?? null });
}

/** Any other action, queued behind the previous ones. */
export function queue(action: QuestionAction): Promise<void> {
  return run(() => act(action));
}

/** Sends one screening action; keeps it for undo when it went through. */
export async function act(action: QuestionAction): Promise<boolean> {
  const before = 'questionId' in action ? (find(action.questionId) ?? null) : null;
  const starredBefore = starredIds(questions());
  const r = await sendCommand(action);
  const questionId = 'questionId' in action ? action.questionId : null;
  if (!r.ok) {
    say('error', tr('questions.refused', { message: r.error.message }), { questionId });
    return false;
  }
  await caughtUp(r.seq);
  const what = tr(doneKey(action), action.type === 'question.merge' ? { target: excerpt(questionText(find(action.intoId) ?? (before as AudienceQuestion))) } : undefined);
  // A redaction's message quotes the question as it is now: the original must not come back on the desk.
  const now = 'questionId' in action ? find(action.questionId) : undefined;
  const subject = action.type === 'question.add' ? action.text : action.type === 'question.redact' && now ? questionText(now) : before ? questionText(before) : '';
  useQuestionsDesk.setState({ last: { action, before, starredBefore } });
  const plan = before || action.type === 'question.add' ? undoPlan(action, before ?? placeholder, starredBefore) : { kind: 'nothing' as const };
  const tail = plan.kind === 'impossible' ? ` ${tr(`questions.undo.impossible.${plan.reason}`)}` : '';
  say('info', `${what} : « ${excerpt(subject)} »${tail}`, { undoable: plan.kind === 'undo', questionId });
  return true;
}

/** undoPlan reads nothing of the question for a typed-in one: this stands in for it. */
const placeholder: AudienceQuestion = {
  id: 'q-0',
  msgId: null,
  hubSeq: null,
  receivedAt: 0,
  origin: 'regie',
  name: null,
  text: '',
  editedText: null,
  sessionId: null,
  room: '',
  upvotes: 0,
  askers: 1,
  status: 'incoming',
  rank: null,
  mergedInto: null,
  flags: [],
  flagsClearedBy: null,
  redactions: [],
  published: false,
  lastActionBy: null,
};

/** `u`: takes back the desk's last action with its inverse commands, or says why it cannot. */
export async function undoLast(): Promise<void> {
  const last = useQuestionsDesk.getState().last;
  if (!last) {
    say('info', tr('questions.undo.nothing'));
    return;
  }
  const plan = undoPlan(last.action, last.before ?? placeholder, last.starredBefore);
  if (plan.kind === 'impossible') {
    say('info', tr(`questions.undo.impossible.${plan.reason}`));
    return;
  }
  if (plan.kind === 'nothing') {
    useQuestionsDesk.setState({ last: null });
    say('info', tr('questions.undo.nothing'));
    return;
  }
  for (const command of plan.commands) {
    const r = await sendCommand(command);
    if (!r.ok) {
      say('error', tr('questions.undo.failed', { message: r.error.message }), { questionId: last.before?.id ?? null });
      return;
    }
    await caughtUp(r.seq);
  }
  useQuestionsDesk.setState({ last: null, ...(last.before ? { selectedId: last.before.id } : {}) });
  say('info', tr('questions.undo.done', { what: tr(doneKey(last.action)).toLocaleLowerCase(currentLanguage()), text: excerpt(last.before ? questionText(last.before) : '') }));
}

/**
 * `v`: the question to the projector's preview. A flagged question never leaves the desk (the
 * desk refuses before the core is asked); the core then checks the scene itself.
 */
export async function sendToPreview(q: AudienceQuestion): Promise<void> {
  if (q.flags.length > 0 && q.flagsClearedBy === null) {
    say('error', tr('questions.preview.flagged', { flags: flagWords(q.flags, tr) }), { questionId: q.id });
    return;
  }
  if (!isProjectable(q)) {
    say('error', tr('questions.preview.notApproved'), { questionId: q.id });
    return;
  }
  // The core copies the text, name and origin in, and refuses a question that may not be shown.
  const scene: Scene = { kind: 'question', questionId: q.id };
  const r = await sendCommand({ type: 'program.preview', scene, ...deskRoomField() });
  if (r.ok) say('info', tr('questions.preview.sent', { text: excerpt(questionText(q)) }), { questionId: q.id, preview: true });
  else say('error', tr('questions.preview.refused', { message: r.error.message }), { questionId: q.id });
}

/**
 * `x`: redacts the passage picked on the desk (a click on a highlight, or text selected with the
 * mouse in the question or the name), else everything the detector found. The core keeps the
 * original in its journal; `u` takes the redaction back.
 */
export async function redactSelected(q: AudienceQuestion): Promise<void> {
  const { picked } = useQuestionsDesk.getState();
  const free = selectedPassage(q.id);
  const span =
    free ??
    (picked?.questionId === q.id && q.flags.some((f) => samePlace(f, picked)) ? { field: picked.field, start: picked.start, end: picked.end } : null);
  useQuestionsDesk.setState({ picked: null });
  window.getSelection()?.removeAllRanges();
  await act({ type: 'question.redact', questionId: q.id, span });
}

/**
 * Text the moderator selected with the mouse inside one field of the selected question (the
 * detail's text, original or name): its offsets in that field, and the kind its label will say.
 * The fields' pieces carry their offsets (`data-start`), so a selection maps back exactly.
 */
function selectedPassage(questionId: string): { field: QuestionField; start: number; end: number; kind: PersonalDataKind } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const fieldOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-redact-field]');
  const a = fieldOf(range.startContainer);
  const b = fieldOf(range.endContainer);
  if (!a || a !== b || a.dataset.questionId !== questionId) return null;
  const field = a.dataset.redactField;
  if (field !== 'text' && field !== 'edit' && field !== 'name') return null;
  const offset = (node: Node, at: number) => {
    const piece = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-start]');
    return piece ? Number(piece.dataset.start) + (node.nodeType === Node.TEXT_NODE ? at : 0) : null;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const text = range.toString().trim();
  if (text.length === 0) return null;
  // Trim the selection's blank edges: the label replaces the words, not the spaces around them.
  const raw = range.toString();
  const lead = raw.length - raw.trimStart().length;
  const tail = raw.length - raw.trimEnd().length;
  return { field, start: start + lead, end: end - tail, kind: guessKind(text) };
}

/**
 * A message on the facilitator's tablet (null clears it). One holding personal data comes back
 * refused with the reasons until it is sent again `confirmed`: the caller asks the moderator.
 */
export async function sendStageMessage(text: string | null, confirmed = false): Promise<{ ok: true } | { ok: false; confirm: string[] | null }> {
  const r = await sendCommand({ type: 'stage.message', text, ...(confirmed ? { confirmed: true } : {}), ...deskRoomField() });
  if (r.ok) return { ok: true };
  const reasons = (r.error.issues ?? []).filter((i) => i.path === STAGE_MESSAGE_CONFIRM_PATH).map((i) => i.message);
  if (reasons.length > 0 && !confirmed) return { ok: false, confirm: reasons };
  say('error', tr('questions.refused', { message: r.error.message }));
  return { ok: false, confirm: null };
}
