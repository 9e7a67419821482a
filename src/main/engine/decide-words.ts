import type { Command } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import { normaliseWord } from '../../shared/domain/french-words';
import { NO_WORD_MODERATION, mergedKey, tallyWords, type WordModeration } from '../../shared/domain/word-tally';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';

type WordCommand = Extract<Command, { type: `words.${string}` }>;

function requireCloud(state: RegieState, cloudId: string): void {
  const found = state.programme?.interactions?.some((i) => i.kind === 'wordcloud' && i.id === cloudId);
  if (!found) throw new CommandRejected(`nuage de mots inconnu : ${cloudId}`);
}

/** Every key sent to the cloud (counted or held), with a spelling to name it by. */
function keysOf(state: RegieState, cloudId: string): Map<string, string> {
  const keys = new Map<string, string>();
  const words = [...Object.keys(state.audience.words[cloudId] ?? {}), ...Object.keys(state.audience.heldWords[cloudId] ?? {})];
  for (const word of words) {
    const n = normaliseWord(word);
    if (n && !keys.has(n.key)) keys.set(n.key, n.spelling);
  }
  // The shown spelling (the most common) where there is one.
  for (const w of tallyWords(state.audience.words[cloudId])) keys.set(w.key, w.text);
  return keys;
}

/** The key a moderator's word stands for: a key as the desk sends it, or a word as typed. */
function keyOf(word: string): string {
  const n = normaliseWord(word);
  if (!n) throw new CommandRejected(`« ${word} » ne compte pas comme un mot (vide, ponctuation ou mot trop courant)`);
  return n.key;
}

function requireKnown(keys: Map<string, string>, word: string): { key: string; spelling: string } {
  const key = keys.has(word) ? word : keyOf(word);
  const spelling = keys.get(key);
  if (spelling === undefined) throw new CommandRejected(`mot inconnu dans ce nuage : « ${word} »`);
  return { key, spelling };
}

const has = (record: Readonly<Record<string, unknown>>, key: string) => Object.hasOwn(record, key);

/** Ban, unban, merge, unmerge, release a held word. Refusals in French; a no-op gives no event. */
export function decideWords(state: RegieState, command: WordCommand): RegieEvent[] {
  const { cloudId } = command;
  requireCloud(state, cloudId);
  const moderation: WordModeration = state.wordModeration[cloudId] ?? NO_WORD_MODERATION;
  const keys = keysOf(state, cloudId);
  switch (command.type) {
    case 'words.ban': {
      const { key, spelling } = requireKnown(keys, command.word);
      return has(moderation.banned, key) ? [] : [{ type: 'words.banned', cloudId, key, spelling }];
    }
    case 'words.unban': {
      const key = has(moderation.banned, command.word) ? command.word : keyOf(command.word);
      if (!has(moderation.banned, key)) throw new CommandRejected(`« ${command.word} » n’est pas banni de ce nuage`);
      return [{ type: 'words.unbanned', cloudId, key }];
    }
    case 'words.merge': {
      const from = requireKnown(keys, command.from);
      const into = requireKnown(keys, command.into);
      if (from.key === into.key) throw new CommandRejected('un mot ne peut pas être fusionné avec lui-même');
      for (const w of [from, into]) {
        if (has(moderation.banned, w.key)) throw new CommandRejected(`« ${w.spelling} » est banni : rétablissez-le d’abord`);
      }
      const target = mergedKey(into.key, moderation);
      if (target === from.key)
        throw new CommandRejected(`« ${into.spelling} » est déjà compté avec « ${from.spelling} » : défaites d’abord cette fusion`);
      if (mergedKey(from.key, moderation) === target && has(moderation.merges, from.key)) return [];
      return [{ type: 'words.merged', cloudId, from: from.key, into: target }];
    }
    case 'words.unmerge': {
      const key = has(moderation.merges, command.word) ? command.word : keyOf(command.word);
      if (!has(moderation.merges, key)) throw new CommandRejected(`« ${command.word} » n’est fusionné avec aucun autre mot`);
      return [{ type: 'words.unmerged', cloudId, key }];
    }
    case 'words.allow': {
      const { key, spelling } = requireKnown(keys, command.word);
      const held = Object.keys(state.audience.heldWords[cloudId] ?? {}).some((w) => normaliseWord(w)?.key === key);
      if (!held) throw new CommandRejected(`« ${spelling} » n’est pas retenu par la modération`);
      return [{ type: 'words.allowed', cloudId, key, spelling }];
    }
    default:
      return command satisfies never;
  }
}
