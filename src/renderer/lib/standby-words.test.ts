import { describe, expect, it } from 'vitest';
import type { StandbyStatus } from '../../shared/api/channel';
import { translate } from './i18n';
import { isStandbyStatus, standbyBanner, standbyPill } from './standby-words';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
const status = (s: Partial<StandbyStatus>): StandbyStatus => ({
  role: 'primary',
  state: 'none',
  lagMs: null,
  peer: null,
  since: 0,
  epoch: 0,
  lastError: null,
  ...s,
});
const time = () => '10:42';

describe('the hot standby in words', () => {
  it('gives the primary’s pill: up to date, how far behind, or no standby', () => {
    expect(standbyPill(status({ state: 'synced', lagMs: 0 }), t)).toEqual({ tone: 'ok', text: 'Secours\u00a0: à jour' });
    expect(standbyPill(status({ state: 'lagging', lagMs: 412.6 }), t)).toEqual({ tone: 'warn', text: 'Secours\u00a0: retard 413\u00a0ms' });
    expect(standbyPill(status({ state: 'none' }), t)?.text).toBe('Pas de régie de secours');
    expect(standbyPill(status({ role: 'follower', state: 'following' }), t)).toBeNull();
  });

  it('gives a standby’s banner with its lag, or why it does not follow', () => {
    expect(standbyBanner(status({ role: 'follower', state: 'following', lagMs: 3 }), t, time)?.text).toBe(
      'Régie de secours — suit la régie principale (retard 3\u00a0ms)',
    );
    const refused = standbyBanner(status({ role: 'follower', state: 'refused', lastError: 'pas les mêmes journaux' }), t, time);
    expect(refused).toEqual({ tone: 'alert', text: 'Régie de secours — copie refusée\u00a0: pas les mêmes journaux' });
    expect(standbyBanner(status({ role: 'follower', state: 'offline', lastError: 'coupé' }), t, time)?.text).toContain(
      'injoignable depuis 10:42 (coupé)',
    );
    expect(standbyBanner(status({ role: 'fenced', state: 'none', lastError: 'époque 2' }), t, time)?.text).toContain(
      'Une autre régie a pris la main',
    );
    expect(standbyBanner(status({ state: 'synced' }), t, time)).toBeNull();
  });

  it('checks a status as the core sends it', () => {
    expect(isStandbyStatus(status({}))).toBe(true);
    expect(isStandbyStatus({ ...status({}), state: 'ailleurs' })).toBe(false);
    expect(isStandbyStatus({ ...status({}), lagMs: '3' })).toBe(false);
    expect(isStandbyStatus(null)).toBe(false);
  });
});
