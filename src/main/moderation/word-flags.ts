import { normaliseWord } from '../../shared/domain/french-words';
import { flagWords, type ModerationLists, type QuestionFlag } from './question-flags';

/**
 * The moderation lists applied to word-cloud entries as sent and as the cloud counts them: « Connards ! »,
 * « l’connard » or « gros connard » are caught as well as « connard ». Each of the entry's forms is
 * checked (as sent, its normalised spelling, each word of that spelling); one flag per entry, its
 * match the entry as sent (the régie holds words as sent). Profanity wins over a name.
 */
export function flagCloudWords(words: readonly string[], lists: ModerationLists): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  for (const word of words) {
    const spelling = normaliseWord(word)?.spelling;
    const forms = spelling === undefined ? [word] : [word, spelling, ...spelling.split(' ')];
    const found = flagWords(forms, lists);
    const flag = found.find((f) => f.kind === 'profanity') ?? found[0];
    if (flag) flags.push({ kind: flag.kind, match: word });
  }
  return flags;
}
