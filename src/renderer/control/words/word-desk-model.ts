import type { ByOrigin, QuestionFlagKind, ViewState } from '../../../shared/api/state';
import { cachedNormalise } from '../../../shared/domain/french-words';
import { NO_WORD_MODERATION, tallyWords, type TalliedWord } from '../../../shared/domain/word-tally';

/**
 * What the desk's word panel shows of one word cloud: the words as the projector counts them
 * (with their spellings), the words held back by the moderation lists, the banned words and the
 * merges, and the counts. Pure: the same functions as the projector (word-tally.ts).
 */

export interface DeskCloud {
  id: string;
  prompt: string;
  status: 'draft' | 'open' | 'closed';
}

export interface HeldWord {
  key: string;
  /** The spelling shown (the most common one sent). */
  text: string;
  count: number;
  kinds: QuestionFlagKind[];
  /** Every spelling sent, as sent. */
  variants: string[];
}

export interface MergedWord {
  from: string;
  fromText: string;
  into: string;
  intoText: string;
}

export interface WordDesk {
  words: TalliedWord[];
  held: HeldWord[];
  banned: { key: string; text: string }[];
  merges: MergedWord[];
  /** Every word sent (banned or held ones included, as the régie counted them). */
  sent: number;
  participants: ByOrigin;
}

/** The word clouds of the programme, with their state tonight. */
export function deskClouds(state: Pick<ViewState, 'programme' | 'live'> | null | undefined): DeskCloud[] {
  const interactions = state?.programme?.interactions ?? [];
  return interactions.flatMap((i) =>
    i.kind === 'wordcloud' ? [{ id: i.id, prompt: i.prompt, status: state?.live.interactions[i.id]?.status ?? 'draft' }] : [],
  );
}

/** The cloud to show without a choice: the open one, else the one opened last, else the first. */
export function defaultCloud(clouds: readonly DeskCloud[], live: ViewState['live'] | undefined): string | null {
  const open = clouds.find((c) => c.status === 'open');
  if (open) return open.id;
  const opened = clouds
    .filter((c) => c.status !== 'draft')
    .sort((a, b) => (live?.interactions[b.id]?.openedAt ?? 0) - (live?.interactions[a.id]?.openedAt ?? 0));
  return opened[0]?.id ?? clouds[0]?.id ?? null;
}

export function wordDesk(
  state: Pick<ViewState, 'audience' | 'wordModeration' | 'wordParticipants'> | null | undefined,
  cloudId: string,
): WordDesk {
  const raw = state?.audience.words[cloudId];
  const heldRaw = state?.audience.heldWords[cloudId] ?? {};
  const moderation = state?.wordModeration?.[cloudId] ?? NO_WORD_MODERATION;
  // Every group as sent, without moderation: the names of banned, merged and held words.
  const all = tallyWords(raw);
  const textOf = (key: string) => all.find((w) => w.key === key)?.text;

  const heldByKey = new Map<string, HeldWord>();
  for (const [word, kind] of Object.entries(heldRaw)) {
    const key = cachedNormalise(word)?.key;
    if (key === undefined) continue;
    const group = all.find((w) => w.key === key);
    const entry = heldByKey.get(key) ?? { key, text: group?.text ?? word, count: group?.count ?? 0, kinds: [], variants: [] };
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    entry.variants.push(word);
    heldByKey.set(key, entry);
  }
  return {
    words: tallyWords(raw, moderation, heldRaw),
    held: [...heldByKey.values()],
    banned: Object.entries(moderation.banned).map(([key, spelling]) => ({ key, text: textOf(key) ?? spelling })),
    merges: Object.entries(moderation.merges).map(([from, into]) => ({
      from,
      fromText: textOf(from) ?? from,
      into,
      intoText: textOf(into) ?? into,
    })),
    sent: Object.values(raw ?? {}).reduce((a, b) => a + (b > 0 ? b : 0), 0),
    participants: state?.wordParticipants?.[cloudId] ?? { room: 0, remote: 0 },
  };
}
