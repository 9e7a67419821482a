import type { CoreStatus } from '../../shared/api/channel';

/**
 * Which régie a view listens to (docs/standby.md § « Les vues ») — pure, so that it is tested
 * alone. A view knows its page's own address (home) and the other régie's (learned from the
 * status); each address is unknown, unreachable, refused, or seen with an epoch and a role.
 */
export type RegieRole = 'primary' | 'follower' | 'fenced';

export type Sighting =
  { kind: 'unknown' } | { kind: 'unreachable' } | { kind: 'refused' } | { kind: 'seen'; epoch: number; role: RegieRole };

/** What a régie says of itself; a core of before the hot standby leads at epoch 0. */
export function sightingOf(status: CoreStatus | undefined): Sighting & { kind: 'seen' } {
  const standby = status?.standby;
  return { kind: 'seen', epoch: standby?.epoch ?? 0, role: standby?.role ?? 'primary' };
}

/**
 * Fencing at the view: a view never obeys a régie fenced off, or at a lower epoch than one it has
 * already seen (an output that saw epoch 2 ignores the program of epoch 1).
 */
export function isObeyed(sighting: Sighting, highestEpoch: number): boolean {
  return sighting.kind === 'seen' && sighting.role !== 'fenced' && sighting.epoch >= highestEpoch;
}

/**
 * How much a view wants an address: a leading régie it may obey, or a follower that is the page's
 * own home (its desk is where « Prendre la main » is pressed, its output feeds the switcher): 3;
 * a follower elsewhere (the same state, read-only, while the leader is away): 1; not yet known: 0;
 * unreachable, refused, fenced or behind: −1.
 */
function rank(address: string, home: string, sightings: Readonly<Record<string, Sighting>>, highestEpoch: number): number {
  const s = sightings[address] ?? { kind: 'unknown' };
  if (s.kind === 'unknown') return 0;
  if (!isObeyed(s, highestEpoch) || s.kind !== 'seen') return -1;
  if (s.role === 'primary' || address === home) return 3;
  return 1;
}

export interface ChoiceInput {
  /** Every address known: the page's own first, then the peers learned. */
  addresses: readonly string[];
  home: string;
  current: string;
  sightings: Readonly<Record<string, Sighting>>;
  highestEpoch: number;
}

export interface Choice {
  /** The régie the view shows and sends its commands to. */
  use: string;
  /** Another address to keep an eye on while `use` is not a régie the view wants (null: none). */
  probe: string | null;
}

export function chooseRegie({ addresses, home, current, sightings, highestEpoch }: ChoiceInput): Choice {
  const all = addresses.includes(current) ? addresses : [current, ...addresses];
  const ranked = all.map((a) => ({ a, r: rank(a, home, sightings, highestEpoch) }));
  const currentRank = ranked.find((x) => x.a === current)!.r;
  let best = { a: current, r: currentRank };
  for (const x of ranked) if (x.r > best.r) best = x;
  // Nowhere good: the view stays where it is and keeps trying both (each link reconnects by itself).
  const use = best.a;
  const probe = best.r >= 3 ? null : (all.find((a) => a !== use) ?? null);
  return { use, probe };
}
