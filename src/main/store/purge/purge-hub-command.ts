import { MAX } from '../../../shared/protocol/limits';
import type { RegieCommand } from '../../../shared/protocol/regie-commands';
import { flagSpans } from '../../../shared/domain/stored-flags';
import type { PurgeContext } from '../../../node/purge/purge-context';

/**
 * The RGPD purge of one régie → hub command (the régie's outbox, kept after delivery for the
 * incident log): a published question loses its asker's name and the personal data of its text.
 * Exhaustive, like purgeEvent.
 */
export function purgeHubCommand(command: RegieCommand, ctx: PurgeContext): RegieCommand {
  switch (command.type) {
    case 'interaction.open':
    case 'interaction.close':
    case 'qa.open':
    case 'qa.close':
    case 'question.withdraw':
    case 'questions.clear':
    case 'notice.clear':
    case 'results.hide':
    case 'poll.reset':
    case 'branding.set': // the event's look on the phones: the organisers' name, colours and logo, public
      return command;
    case 'notice.show':
      return { ...command, text: ctx.text(command.text, 'stage-message', [], MAX.notice) || '…' };
    case 'question.publish':
      return {
        ...command,
        text: ctx.text(command.text, 'question', flagSpans(command.text, ctx.known(command.questionId)), MAX.questionText) || '…',
        name: null,
      };
    case 'results.reveal':
      // A word cloud's results carry its words: a personal one becomes its placeholder, as in the journal.
      return command.results.kind === 'cloud'
        ? { ...command, results: { ...command.results, words: command.results.words.map((w) => ({ ...w, text: ctx.word(w.text) })) } }
        : command;
    case 'words.banned':
      return { ...command, keys: command.keys.map((k) => ctx.wordKey(k)) };
    // Rooms and their presence secrets name no one.
    case 'rooms.set':
    case 'codes.clear':
      return command;
    // A personal code names one attendee (hashed, with the salt beside it): the purge forgets them.
    case 'codes.add':
    case 'code.release':
      return { type: 'codes.clear' };
    default:
      return command satisfies never;
  }
}
