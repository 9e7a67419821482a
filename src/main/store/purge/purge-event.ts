import type { PersonalDataSpan } from '../../../shared/domain/personal-data';
import type { Scene } from '../../../shared/domain/scene';
import type { AudienceMessage } from '../../../shared/protocol/audience-messages';
import { MAX } from '../../../shared/protocol/limits';
import type { RegieEvent } from '../../engine/events';
import { flagSpans, spanKindOfFlag, type StoredFlag } from '../../export/redaction';
import type { PurgeContext } from './purge-context';

/**
 * The RGPD purge of one journal event: the same fact, without the participants' identifiers and
 * names and with the personal data of the free texts redacted. Exhaustive on purpose: a new event
 * type does not compile until someone decides here what of it is personal.
 *
 * Where a case rebuilds an event field by field, `rest satisfies Empty` makes a field added later
 * to that event fail the build too, instead of passing through the purge untouched.
 */
type Empty = Record<string, never>;

/** What the first pass knows of each question, by question id (`q-<seq>`). */
export interface QuestionFacts {
  /** Its flags: their matches are looked for in its edits too. */
  flags: ReadonlyMap<string, readonly StoredFlag[]>;
  /**
   * Spans of its original text a moderator redacted (« caviarder »): the purge keeps the redacted
   * text only. Filled by the first pass from the desk's redaction events (none in this version of
   * the journal; see learnFromJournal).
   */
  redactions: ReadonlyMap<string, readonly PersonalDataSpan[]>;
}

/** A word-cloud word's flags: the match is the word itself, so it becomes the word's placeholder. */
function purgeWordFlags<F extends StoredFlag>(flags: readonly F[], ctx: PurgeContext): F[] {
  return flags.map((f) => (spanKindOfFlag(f.kind) === null ? f : { ...f, match: ctx.word(f.match) }));
}

export function purgeAudienceMessage(
  m: AudienceMessage,
  ctx: PurgeContext,
  known: readonly StoredFlag[] = [],
  redacted: readonly PersonalDataSpan[] = [],
): AudienceMessage {
  const participantId = ctx.participant(m.participantId);
  const msgId = ctx.msgId(m.msgId);
  switch (m.type) {
    case 'question.ask': {
      const { text, name, participantId: _p, msgId: _m, type, hubSeq, receivedAt, origin, sessionId, ...rest } = m;
      rest satisfies Empty;
      // The display name goes: the questions stay, their author is a pseudonym.
      const purged = ctx.text(text, 'question', [...flagSpans(text, known), ...redacted], MAX.questionText);
      if (name !== null && name.trim() !== '') ctx.erased.names.add(name.trim());
      return { type, hubSeq, msgId, receivedAt, origin, participantId, text: purged, name: null, sessionId };
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

/** A scene keeps what the projector drew, without the asker's name and with the texts redacted. */
export function purgeScene(scene: Scene, ctx: PurgeContext): Scene {
  switch (scene.kind) {
    case 'holding':
    case 'join':
    case 'poll':
    case 'wordcloud':
    case 'black':
      return scene;
    case 'countdown':
      return scene.caption === undefined ? scene : { ...scene, caption: ctx.text(scene.caption, 'stage-message', [], 120) || '…' };
    case 'message':
      return {
        ...scene,
        text: ctx.text(scene.text, 'stage-message', [], 500) || '…',
        ...(scene.title === undefined ? {} : { title: ctx.text(scene.title, 'stage-message', [], 120) || '…' }),
      };
    case 'question':
      return {
        ...scene,
        ...(scene.text === undefined ? {} : { text: ctx.text(scene.text, 'question', [], 600) }),
        ...(scene.name === undefined ? {} : { name: null }),
      };
    default:
      return scene satisfies never;
  }
}

/** `seq`: the event's journal seq (a question received at seq n is `q-n`). */
export function purgeEvent(event: RegieEvent, ctx: PurgeContext, facts: QuestionFacts, seq = 0): RegieEvent {
  switch (event.type) {
    // The programme is public (its speakers are named on purpose); the run of show, the clock and
    // the interactions' life hold nobody.
    case 'programme.loaded':
    case 'programme.edited':
    case 'clock.set':
    case 'edit.locked':
    case 'program.panicked':
    case 'program.restored':
    case 'program.locked':
    case 'program.transition.set':
    case 'join.chosen':
    case 'cue.standby':
    case 'cue.go':
    case 'cue.prewait':
    case 'cue.fired':
    case 'cue.missed':
    case 'cue.skipped':
    case 'cue.held':
    case 'cue.released':
    case 'cue.reset':
    case 'delay.set':
    case 'delay.cleared':
    case 'session.marked':
    case 'interaction.opened':
    case 'interaction.closed':
    case 'interaction.revealed':
    case 'interaction.hidden':
    case 'interaction.reset':
    case 'qa.opened':
    case 'qa.closed':
    case 'question.status.set':
    case 'question.merged':
    case 'question.ranked':
    case 'question.flags.cleared':
      return event;
    // The projector's scenes copy a question's text and its asker's first name.
    case 'program.previewed':
      return { ...event, scene: event.scene === null ? null : purgeScene(event.scene, ctx) };
    case 'program.taken':
      return { ...event, scene: purgeScene(event.scene, ctx) };
    // The operators' own texts may relay a participant's words: redacted like them.
    case 'log.noted':
      return { ...event, text: ctx.text(event.text, 'edit') };
    case 'stage.message.set':
      return { ...event, text: event.text === null ? null : ctx.text(event.text, 'stage-message') };
    case 'audience.received': {
      const { type, hubId, message, flags, ...rest } = event;
      rest satisfies Empty;
      const purgedFlags = flags === undefined ? undefined : message.type === 'words.send' ? purgeWordFlags(flags, ctx) : ctx.flags(flags);
      return {
        type,
        hubId,
        message: purgeAudienceMessage(message, ctx, flags ?? [], facts.redactions.get(`q-${seq}`)),
        ...(purgedFlags === undefined ? {} : { flags: purgedFlags }),
      };
    }
    case 'question.edited': {
      const known = flagSpans(event.text, facts.flags.get(event.questionId) ?? []);
      return { ...event, text: ctx.text(event.text, 'edit', known) };
    }
    case 'question.added': {
      const { type, text, name, sessionId, at, flags, ...rest } = event;
      rest satisfies Empty;
      // The name typed in with it may be a person's (« Dr Martin »): it goes like a display name.
      if (name !== null && name.trim() !== '') ctx.erased.names.add(name.trim());
      const known = [...flagSpans(text, flags), ...(facts.redactions.get(`q-${seq}`) ?? [])];
      return { type, text: ctx.text(text, 'question', known), name: null, sessionId, at, flags: ctx.flags(flags) };
    }
    case 'question.flags.added':
      return { ...event, flags: ctx.flags(event.flags) };
    // The organisers' names are children and families of the cases: nothing to keep them for.
    case 'moderation.lists.set':
      return { ...event, names: [] };
    case 'words.banned':
      return { ...event, key: ctx.wordKey(event.key), spelling: ctx.word(event.spelling) };
    case 'words.allowed':
      return { ...event, key: ctx.wordKey(event.key), spelling: ctx.word(event.spelling) };
    case 'words.merged':
      return { ...event, from: ctx.wordKey(event.from), into: ctx.wordKey(event.into) };
    case 'words.unbanned':
    case 'words.unmerged':
      return { ...event, key: ctx.wordKey(event.key) };
    default:
      return event satisfies never;
  }
}
