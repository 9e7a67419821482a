import { mainRoomOf, roomOfSessionId } from '../../shared/api/room-live';
import type { RegieState } from '../../shared/api/state';
import type { RoomId } from '../../shared/domain/rooms';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';

/**
 * Audience messages and rooms (docs/rooms.md § 2). The hub says which room a phone is in; a
 * message without a room comes from a hub (or a journal) of before rooms.
 */

/**
 * The room of a question: the phone's (the hub's message says it), else its session's (a hub of
 * before rooms stamps the Q&A session it took it for), else the main room. A question typed in at
 * the desk follows the same rule with the desk's room.
 */
export function questionRoom(state: Pick<RegieState, 'programme'>, room: RoomId | undefined, sessionId: string | null): RoomId {
  return room ?? roomOfSessionId(state.programme, sessionId);
}

/**
 * Why a vote, words or an upvote must not count (it came from a phone of another room than the
 * poll's, cloud's or question's), in French for the log; null when it counts. The hub shows each
 * phone only its room's interactions and questions: a message from elsewhere is a stale phone or
 * a forged one, kept in the journal and never counted.
 */
export function crossRoom(state: Pick<RegieState, 'programme' | 'live' | 'audience'>, m: AudienceMessage): string | null {
  switch (m.type) {
    case 'poll.vote':
    case 'words.send': {
      const id = m.type === 'poll.vote' ? m.pollId : m.cloudId;
      const run = state.live.interactions[id];
      if (!run) return null;
      const from = m.room ?? mainRoomOf(state.programme);
      if (run.room === from) return null;
      const what = m.type === 'poll.vote' ? `vote pour le sondage ${id}` : `mots pour le nuage ${id}`;
      return `${what} de la salle ${run.room}, envoyé depuis la salle ${from} : non compté`;
    }
    case 'question.upvote': {
      // Without a room (a hub of before rooms), as before: the question's own room.
      if (m.room === undefined) return null;
      const q = state.audience.questions.find((x) => x.id === m.questionId);
      if (!q || q.room === m.room) return null;
      return `soutien à la question ${q.id} de la salle ${q.room}, envoyé depuis la salle ${m.room} : non compté`;
    }
    case 'question.ask':
      return null;
    default:
      return m satisfies never;
  }
}
