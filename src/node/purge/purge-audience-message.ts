import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { MAX } from '../../shared/protocol/limits';
import { flagSpans, type StoredFlag } from '../../shared/domain/stored-flags';
import type { PurgeContext } from './purge-context';

/**
 * The RGPD purge of one audience message, the same in the régie's journal (`audience.received`)
 * and in the hub's backlog: the participant and message ids become their pseudonyms, the display
 * name goes, the question's text is redacted (with what the régie knew of it), the words sent
 * become their placeholders. `rest satisfies Empty`: a field added later to a question fails the
 * build here instead of passing through the purge untouched.
 */
type Empty = Record<string, never>;

export function purgeAudienceMessage(m: AudienceMessage, ctx: PurgeContext, known: readonly StoredFlag[] = []): AudienceMessage {
  const participantId = ctx.participant(m.participantId);
  const msgId = ctx.msgId(m.msgId);
  switch (m.type) {
    case 'question.ask': {
      const { text, name, participantId: _p, msgId: _m, type, hubSeq, receivedAt, origin, sessionId, room, ...rest } = m;
      rest satisfies Empty;
      // The display name goes: the questions stay, their author is a pseudonym.
      const purged = ctx.text(text, 'question', flagSpans(text, known), MAX.questionText);
      if (name !== null && name.trim() !== '') ctx.erased.names.add(name.trim());
      return { type, hubSeq, msgId, receivedAt, origin, participantId, text: purged, name: null, sessionId, ...(room === undefined ? {} : { room }) };
    }
    case 'question.upvote':
      return { ...m, participantId, msgId };
    case 'poll.vote':
      return { ...m, participantId, msgId, replaces: m.replaces === null ? null : ctx.msgId(m.replaces) };
    case 'words.send':
      return { ...m, participantId, msgId, words: m.words.map((w) => ctx.word(w)) };
    default:
      return m satisfies never;
  }
}
