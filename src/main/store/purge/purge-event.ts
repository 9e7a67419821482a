import type { LastGo } from '../../../shared/domain/go-undo';
import type { Scene } from '../../../shared/domain/scene';
import type { RegieEvent } from '../../engine/events';
import { flagSpans, spanKindOfFlag, type StoredFlag } from '../../../shared/domain/stored-flags';
import type { PurgeContext } from '../../../node/purge/purge-context';
import { purgeAudienceMessage } from '../../../node/purge/purge-audience-message';
import { purgeFindings } from './purge-findings';

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
  /**
   * Everything ever found or redacted in it — its flags or findings on arrival, those added since,
   * the spans a moderator redacted — as (kind, match): each match is looked for, whatever its case,
   * in every version of its texts, whatever offsets the events gave.
   */
  known: ReadonlyMap<string, readonly StoredFlag[]>;
}

/** A word held back on arrival: the word becomes its placeholder (the same in the message). */
function purgeHeld<H extends { word: string; kind: string }>(held: readonly H[], ctx: PurgeContext): H[] {
  return held.map((h) => (spanKindOfFlag(h.kind) === null ? h : { ...h, word: ctx.word(h.word) }));
}

/** An older journal's word flags: the match is the word itself. */
function purgeWordFlags<F extends StoredFlag>(flags: readonly F[], ctx: PurgeContext): F[] {
  return flags.map((f) => (spanKindOfFlag(f.kind) === null ? f : { ...f, match: ctx.word(f.match) }));
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
        ...(scene.text === undefined
          ? {}
          : { text: ctx.text(scene.text, 'question', flagSpans(scene.text, ctx.known(scene.questionId)), 600) }),
        ...(scene.name === undefined ? {} : { name: null }),
      };
    default:
      return scene satisfies never;
  }
}

/** `seq`: the event's journal seq (a question received at seq n is `q-n`). */
export function purgeLastGo(lastGo: LastGo, ctx: PurgeContext): LastGo {
  const { onAir, preview } = lastGo.before;
  return {
    ...lastGo,
    before: { ...lastGo.before, onAir: purgeScene(onAir, ctx), preview: preview === null ? null : purgeScene(preview, ctx) },
  };
}

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
    case 'cue.rearmed':
    case 'cue.watching':
    case 'go.undone':
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
    case 'epoch.begun':
      return event;
    // The projector's scenes copy a question's text and its asker's first name.
    case 'program.previewed':
      return { ...event, scene: event.scene === null ? null : purgeScene(event.scene, ctx) };
    case 'program.taken':
      return { ...event, scene: purgeScene(event.scene, ctx) };
    // What the show looked like before a GO (for its undo) holds the scenes of that moment.
    case 'go.recorded':
      return { ...event, lastGo: purgeLastGo(event.lastGo, ctx) };
    // The operators' own texts may relay a participant's words: redacted like them.
    case 'log.noted':
      return { ...event, text: ctx.text(event.text, 'edit') };
    case 'stage.message.set': {
      const { type, text, at, findings, room, ...rest } = event;
      rest satisfies Empty;
      const purged = text === null ? null : ctx.text(text, 'stage-message', findings ?? []);
      return {
        type,
        text: purged,
        at,
        ...(findings === undefined ? {} : { findings: purgeFindings(findings, () => purged, ctx) }),
        ...(room === undefined ? {} : { room }),
      };
    }
    case 'audience.received': {
      const { type, hubId, message, flags, findings, held, ...rest } = event;
      rest satisfies Empty;
      const id = `q-${seq}`;
      const purgedMessage = purgeAudienceMessage(message, ctx, [...(flags ?? []), ...(findings ?? []), ...(facts.known.get(id) ?? [])]);
      const text = purgedMessage.type === 'question.ask' ? purgedMessage.text : null;
      const purgedFlags = flags === undefined ? undefined : message.type === 'words.send' ? purgeWordFlags(flags, ctx) : ctx.flags(flags);
      return {
        type,
        hubId,
        message: purgedMessage,
        ...(purgedFlags === undefined ? {} : { flags: purgedFlags }),
        ...(findings === undefined ? {} : { findings: purgeFindings(findings, (f) => (f === 'text' ? text : null), ctx) }),
        ...(held === undefined ? {} : { held: purgeHeld(held, ctx) }),
      };
    }
    case 'question.edited': {
      const { type, questionId, text, findings, ...rest } = event;
      rest satisfies Empty;
      const known = flagSpans(text, [...(facts.known.get(questionId) ?? []), ...(findings ?? [])]);
      const purged = ctx.text(text, 'edit', known);
      return {
        type,
        questionId,
        text: purged,
        ...(findings === undefined ? {} : { findings: purgeFindings(findings, (f) => (f === 'edit' ? purged : null), ctx) }),
      };
    }
    case 'question.added': {
      const { type, text, name, sessionId, at, room, flags, findings, ...rest } = event;
      rest satisfies Empty;
      // The name typed in with it may be a person's (« Dr Martin »): it goes like a display name.
      if (name !== null && name.trim() !== '') ctx.erased.names.add(name.trim());
      const known = flagSpans(text, [...(flags ?? []), ...(findings ?? []), ...(facts.known.get(`q-${seq}`) ?? [])]);
      const purged = ctx.text(text, 'question', known);
      return {
        type,
        text: purged,
        name: null,
        sessionId,
        at,
        ...(room === undefined ? {} : { room }),
        ...(flags === undefined ? {} : { flags: ctx.flags(flags) }),
        ...(findings === undefined ? {} : { findings: purgeFindings(findings, (f) => (f === 'text' ? purged : null), ctx) }),
      };
    }
    case 'question.flags.added':
      return { ...event, flags: ctx.flags(event.flags) };
    // Where these stood in the texts of that moment cannot be told in the purged ones: their kinds
    // stay (counted, to be read), their matches become labels, without position.
    case 'question.findings.added':
      return { ...event, findings: purgeFindings(event.findings, () => null, ctx) };
    case 'question.redacted':
      return { ...event, spans: purgeFindings(event.spans, () => null, ctx) };
    case 'question.unredacted':
      return event;
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
    // The purge forgets the personal codes (the outbox's codes.add become codes.clear): so does the journal.
    case 'codes.imported':
    case 'codes.cleared':
      return { type: 'codes.cleared' };
    case 'code.released':
      return { ...event, hashPrefix: null };
    default:
      return event satisfies never;
  }
}
