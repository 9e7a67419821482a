import { describe, expect, it } from 'vitest';
import { chooseRegie, isObeyed, type Sighting, sightingOf } from './regie-choice';

const A = 'http://192.168.1.20:4870';
const B = 'http://192.168.1.21:4870';
const seen = (epoch: number, role: 'primary' | 'follower' | 'fenced'): Sighting => ({ kind: 'seen', epoch, role });
const choose = (home: string, current: string, sightings: Record<string, Sighting>, highestEpoch = 0) =>
  chooseRegie({ addresses: [home, home === A ? B : A], home, current, sightings, highestEpoch });

describe('which régie a view listens to', () => {
  it('never obeys a régie fenced off or at a lower epoch than one seen', () => {
    expect(isObeyed(seen(1, 'primary'), 1)).toBe(true);
    expect(isObeyed(seen(1, 'primary'), 2)).toBe(false);
    expect(isObeyed(seen(3, 'fenced'), 0)).toBe(false);
    expect(isObeyed({ kind: 'unreachable' }, 0)).toBe(false);
    expect(sightingOf(undefined)).toEqual(seen(0, 'primary'));
  });

  it('stays on a leading régie and watches nothing else', () => {
    expect(choose(A, A, { [A]: seen(0, 'primary'), [B]: seen(0, 'follower') })).toEqual({ use: A, probe: null });
  });

  it('stays on the follower it was opened on (its desk takes over, its output feeds the switcher)', () => {
    expect(choose(B, B, { [B]: seen(0, 'follower'), [A]: seen(0, 'primary') })).toEqual({ use: B, probe: null });
  });

  it('goes to the other régie when its own is unreachable, and keeps watching for a leader', () => {
    expect(choose(A, A, { [A]: { kind: 'unreachable' } })).toEqual({ use: B, probe: A });
    // The follower answers: the view shows it (the same state, read-only) and still watches A.
    expect(choose(A, B, { [A]: { kind: 'unreachable' }, [B]: seen(0, 'follower') })).toEqual({ use: B, probe: A });
  });

  it('drives the follower once it took over at the higher epoch, and never goes back to the old primary', () => {
    expect(choose(A, B, { [A]: { kind: 'unreachable' }, [B]: seen(1, 'primary') }, 1)).toEqual({ use: B, probe: null });
    // The old primary comes back still believing it leads at epoch 0: the view saw epoch 1.
    expect(choose(A, B, { [A]: seen(0, 'primary'), [B]: seen(1, 'primary') }, 1)).toEqual({ use: B, probe: null });
    expect(choose(A, A, { [A]: seen(0, 'primary'), [B]: seen(1, 'primary') }, 1)).toEqual({ use: B, probe: null });
  });

  it('leaves a fenced régie for the one that leads', () => {
    expect(choose(A, A, { [A]: seen(0, 'fenced') })).toEqual({ use: B, probe: A });
    expect(choose(A, A, { [A]: seen(0, 'fenced'), [B]: seen(1, 'primary') }, 1).use).toBe(B);
  });

  it('goes back to the primary after a blip on which it went to the follower', () => {
    expect(choose(A, B, { [A]: seen(0, 'primary'), [B]: seen(0, 'follower') })).toEqual({ use: A, probe: null });
  });

  it('with no other address known, stays and retries its own', () => {
    expect(chooseRegie({ addresses: [A], home: A, current: A, sightings: { [A]: { kind: 'unreachable' } }, highestEpoch: 0 })).toEqual({
      use: A,
      probe: null,
    });
  });
});
