import type { UndoKept, UndoPlan, UndoStep } from '../../shared/domain/go-undo';
import type { Programme } from '../../shared/domain/programme';
import { sceneLabel } from '../control/program/scene-label';
import { cueActionWords, interactionLabel } from './cue-words';
import type { Translate } from './i18n';

/** An undo of a GO in the operator's words: what it puts back, and what it cannot. Pure. */

type Plan = Extract<UndoPlan, { ok: true }>;

function stepWords(s: UndoStep, p: Programme | null, t: Translate): string | null {
  switch (s.kind) {
    case 'close': {
      const kind = p?.interactions?.find((i) => i.id === s.interactionId)?.kind;
      return t(kind === 'wordcloud' ? 'undoGo.step.closeCloud' : 'undoGo.step.close', { text: interactionLabel(p, s.interactionId) });
    }
    case 'set-aside':
      return t('undoGo.step.setAside', { n: s.votes });
    case 'reopen':
      return t('undoGo.step.reopen', { text: interactionLabel(p, s.interactionId) });
    case 'hide':
      return t('undoGo.step.hide', { text: interactionLabel(p, s.interactionId) });
    case 'qa.close':
      return t('undoGo.step.qaClose');
    case 'qa.reopen':
      return t('undoGo.step.qaReopen');
    case 'preview':
      return s.scene ? t('undoGo.step.preview', { scene: sceneLabel(s.scene, t) }) : t('undoGo.step.previewEmpty');
    case 'air':
      return t('undoGo.step.air', { scene: sceneLabel(s.scene, t) });
    case 'rearm':
      return null; // said once, with the cue's words
    default:
      return s satisfies never;
  }
}

function keptWords(k: UndoKept, p: Programme | null, t: Translate): string {
  switch (k.kind) {
    case 'results-seen':
      return t('undoGo.kept.resultsSeen', { text: interactionLabel(p, k.interactionId) });
    case 'words-kept':
      return t('undoGo.kept.words', { n: k.count });
    case 'votes-kept':
      return t('undoGo.kept.votes', { text: interactionLabel(p, k.interactionId) });
    case 'questions-kept':
      return t('undoGo.kept.questions', { n: k.count });
    case 'scene-seen':
      return t('undoGo.kept.sceneSeen');
    case 'air-changed':
      return t('undoGo.kept.airChanged');
    case 'air-blocked':
      return t(k.why === 'locked' ? 'undoGo.kept.airLocked' : 'undoGo.kept.airPanic');
    default:
      return k satisfies never;
  }
}

function cueWords(p: Programme | null, cueId: string, t: Translate): string {
  const cue = p?.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === cueId);
  return cue ? cueActionWords(cue.action, p, t) : cueId;
}

/** The lines of a plan: what it does (the cue re-armed last) and what it leaves. */
export function undoLines(plan: Plan, p: Programme | null, t: Translate): { done: string[]; kept: string[] } {
  const done = plan.steps.map((s) => stepWords(s, p, t)).filter((x): x is string => x !== null);
  done.push(t('undoGo.step.rearm', { cue: cueWords(p, plan.cueId, t) }));
  return { done, kept: plan.kept.map((k) => keptWords(k, p, t)) };
}

/** One sentence for the cue panel after the undo. */
export function undoReport(plan: Plan, p: Programme | null, t: Translate): string {
  const { done, kept } = undoLines(plan, p, t);
  const head = t('undoGo.done', { what: done.join(' ; ') });
  return kept.length === 0 ? head : `${head} ${t('undoGo.keptHead', { what: kept.join(' ; ') })}`;
}
