import { mainRoomOf } from '../../shared/api/room-live';
import { questionText, type RegieState, type Tally } from '../../shared/api/state';
import type { Interaction } from '../../shared/domain/interaction';
import { phoneLook } from '../../shared/domain/phone-branding';
import { NO_WORD_MODERATION, isBannedKey, tallyWords } from '../../shared/domain/word-tally';
import type { Interaction as HubInteraction, Results } from '../../shared/protocol/interactions';
import { MAX } from '../../shared/protocol/limits';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import type { RegieEvent } from '../engine/events';

/** A prepared interaction as the hub shows it on the phones. */
export function toHubInteraction(i: Interaction): HubInteraction {
  if (i.kind === 'wordcloud') return { kind: 'cloud', id: i.id, prompt: i.prompt, maxWordsPerParticipant: i.maxWordsPerParticipant };
  switch (i.type) {
    case 'single':
      return { kind: 'poll', id: i.id, question: i.question, options: i.options, maxChoices: 1 };
    case 'multiple':
      return { kind: 'poll', id: i.id, question: i.question, options: i.options, maxChoices: i.maxChoices ?? i.options.length };
    case 'yesno':
      return { kind: 'poll', id: i.id, question: i.question, options: ['Oui', 'Non'], maxChoices: 1 };
    case 'rating':
      return {
        kind: 'rating',
        id: i.id,
        question: i.question,
        min: i.min,
        max: i.max,
        ...(i.minLabel === undefined ? {} : { minLabel: i.minLabel }),
        ...(i.maxLabel === undefined ? {} : { maxLabel: i.maxLabel }),
      };
  }
}

const total = (t: Tally | undefined, key: string) => (t?.counts[key]?.room ?? 0) + (t?.counts[key]?.remote ?? 0);

/** The régie's tally as the phones show it once revealed (the régie's count is the reference). */
export function resultsOf(i: Interaction, state: RegieState): Results {
  const tally = state.audience.tallies[i.id];
  const voters = (tally?.voters.room ?? 0) + (tally?.voters.remote ?? 0);
  if (i.kind === 'wordcloud') {
    // Grouped and moderated as on the projector: no banned or held word reaches the phones.
    const words = tallyWords(state.audience.words[i.id], state.wordModeration[i.id], state.audience.heldWords[i.id])
      .slice(0, MAX.resultWords)
      .map(({ text, count }) => ({ text, count }));
    return { kind: 'cloud', interactionId: i.id, words };
  }
  if (i.type === 'rating') {
    const counts = Array.from({ length: i.max - i.min + 1 }, (_, k) => total(tally, String(i.min + k)));
    return { kind: 'rating', interactionId: i.id, counts, total: voters };
  }
  const n = i.type === 'yesno' ? 2 : i.options.length;
  return { kind: 'poll', interactionId: i.id, counts: Array.from({ length: n }, (_, k) => total(tally, String(k))), total: voters };
}

function interaction(state: RegieState, id: string): Interaction | undefined {
  return state.programme?.interactions?.find((i) => i.id === id);
}

/** The room an interaction runs in (docs/rooms.md § 2): the hub shows it on that room's phones only. */
function runRoom(state: RegieState, id: string): string {
  return state.live.interactions[id]?.room ?? mainRoomOf(state.programme);
}

/** Publish a question (again: the hub replaces its text) when it may be shown, withdraw it otherwise. */
function questionOnPhones(state: RegieState, id: string): RegieCommand[] {
  const q = state.audience.questions.find((x) => x.id === id);
  if (!q) return [];
  return q.published
    ? [{ type: 'question.publish', questionId: q.id, text: questionText(q), name: q.name, room: q.room }]
    : [{ type: 'question.withdraw', questionId: q.id, room: q.room }];
}

/**
 * Every key the hub must refuse in a cloud: the banned ones and the words merged into them
 * (capped to the protocol's limit; the régie does not count the others either).
 */
export function bannedWordsCommand(state: RegieState, cloudId: string): RegieCommand {
  const moderation = state.wordModeration[cloudId] ?? NO_WORD_MODERATION;
  const keys = new Set(Object.keys(moderation.banned));
  for (const from of Object.keys(moderation.merges)) if (isBannedKey(from, moderation)) keys.add(from);
  return { type: 'words.banned', cloudId, keys: [...keys].filter((k) => k.length <= MAX.bannedWordKey).slice(0, MAX.bannedWords) };
}

/**
 * A vote that reached the régie after it closed and revealed the poll (the link was slow or cut):
 * the phones still show the results — bring them up to date, as long as no interaction opened
 * since (the phones then show that one). Live votes on an open poll send nothing.
 */
function lateVoteResults(state: RegieState, pollId: string): RegieCommand[] {
  const run = state.live.interactions[pollId];
  const i = interaction(state, pollId);
  if (!i || !run || run.status !== 'closed' || !run.revealed || run.hidden === true) return [];
  const later = Object.entries(state.live.interactions).some(([id, r]) => id !== pollId && r.room === run.room && r.openedAt > run.openedAt);
  return later ? [] : [{ type: 'results.reveal', results: resultsOf(i, state), room: run.room }];
}

/** The event's look on the phones, as the programme gives it (phone-branding.ts); none without a programme. */
export function brandingCommand(state: RegieState): RegieCommand {
  return { type: 'branding.set', branding: state.programme ? phoneLook(state.programme.event).branding : null };
}

/**
 * Leaves out a `branding.set` equal to the last one in the outbox (`lastSent`, its JSON): the
 * programme is edited often, its look seldom, and a logo weighs up to 14 KB a row.
 */
export function withoutRepeatedBranding(commands: RegieCommand[], lastSent: () => string | null): RegieCommand[] {
  return commands.filter((c) => c.type !== 'branding.set' || JSON.stringify(c) !== lastSent());
}

/**
 * At start: the look the hub must have when the outbox never sent it (a journal written before
 * the phones had the event's look, or a programme changed by an older version). Null when sent.
 */
export function brandingResync(state: RegieState, lastSent: string | null): RegieCommand | null {
  const command = brandingCommand(state);
  if (JSON.stringify(command) === lastSent) return null;
  // Nothing to tell a hub that never had a look about a régie without a programme.
  if (lastSent === null && command.type === 'branding.set' && command.branding === null) return null;
  return command;
}

/**
 * What the hub must be told after an event, computed in the engine's transaction (the outbox row
 * exists exactly when its event does). Pure.
 */
export function hubCommandsFor(event: RegieEvent, after: RegieState): RegieCommand[] {
  switch (event.type) {
    case 'interaction.opened': {
      const i = interaction(after, event.interactionId);
      // A cloud opens with its banned words (a hub that lost them, or never had them, learns them).
      const banned = i?.kind === 'wordcloud' && after.wordModeration[i.id] ? [bannedWordsCommand(after, i.id)] : [];
      return i ? [{ type: 'interaction.open', interaction: toHubInteraction(i), room: runRoom(after, i.id) }, ...banned] : [];
    }
    case 'interaction.closed': {
      // Results already shown on the phones are brought up to date with the final count.
      const i = interaction(after, event.interactionId);
      const shown = i && after.live.interactions[i.id]?.revealed === true;
      const room = runRoom(after, event.interactionId);
      return [
        { type: 'interaction.close', interactionId: event.interactionId, room },
        ...(shown ? [{ type: 'results.reveal' as const, results: resultsOf(i, after), room }] : []),
      ];
    }
    case 'audience.received':
      return event.message.type === 'poll.vote' ? lateVoteResults(after, event.message.pollId) : [];
    case 'interaction.hidden':
      return [{ type: 'results.hide', room: runRoom(after, event.interactionId) }];
    case 'interaction.reset':
      // Its run is gone: the event says where it ran.
      return [{ type: 'poll.reset', pollId: event.interactionId, room: event.room ?? mainRoomOf(after.programme) }];
    case 'interaction.revealed': {
      const i = interaction(after, event.interactionId);
      return i ? [{ type: 'results.reveal', results: resultsOf(i, after), room: runRoom(after, i.id) }] : [];
    }
    case 'words.banned':
    case 'words.unbanned':
    case 'words.merged':
    case 'words.unmerged':
      return [bannedWordsCommand(after, event.cloudId)];
    case 'programme.loaded':
    case 'programme.edited':
      // The phones wear the event's name, colours and logo (repeats are left out: withoutRepeatedBranding).
      return [brandingCommand(after)];
    case 'qa.opened':
      return [{ type: 'qa.open', sessionId: event.sessionId, roomOnly: event.roomOnly, room: event.room ?? mainRoomOf(after.programme) }];
    case 'qa.closed':
      return [{ type: 'qa.close', room: event.room ?? mainRoomOf(after.programme) }];
    case 'question.status.set':
    case 'question.edited':
    case 'question.flags.cleared':
    case 'question.flags.added':
    case 'question.findings.added':
    case 'question.redacted':
    case 'question.unredacted':
      return questionOnPhones(after, event.questionId);
    case 'question.merged':
      return [...questionOnPhones(after, event.questionId), ...questionOnPhones(after, event.intoId)];
    default:
      return [];
  }
}
