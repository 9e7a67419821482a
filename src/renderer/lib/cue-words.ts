import type { CueAction } from '../../shared/domain/cue';
import type { MissedReason, CueTrigger } from '../../shared/domain/cue-events';
import { interactionText } from '../../shared/domain/interaction';
import type { Programme } from '../../shared/domain/programme';
import type { MessageKey, Translate } from './i18n';

/** What a cue does, in the operator's words: « Ouvrir le sondage « … » », « Note : … ». Pure. */

/** The question or prompt of a prepared interaction (its id when the programme does not know it). */
export function interactionLabel(p: Programme | null, id: string): string {
  const found = p?.interactions?.find((i) => i.id === id);
  return found ? interactionText(found) : id;
}

export function cueActionWords(a: CueAction, p: Programme | null, t: Translate): string {
  switch (a.type) {
    case 'poll.open':
      return t('cueAction.pollOpen', { text: interactionLabel(p, a.interaction) });
    case 'poll.close':
      return t('cueAction.pollClose', { text: interactionLabel(p, a.interaction) });
    case 'poll.reveal':
      return t('cueAction.pollReveal', { text: interactionLabel(p, a.interaction) });
    case 'wordcloud.open':
      return t('cueAction.wordcloudOpen', { text: interactionLabel(p, a.interaction) });
    case 'wordcloud.close':
      return t('cueAction.wordcloudClose', { text: interactionLabel(p, a.interaction) });
    case 'wordcloud.reveal':
      return t('cueAction.wordcloudReveal', { text: interactionLabel(p, a.interaction) });
    case 'qa.open':
      return t('cueAction.qaOpen');
    case 'qa.close':
      return t('cueAction.qaClose');
    case 'note':
      return t('cueAction.note', { text: a.note });
    case 'scene':
      return sceneWords(a, p, t);
  }
}

function sceneWords(a: Extract<CueAction, { type: 'scene' }>, p: Programme | null, t: Translate): string {
  switch (a.scene) {
    case 'holding':
      return t('cueAction.scene.holding');
    case 'join':
      return t('cueAction.scene.join');
    case 'black':
      return t('cueAction.scene.black');
    case 'question':
      return t('cueAction.scene.question');
    case 'countdown':
      return a.text === undefined ? t('cueAction.scene.countdown') : t('cueAction.scene.countdownText', { text: a.text });
    case 'message':
      return a.text === undefined ? t('cueAction.scene.message') : t('cueAction.scene.messageText', { text: a.text });
    case 'poll':
      return a.interaction === undefined ? t('cueAction.scene.pollCurrent') : t('cueAction.scene.poll', { text: interactionLabel(p, a.interaction) });
    case 'wordcloud':
      return a.interaction === undefined
        ? t('cueAction.scene.wordcloudCurrent')
        : t('cueAction.scene.wordcloud', { text: interactionLabel(p, a.interaction) });
  }
}

/** Where a scene cue sends its scene: the preview (TAKE then), or straight to air; null for other cues. */
export function sceneDestination(a: CueAction): 'preview' | 'air' | null {
  if (a.type !== 'scene') return null;
  return a.straightToAir === true ? 'air' : 'preview';
}

export function missedReasonKey(r: MissedReason): MessageKey {
  switch (r) {
    case 'closed':
      return 'cues.missedReason.closed';
    case 'held':
      return 'cues.missedReason.held';
    case 'late':
      return 'cues.missedReason.late';
  }
}

export function triggerKey(tr: CueTrigger): MessageKey {
  switch (tr) {
    case 'go':
      return 'cues.trigger.go';
    case 'auto':
      return 'cues.trigger.auto';
    case 'continue':
      return 'cues.trigger.continue';
  }
}
