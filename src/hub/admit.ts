import type { AudienceBody } from '../shared/protocol/audience-messages';
import { normaliseWord } from '../shared/domain/french-words';
import { wordKey } from '../shared/domain/french-words';
import { type Refusal, refuse } from '../shared/protocol/errors';
import type { Origin } from '../shared/protocol/fields';
import type { ParticipantAction, VoteMessage } from '../shared/protocol/participant-messages';
import type { RoomId } from '../shared/protocol/rooms';
import type { Board, RoomBoard } from './board';

/** What a participant message is checked against: its room's board, and the event's banned words. */
export type AdmitBoard = RoomBoard & Pick<Board, 'bannedWords'>;

/** A question in a room-only Q&A from someone the hub did not see in that room (docs/rooms.md § 4). */
export const ROOM_ONLY_REFUSAL = 'Les questions de cet atelier sont réservées aux personnes présentes dans la salle.';

/**
 * The rules a participant message must pass once its shape is right (pure: the hub's memory of
 * earlier votes, upvotes and words comes through `Prior`). What the answer says:
 * - refused: nothing is stored, the participant reads why;
 * - unchanged: accepted, but there is nothing new (the same vote again): nothing is stored;
 * - accepted: the audience message for the régie, and what to remember about it.
 */

export interface Sender {
  participantId: string;
  /** As the hub decided it: « room » only with a valid presence key of the sender's room. */
  origin: Origin;
  /** The sender's room, carried to the régie (absent: a hub without rooms). */
  room?: RoomId;
}

export interface Prior {
  previousVote(pollId: string, participantId: string): { choiceKey: string; msgId: string } | undefined;
  hasUpvoted(questionId: string, participantId: string): boolean;
  wordKeys(cloudId: string, participantId: string): string[];
}

export type Effect =
  | { kind: 'none' }
  | { kind: 'vote'; pollId: string; choiceKey: string }
  | { kind: 'upvote'; questionId: string }
  | { kind: 'words'; cloudId: string; keys: string[] };

export type Admission =
  { ok: false; refusal: Refusal } | { ok: true; unchanged: true } | { ok: true; unchanged: false; body: AudienceBody; effect: Effect };

const no = (refusal: Refusal): Admission => ({ ok: false, refusal });

/** How a vote is stored and compared: `c:0,2` (options, sorted) or `r:4` (a rating). */
export function choiceKey(vote: Pick<VoteMessage, 'choices' | 'rating'>): string {
  if (vote.choices) return `c:${[...vote.choices].sort((a, b) => a - b).join(',')}`;
  return `r:${vote.rating ?? ''}`;
}

export function parseChoiceKey(key: string): { choices: number[] | null; rating: number | null } {
  if (key.startsWith('c:')) return { choices: key.slice(2).split(',').filter(Boolean).map(Number), rating: null };
  return { choices: null, rating: Number(key.slice(2)) };
}

function checkVote(board: AdmitBoard, vote: VoteMessage): Refusal | null {
  const poll = board.interaction;
  if (!poll || poll.kind === 'cloud' || poll.id !== vote.pollId)
    return refuse('closed', 'ce vote n’est pas ouvert (clos ou inconnu)', 'pollId');
  if (poll.kind === 'poll') {
    if (!vote.choices) return refuse('invalid', 'ce sondage attend des choix (choices), pas une note', 'choices');
    if (vote.choices.some((c) => c >= poll.options.length))
      return refuse('invalid', `option inconnue : ce sondage en a ${poll.options.length}`, 'choices');
    if (vote.choices.length > poll.maxChoices) {
      return refuse('invalid', poll.maxChoices === 1 ? 'une seule réponse possible' : `${poll.maxChoices} réponses au plus`, 'choices');
    }
    return null;
  }
  if (vote.rating === undefined) return refuse('invalid', 'cette échelle attend une note (rating), pas des choix', 'rating');
  if (vote.rating < poll.min || vote.rating > poll.max) return refuse('invalid', `note de ${poll.min} à ${poll.max}`, 'rating');
  return null;
}

/**
 * A word that would not be counted is refused, so the phone says so: one with nothing countable
 * (only punctuation, a stop word such as « le »), or one the régie banned from this cloud.
 */
function checkCloudWords(board: AdmitBoard, cloudId: string, words: readonly string[]): Refusal | null {
  const banned = new Set(Object.hasOwn(board.bannedWords, cloudId) ? board.bannedWords[cloudId] : []);
  for (const [i, word] of words.entries()) {
    const n = normaliseWord(word);
    if (!n) return refuse('invalid', `« ${word} » ne compte pas comme un mot : proposez un mot plus parlant`, `words.${i}`);
    if (banned.has(n.key)) return refuse('invalid', `« ${word} » n’est pas retenu pour ce nuage de mots`, `words.${i}`);
  }
  return null;
}

export function admit(board: AdmitBoard, action: ParticipantAction, sender: Sender, prior: Prior, msgId: string, now: number): Admission {
  const base = {
    msgId,
    receivedAt: now,
    origin: sender.origin,
    participantId: sender.participantId,
    ...(sender.room === undefined ? {} : { room: sender.room }),
  };
  switch (action.type) {
    case 'question.ask': {
      const { qa } = board;
      if (!qa.open) return no(refuse('closed', 'les questions sont fermées pour le moment'));
      // The sender's origin is « room » only with a valid key of the room whose Q&A this is.
      if (qa.roomOnly && sender.origin !== 'room') return no(refuse('room_only', ROOM_ONLY_REFUSAL));
      const { sessionId } = action.msg;
      if (sessionId !== undefined && qa.sessionId !== null && sessionId !== qa.sessionId) {
        return no(refuse('closed', 'les questions de cette session sont closes : une autre session a commencé', 'sessionId'));
      }
      const name = action.msg.name ? action.msg.name : null;
      return {
        ok: true,
        unchanged: false,
        body: { ...base, type: 'question.ask', text: action.msg.text, name, sessionId: qa.sessionId ?? sessionId ?? null },
        effect: { kind: 'none' },
      };
    }
    case 'question.upvote': {
      const { questionId } = action.msg;
      if (!board.questions.some((q) => q.id === questionId))
        return no(refuse('not_found', 'cette question n’est plus affichée', 'questionId'));
      if (prior.hasUpvoted(questionId, sender.participantId))
        return no(refuse('already_done', 'vous soutenez déjà cette question', 'questionId'));
      return { ok: true, unchanged: false, body: { ...base, type: 'question.upvote', questionId }, effect: { kind: 'upvote', questionId } };
    }
    case 'poll.vote': {
      const vote = action.msg;
      const refusal = checkVote(board, vote);
      if (refusal) return no(refusal);
      const key = choiceKey(vote);
      const previous = prior.previousVote(vote.pollId, sender.participantId);
      if (previous?.choiceKey === key) return { ok: true, unchanged: true };
      const { choices, rating } = parseChoiceKey(key);
      return {
        ok: true,
        unchanged: false,
        body: { ...base, type: 'poll.vote', pollId: vote.pollId, choices, rating, replaces: previous?.msgId ?? null },
        effect: { kind: 'vote', pollId: vote.pollId, choiceKey: key },
      };
    }
    case 'words.send': {
      const cloud = board.interaction;
      const { cloudId, words } = action.msg;
      if (!cloud || cloud.kind !== 'cloud' || cloud.id !== cloudId)
        return no(refuse('closed', 'ce nuage de mots n’est pas ouvert (clos ou inconnu)', 'cloudId'));
      const refusal = checkCloudWords(board, cloudId, words);
      if (refusal) return no(refusal);
      const keys = words.map(wordKey);
      if (new Set(keys).size !== keys.length) return no(refuse('invalid', 'le même mot figure deux fois dans cet envoi', 'words'));
      const sent = new Set(prior.wordKeys(cloudId, sender.participantId));
      const again = words.find((_, i) => sent.has(keys[i] ?? ''));
      if (again !== undefined) return no(refuse('already_done', `vous avez déjà envoyé « ${again} »`, 'words'));
      const max = cloud.maxWordsPerParticipant;
      if (sent.size + keys.length > max) {
        const left = Math.max(0, max - sent.size);
        return no(
          refuse('limit', `${max} mot${max > 1 ? 's' : ''} au plus par personne pour ce nuage (il vous en reste ${left})`, 'words'),
        );
      }
      return {
        ok: true,
        unchanged: false,
        body: { ...base, type: 'words.send', cloudId, words },
        effect: { kind: 'words', cloudId, keys },
      };
    }
  }
}
