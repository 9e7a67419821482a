import {
  type Interaction,
  type InteractionKind,
  interactionIdSchema,
  interactionSchema,
  MAX_POLL_OPTIONS,
  type PollType,
} from '../../../shared/domain/interaction';
import type { Translate } from '../../lib/i18n';
import { type FieldErrors, schemaErrors } from './field-errors';
import { slugify, uniqueId } from './slug';

/**
 * A poll or a word cloud as the form holds it: strings as typed, and every type's fields kept
 * while the operator switches between types. Pure.
 */

export interface InteractionDraft {
  kind: InteractionKind;
  id: string;
  /** The operator typed the id: it no longer follows the question. */
  idEdited: boolean;
  pollType: PollType;
  question: string;
  options: string[];
  /** Multiple choice: how many a participant may tick ('' = all of them). */
  maxChoices: string;
  ratingMin: string;
  ratingMax: string;
  minLabel: string;
  maxLabel: string;
  hideResultsUntilReveal: boolean;
  prompt: string;
  maxWordsPerParticipant: string;
  maxWordLength: string;
  /** The room it was made for (kept as it is: the editor does not move a poll between rooms). */
  room?: string;
}

/** Suggested ids stay short: they are read aloud over the intercom. */
export const SUGGESTED_ID_LENGTH = 40;

export function emptyInteractionDraft(kind: InteractionKind): InteractionDraft {
  return {
    kind,
    id: '',
    idEdited: false,
    pollType: 'yesno',
    question: '',
    options: ['', ''],
    maxChoices: '',
    ratingMin: '1',
    ratingMax: '5',
    minLabel: '',
    maxLabel: '',
    hideResultsUntilReveal: false,
    prompt: '',
    maxWordsPerParticipant: '3',
    maxWordLength: '25',
  };
}

export function draftFromInteraction(i: Interaction): InteractionDraft {
  const d: InteractionDraft = { ...emptyInteractionDraft(i.kind), id: i.id, idEdited: true, ...(i.room ? { room: i.room } : {}) };
  if (i.kind === 'wordcloud') {
    return { ...d, prompt: i.prompt, maxWordsPerParticipant: String(i.maxWordsPerParticipant), maxWordLength: String(i.maxWordLength) };
  }
  const poll = { ...d, pollType: i.type, question: i.question, hideResultsUntilReveal: i.hideResultsUntilReveal };
  switch (i.type) {
    case 'single':
      return { ...poll, options: [...i.options] };
    case 'multiple':
      return { ...poll, options: [...i.options], maxChoices: i.maxChoices === undefined ? '' : String(i.maxChoices) };
    case 'rating':
      return { ...poll, ratingMin: String(i.min), ratingMax: String(i.max), minLabel: i.minLabel ?? '', maxLabel: i.maxLabel ?? '' };
    case 'yesno':
      return poll;
  }
}

/** An id from the question or the prompt, unique among `taken`. */
export function suggestInteractionId(d: InteractionDraft, taken: ReadonlySet<string>): string {
  const slug = slugify(d.kind === 'poll' ? d.question : d.prompt, SUGGESTED_ID_LENGTH);
  return slug === '' ? '' : uniqueId(slug, taken);
}

export function hasOptions(type: PollType): boolean {
  return type === 'single' || type === 'multiple';
}

/** Moves the option at `from` by `delta` places (−1 up, +1 down); the same list when it cannot. */
export function moveOption(options: readonly string[], from: number, delta: -1 | 1): string[] {
  const to = from + delta;
  if (from < 0 || to < 0 || from >= options.length || to >= options.length) return [...options];
  const next = [...options];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export const MAX_OPTIONS = MAX_POLL_OPTIONS;

const int = (s: string): number | null => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : null);

/** An integer within [min, max], or the message that says what is expected. */
function checkInt(s: string, min: number, max: number, t: Translate): { value: number | null; error?: string } {
  const value = int(s);
  if (value === null) return { value, error: t('editor.error.integer') };
  if (value < min || value > max) return { value, error: t('editor.error.range', { min, max }) };
  return { value };
}

export type InteractionCheck = { ok: true; interaction: Interaction } | { ok: false; errors: FieldErrors };

/**
 * The interaction the draft stands for, or what is wrong with it, field by field: required fields
 * first (in the desk's language), then the programme's own schema. Blank options are dropped.
 */
export function interactionFromDraft(d: InteractionDraft, t: Translate, takenIds: ReadonlySet<string>): InteractionCheck {
  const errors: FieldErrors = {};
  const id = d.id.trim();
  if (id === '') errors.id = t('editor.error.required');
  else if (!interactionIdSchema.safeParse(id).success) errors.id = t('editor.error.idFormat');
  else if (takenIds.has(id)) errors.id = t('editor.error.interactionIdTaken', { id });

  let candidate: Record<string, unknown>;
  if (d.kind === 'wordcloud') {
    if (d.prompt.trim() === '') errors.prompt = t('editor.error.required');
    const words = checkInt(d.maxWordsPerParticipant, 1, 10, t);
    const length = checkInt(d.maxWordLength, 3, 40, t);
    if (words.error) errors.maxWordsPerParticipant = words.error;
    if (length.error) errors.maxWordLength = length.error;
    candidate = { kind: 'wordcloud', id, prompt: d.prompt.trim(), maxWordsPerParticipant: words.value, maxWordLength: length.value };
  } else {
    if (d.question.trim() === '') errors.question = t('editor.error.required');
    const head = { kind: 'poll', id, type: d.pollType, question: d.question.trim() };
    const hide = { hideResultsUntilReveal: d.hideResultsUntilReveal };
    const options = d.options.map((o) => o.trim()).filter((o) => o !== '');
    switch (d.pollType) {
      case 'single':
      case 'multiple': {
        if (options.length < 2) errors.options = t('editor.error.twoOptions');
        if (options.length > MAX_POLL_OPTIONS) errors.options = t('editor.error.tooManyOptions', { max: MAX_POLL_OPTIONS });
        const choices =
          d.pollType === 'multiple' && d.maxChoices.trim() !== '' ? checkInt(d.maxChoices, 1, Math.max(1, options.length), t) : null;
        if (choices?.error) errors.maxChoices = choices.error;
        candidate = { ...head, options, ...(choices ? { maxChoices: choices.value } : {}), ...hide };
        break;
      }
      case 'rating': {
        const min = checkInt(d.ratingMin, 0, 1, t);
        const max = checkInt(d.ratingMax, 2, 10, t);
        if (min.error) errors.min = min.error;
        if (max.error) errors.max = max.error;
        const labels = {
          ...(d.minLabel.trim() !== '' ? { minLabel: d.minLabel.trim() } : {}),
          ...(d.maxLabel.trim() !== '' ? { maxLabel: d.maxLabel.trim() } : {}),
        };
        candidate = { ...head, min: min.value, max: max.value, ...labels, ...hide };
        break;
      }
      case 'yesno':
        candidate = { ...head, ...hide };
        break;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (d.room !== undefined) candidate = { ...candidate, room: d.room };
  const parsed = interactionSchema.safeParse(candidate);
  return parsed.success ? { ok: true, interaction: parsed.data } : { ok: false, errors: schemaErrors(parsed.error.issues) };
}
