import { STAGE_MESSAGE_CONFIRM_PATH } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import type { RoomId } from '../../shared/domain/rooms';
import { PERSONAL_DATA_REASON } from '../../shared/domain/personal-data';
import { cleanText } from '../../shared/protocol/clean-text';
import { moderationLists } from '../moderation/moderation-lists';
import { uniqueSpans } from '../moderation/question-findings';
import { detectPersonalData } from '../safeguarding/detect-personal-data';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';

/** The field of the refusal that asks for a confirmation: the desk shows the reasons and « Envoyer quand même ». */
export const STAGE_CONFIRM_PATH = STAGE_MESSAGE_CONFIRM_PATH;

/**
 * The régie's message to a room's facilitator tablet goes through the detector like every text. It is
 * the moderators' own text, for one reader on stage (never the projector, never the phones), and
 * may rightly name someone (« Mme Dubois prend la parole ensuite »): so a finding does not forbid
 * it, it asks for a confirmation. Unconfirmed, the core refuses with the reasons; confirmed, the
 * message goes and the journal keeps what was found in it.
 */
export function decideStageMessage(state: RegieState, raw: string | null, confirmed: boolean, at: number, room: RoomId): RegieEvent[] {
  const text = raw === null ? null : cleanText(raw) || null;
  if (text === null) return [{ type: 'stage.message.set', text: null, at, room }];
  const spans = uniqueSpans(detectPersonalData(text, 'stage-message', moderationLists(state.moderation, state.programme))).filter((s) => s.kind !== 'long');
  if (spans.length > 0 && !confirmed) {
    const issues = spans.map((s) => ({ path: STAGE_CONFIRM_PATH, message: `« ${s.match} » : ${PERSONAL_DATA_REASON[s.kind]}` }));
    throw new CommandRejected(
      `message à confirmer : ${issues.map((i) => i.message).join(' ')} Il ne s’affiche que sur la tablette de la scène ; confirmez pour l’envoyer quand même.`,
      issues,
    );
  }
  return [{ type: 'stage.message.set', text, at, ...(spans.length > 0 ? { findings: spans } : {}), room }];
}
