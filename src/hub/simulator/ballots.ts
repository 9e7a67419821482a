import type { Interaction } from '../../shared/protocol/interactions';
import { createRng, type Rng, seedOf } from './rng';

/**
 * Ballots for the open poll that look like a room's: each poll gets its own favourite answers
 * (weights drawn from its id, the same in every run), a rating leans to the upper middle.
 */
export type Ballot = { choices: number[] } | { rating: number };

/** Weights of a poll's options: 1 to 5 each, drawn from the poll's id. */
export function optionWeights(pollId: string, options: number): number[] {
  const rng = createRng(seedOf(pollId, 7));
  return Array.from({ length: options }, () => 1 + rng.next() * 4);
}

export function makeBallot(rng: Rng, interaction: Exclude<Interaction, { kind: 'cloud' }>): Ballot {
  if (interaction.kind === 'rating') {
    const span = interaction.max - interaction.min;
    // Two draws averaged, shifted up a little: a soft hump around two thirds of the scale.
    const x = Math.min(1, Math.max(0, (rng.next() + rng.next()) / 2 + 0.12));
    return { rating: interaction.min + Math.round(x * span) };
  }
  const weights = optionWeights(interaction.id, interaction.options.length);
  const howMany = interaction.maxChoices === 1 ? 1 : rng.int(1, interaction.maxChoices);
  const picked = new Set<number>();
  const w = [...weights];
  while (picked.size < howMany) {
    const i = rng.weighted(w);
    picked.add(i);
    w[i] = 0;
    if (w.every((x) => x <= 0)) break;
  }
  return { choices: [...picked].sort((a, b) => a - b) };
}
