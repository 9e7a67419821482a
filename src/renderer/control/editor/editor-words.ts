import type { CueActionType, SceneName } from '../../../shared/domain/cue';
import type { PollType } from '../../../shared/domain/interaction';
import type { MessageKey } from '../../lib/i18n';

/** The editor's words for actions, scenes and poll types (message keys). Pure. */

export function actionTypeKey(a: CueActionType): MessageKey {
  switch (a) {
    case 'poll.open':
      return 'editor.action.pollOpen';
    case 'poll.close':
      return 'editor.action.pollClose';
    case 'poll.reveal':
      return 'editor.action.pollReveal';
    case 'wordcloud.open':
      return 'editor.action.wordcloudOpen';
    case 'wordcloud.close':
      return 'editor.action.wordcloudClose';
    case 'wordcloud.reveal':
      return 'editor.action.wordcloudReveal';
    case 'qa.open':
      return 'editor.action.qaOpen';
    case 'qa.close':
      return 'editor.action.qaClose';
    case 'scene':
      return 'editor.action.scene';
    case 'note':
      return 'editor.action.note';
  }
}

export function sceneKey(s: SceneName): MessageKey {
  switch (s) {
    case 'holding':
      return 'cueAction.scene.holding';
    case 'join':
      return 'cueAction.scene.join';
    case 'countdown':
      return 'cueAction.scene.countdown';
    case 'message':
      return 'cueAction.scene.message';
    case 'black':
      return 'cueAction.scene.black';
    case 'poll':
      return 'editor.scene.poll';
    case 'wordcloud':
      return 'editor.scene.wordcloud';
    case 'question':
      return 'cueAction.scene.question';
  }
}

export function pollTypeKey(p: PollType): MessageKey {
  switch (p) {
    case 'single':
      return 'editor.pollType.single';
    case 'multiple':
      return 'editor.pollType.multiple';
    case 'rating':
      return 'editor.pollType.rating';
    case 'yesno':
      return 'editor.pollType.yesno';
  }
}
