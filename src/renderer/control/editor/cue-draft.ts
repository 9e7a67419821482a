import {
  type Cue,
  type CueAction,
  type CueActionType,
  type CueMode,
  cueIdSchema,
  cueSchema,
  formatCueOffset,
  MAX_PRE_WAIT_SECONDS,
  type SceneName,
} from '../../../shared/domain/cue';
import type { InteractionKind } from '../../../shared/domain/interaction';
import { isClockTime } from '../../../shared/domain/zoned-time';
import type { Translate } from '../../lib/i18n';
import { type FieldErrors, schemaErrors } from './field-errors';
import { uniqueId } from './slug';

/**
 * A cue as the form holds it (strings as typed, every action's fields kept while the operator
 * switches between actions), and the way back to a cue the core can check. Pure.
 */

export interface CueDraft {
  sessionId: string;
  id: string;
  /** The operator typed the id: it no longer follows the session and the action. */
  idEdited: boolean;
  atKind: 'offset' | 'time';
  offset: string;
  time: string;
  actionType: CueActionType;
  /** For poll.* and wordcloud.*, and for the poll and word cloud scenes ('' there: the current one). */
  interaction: string;
  scene: SceneName;
  sceneText: string;
  /** A scene cue straight to air, without TAKE (otherwise to the preview). */
  straightToAir: boolean;
  note: string;
  mode: CueMode;
  preWait: string;
  autoContinue: boolean;
  notes: string;
}

/** The actions in the order the form offers them. */
export const editorActionTypes = [
  'poll.open',
  'poll.close',
  'poll.reveal',
  'wordcloud.open',
  'wordcloud.close',
  'wordcloud.reveal',
  'qa.open',
  'qa.close',
  'scene',
  'note',
] as const satisfies readonly CueActionType[];

/** Scenes that carry a text (the message, the countdown's caption) or designate an interaction. */
export const textScenes: readonly SceneName[] = ['message', 'countdown'];

/** Which kind of interaction the action needs, if any. */
export function interactionKindOf(actionType: CueActionType, scene: SceneName): InteractionKind | null {
  if (actionType.startsWith('poll.')) return 'poll';
  if (actionType.startsWith('wordcloud.')) return 'wordcloud';
  if (actionType === 'scene' && (scene === 'poll' || scene === 'wordcloud')) return scene;
  return null;
}

/** The words an id is made of, in the demo programme's style (« j1-seq1-sondage-ouvrir »). */
function actionWords(actionType: CueActionType, scene: SceneName): string {
  switch (actionType) {
    case 'poll.open':
      return 'sondage-ouvrir';
    case 'poll.close':
      return 'sondage-fermer';
    case 'poll.reveal':
      return 'sondage-resultats';
    case 'wordcloud.open':
      return 'nuage-ouvrir';
    case 'wordcloud.close':
      return 'nuage-fermer';
    case 'wordcloud.reveal':
      return 'nuage-projeter';
    case 'qa.open':
      return 'questions-ouvrir';
    case 'qa.close':
      return 'questions-fermer';
    case 'scene':
      return `ecran-${scene}`;
    case 'note':
      return 'note';
  }
}

/** The session's id and the action's words, made unique among `taken`. */
export function suggestCueId(d: Pick<CueDraft, 'sessionId' | 'actionType' | 'scene'>, taken: ReadonlySet<string>): string {
  const words = actionWords(d.actionType, d.scene);
  const base = `${d.sessionId.slice(0, 64 - words.length - 1)}-${words}`;
  return uniqueId(base, taken);
}

export function emptyCueDraft(sessionId: string): CueDraft {
  return {
    sessionId,
    id: '',
    idEdited: false,
    atKind: 'offset',
    offset: '+00:05',
    time: '',
    actionType: 'poll.open',
    interaction: '',
    scene: 'message',
    sceneText: '',
    straightToAir: false,
    note: '',
    mode: 'manual',
    preWait: '',
    autoContinue: false,
    notes: '',
  };
}

export function draftFromCue(sessionId: string, cue: Cue): CueDraft {
  const d: CueDraft = {
    ...emptyCueDraft(sessionId),
    id: cue.id,
    idEdited: true,
    ...('offset' in cue.at ? { atKind: 'offset' as const, offset: cue.at.offset } : { atKind: 'time' as const, time: cue.at.time }),
    actionType: cue.action.type,
    mode: cue.mode,
    preWait: cue.preWaitSeconds === undefined ? '' : String(cue.preWaitSeconds),
    autoContinue: cue.autoContinue ?? false,
    notes: cue.notes ?? '',
  };
  const a = cue.action;
  if ('interaction' in a && a.interaction !== undefined) d.interaction = a.interaction;
  if (a.type === 'scene') {
    d.scene = a.scene;
    d.sceneText = a.text ?? '';
    d.straightToAir = a.straightToAir === true;
  }
  if (a.type === 'note') d.note = a.note;
  return d;
}

/** "5" → "+00:05", "-5" → "-00:05", "1:30" / "1h30" → "+01:30"; null when it cannot be read. */
export function normaliseOffset(input: string): string | null {
  const s = input.trim().replace(/\s+/g, '').replace('−', '-');
  const m = /^([+-])?(?:(\d{1,2})[:h](\d{1,2})|(\d{1,4}))$/i.exec(s);
  if (!m) return null;
  const minutes = m[4] !== undefined ? Number(m[4]) : Number(m[2]) * 60 + Number(m[3]);
  if (m[4] === undefined && Number(m[3]) > 59) return null;
  if (minutes > 99 * 60 + 59) return null;
  return formatCueOffset(m[1] === '-' ? -minutes : minutes);
}

/** "14:05", "14h05", "14h", "9:30" → "HH:MM"; null when it cannot be read. */
export function normaliseClock(input: string): string | null {
  const m = /^(\d{1,2})(?:[:h](\d{2})?)?$/i.exec(input.trim().replace(/\s+/g, ''));
  if (!m) return null;
  const time = `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
  return isClockTime(time) ? time : null;
}

function cueAction(d: CueDraft): CueAction {
  const interaction = d.interaction.trim();
  const text = d.sceneText.trim();
  switch (d.actionType) {
    case 'poll.open':
    case 'poll.close':
    case 'poll.reveal':
    case 'wordcloud.open':
    case 'wordcloud.close':
    case 'wordcloud.reveal':
      return { type: d.actionType, interaction };
    case 'qa.open':
    case 'qa.close':
      return { type: d.actionType };
    case 'scene':
      return {
        type: 'scene',
        scene: d.scene,
        ...(textScenes.includes(d.scene) && text !== '' ? { text } : {}),
        ...(interactionKindOf('scene', d.scene) && interaction !== '' ? { interaction } : {}),
        ...(d.straightToAir ? { straightToAir: true } : {}),
      };
    case 'note':
      return { type: 'note', note: d.note.trim() };
  }
}

export type CueCheck = { ok: true; cue: Cue } | { ok: false; errors: FieldErrors };

/**
 * The cue the draft stands for, or what is wrong with it, field by field: the obvious checks
 * first (in the desk's language), then the programme's own schema. The core checks it all again.
 */
export function cueFromDraft(d: CueDraft, t: Translate, takenIds: ReadonlySet<string>): CueCheck {
  const errors: FieldErrors = {};
  const id = d.id.trim();
  if (d.sessionId === '') errors.sessionId = t('editor.error.required');
  if (id === '') errors.id = t('editor.error.required');
  else if (!cueIdSchema.safeParse(id).success) errors.id = t('editor.error.idFormat');
  else if (takenIds.has(id)) errors.id = t('editor.error.cueIdTaken', { id });
  const offset = normaliseOffset(d.offset);
  const time = normaliseClock(d.time);
  if (d.atKind === 'offset' && offset === null) errors.at = t('editor.error.offset');
  if (d.atKind === 'time' && time === null) errors.at = t('editor.error.time');
  const kind = interactionKindOf(d.actionType, d.scene);
  if (kind && d.actionType !== 'scene' && d.interaction.trim() === '') errors['action.interaction'] = t('editor.error.interactionRequired');
  if (d.actionType === 'note' && d.note.trim() === '') errors['action.note'] = t('editor.error.required');
  const preWait = d.preWait.trim() === '' ? undefined : Number(d.preWait.replace(',', '.'));
  if (preWait !== undefined && !(Number.isFinite(preWait) && preWait >= 0 && preWait <= MAX_PRE_WAIT_SECONDS)) {
    errors.preWaitSeconds = t('editor.error.preWait', { max: MAX_PRE_WAIT_SECONDS });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const notes = d.notes.trim();
  const candidate = {
    id,
    at: d.atKind === 'offset' ? { offset: offset ?? d.offset } : { time: time ?? d.time },
    action: cueAction(d),
    mode: d.mode,
    ...(preWait !== undefined && preWait > 0 ? { preWaitSeconds: preWait } : {}),
    ...(d.autoContinue ? { autoContinue: true } : {}),
    ...(notes !== '' ? { notes } : {}),
  };
  const parsed = cueSchema.safeParse(candidate);
  return parsed.success ? { ok: true, cue: parsed.data } : { ok: false, errors: schemaErrors(parsed.error.issues) };
}

/** The clock time of a cue as planned: « 14:05 » for +00:05 in a session starting at 14:00. */
export function plannedClock(sessionStart: string, at: Cue['at']): string {
  if ('time' in at) return at.time;
  const [h = 0, m = 0] = sessionStart.split(':').map(Number);
  const offset = normaliseOffset(at.offset);
  const sign = offset?.startsWith('-') ? -1 : 1;
  const [oh = 0, om = 0] = (offset ?? '+00:00').slice(1).split(':').map(Number);
  const minutes = (((h * 60 + m + sign * (oh * 60 + om)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
