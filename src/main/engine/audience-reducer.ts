import { type AudienceQuestion, type AudienceState, type Ballot, type ByOrigin, clockNow, type QuestionFinding, type RegieState, type Tally } from '../../shared/api/state';
import type { PersonalDataKind } from '../../shared/domain/personal-data';
import { crossRoom, questionRoom } from './audience-rooms';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { ballotBucket } from './ballot-bucket';
import type { EventMeta, RegieEvent } from './events';
import { legacyKind, locateFlags } from './legacy-flags';
import { countedWords, isAllowedWord, noteWordSender } from './word-moderation-reducer';

const zero = (): ByOrigin => ({ room: 0, remote: 0 });

function keysOf(ballot: Ballot): string[] {
  if (ballot.choices) return ballot.choices.map(String);
  return ballot.rating === null ? [] : [String(ballot.rating)];
}

/** Moves one participant's vote in a tally: the old ballot out, the new one in. */
function retally(tally: Tally, before: Ballot | undefined, after: Ballot): Tally {
  const counts = { ...tally.counts };
  const voters = { ...tally.voters };
  if (before) {
    for (const k of keysOf(before)) {
      const c = counts[k] ?? zero();
      counts[k] = { ...c, [before.origin]: Math.max(0, c[before.origin] - 1) };
    }
    voters[before.origin] = Math.max(0, voters[before.origin] - 1);
  }
  for (const k of keysOf(after)) {
    const c = counts[k] ?? zero();
    counts[k] = { ...c, [after.origin]: c[after.origin] + 1 };
  }
  voters[after.origin] += 1;
  return { counts, voters };
}

export function newQuestion(
  id: string,
  q: Pick<AudienceQuestion, 'msgId' | 'hubSeq' | 'receivedAt' | 'origin' | 'name' | 'text' | 'sessionId' | 'flags' | 'room'>,
): AudienceQuestion {
  return {
    id,
    ...q,
    editedText: null,
    upvotes: 0,
    askers: 1,
    status: 'incoming',
    rank: null,
    mergedInto: null,
    flagsClearedBy: null,
    redactions: [],
    published: false,
    lastActionBy: null,
  };
}

/** A word held back from the projector and the phones, and why. */
export interface HeldWord {
  word: string;
  kind: PersonalDataKind;
}

/**
 * An audience message as journaled: its findings (a question's) or held words (a word cloud's),
 * today's or, from an older journal, the flags of that time located in the text.
 */
export function applyAudienceReceived(state: RegieState, event: Extract<RegieEvent, { type: 'audience.received' }>, meta: EventMeta): RegieState {
  const m = event.message;
  const legacy = event.flags ?? [];
  if (m.type === 'question.ask') {
    const findings = event.findings ?? locateFlags(legacy, { text: m.text, edit: null, name: m.name }, ['text']);
    return applyAudienceMessage(state, event.hubId, m, meta, findings);
  }
  if (m.type === 'words.send') {
    const held = event.held ?? legacy.map((f) => ({ word: f.match, kind: legacyKind(f.kind) }));
    return applyAudienceMessage(state, event.hubId, m, meta, [], held);
  }
  return applyAudienceMessage(state, event.hubId, m, meta);
}

/**
 * Applies one audience message (already deduplicated by msgId): questions, upvotes, votes (the
 * latest vote of a participant replaces the earlier one) and words.
 */
export function applyAudienceMessage(
  state: RegieState,
  hubId: string,
  m: AudienceMessage,
  meta: EventMeta,
  findings: readonly QuestionFinding[] = [],
  held: readonly HeldWord[] = [],
): RegieState {
  const audience: AudienceState = { ...state.audience, received: state.audience.received + 1 };
  let ballots = state.ballots;
  let senders: Partial<Pick<RegieState, 'wordSenders' | 'wordParticipants'>> = {};
  // A vote, a word or an upvote counts only in the phone's room (the journal keeps it anyway).
  const counted = crossRoom(state, m) === null;
  switch (m.type) {
    case 'question.ask':
      audience.questions = [
        ...audience.questions,
        newQuestion(`q-${meta.seq}`, {
          msgId: m.msgId,
          hubSeq: m.hubSeq,
          // On the show clock (a rehearsal's offset in force at this point of the journal): the
          // journal keeps the hub's real time in the message, so a replay derives the same.
          receivedAt: clockNow(state.clock, m.receivedAt),
          origin: m.origin,
          name: m.name,
          text: m.text,
          sessionId: m.sessionId,
          room: questionRoom(state, m.room, m.sessionId),
          flags: [...findings],
        }),
      ];
      break;
    case 'question.upvote': {
      const i = audience.questions.findIndex((q) => q.id === m.questionId);
      const q = audience.questions[i];
      if (q && counted) {
        audience.questions = audience.questions.slice();
        audience.questions[i] = { ...q, upvotes: q.upvotes + 1 };
      }
      break;
    }
    case 'poll.vote': {
      // The hub takes votes only for the poll it has open, so every vote that reaches the régie was
      // cast while the poll was open, even one that arrives after the régie closed it (the hub had
      // not heard of the close yet: a slow or cut link). It counts. A vote for a poll never opened,
      // or reset since (its run is gone), stays in the journal, outside the tally.
      if (state.live.interactions[m.pollId] === undefined || !counted) break;
      const poll = ballots[m.pollId] ?? {};
      const key = ballotBucket(m.participantId);
      const bucket = poll[key] ?? {};
      const next: Ballot = { choices: m.choices, rating: m.rating, origin: m.origin };
      audience.tallies = {
        ...audience.tallies,
        [m.pollId]: retally(audience.tallies[m.pollId] ?? { counts: {}, voters: zero() }, bucket[m.participantId], next),
      };
      ballots = { ...ballots, [m.pollId]: { ...poll, [key]: { ...bucket, [m.participantId]: next } } };
      break;
    }
    case 'words.send': {
      if (!counted) break;
      // A banned word is not counted (the journal keeps it); a word a moderator released is not held again.
      const moderation = state.wordModeration[m.cloudId];
      const sent = noteWordSender(state, m.cloudId, m.participantId, m.origin, countedWords(m.words, moderation));
      senders = sent.slices;
      const cloud = { ...(audience.words[m.cloudId] ?? {}) };
      for (const w of sent.fresh) cloud[w] = (cloud[w] ?? 0) + 1;
      audience.words = { ...audience.words, [m.cloudId]: cloud };
      const holds = held.filter((h) => sent.fresh.includes(h.word) && !isAllowedWord(h.word, moderation));
      if (holds.length > 0) {
        const cloudHeld = { ...(audience.heldWords[m.cloudId] ?? {}) };
        for (const h of holds) cloudHeld[h.word] = h.kind;
        audience.heldWords = { ...audience.heldWords, [m.cloudId]: cloudHeld };
      }
      break;
    }
    default:
      m satisfies never;
  }
  const lastHubSeq = state.hubCursor.hubId === hubId ? Math.max(state.hubCursor.lastHubSeq, m.hubSeq) : m.hubSeq;
  return { ...state, ...senders, audience, ballots, hubCursor: { hubId, lastHubSeq } };
}
