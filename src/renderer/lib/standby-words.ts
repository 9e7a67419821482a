import type { StandbyStatus } from '../../shared/api/channel';
import type { Translate } from './i18n';

/**
 * The hot standby as the desk says it (docs/standby.md). Pure.
 * - On the primary, a pill in the top bar: « Secours : à jour », « Secours : retard 40 ms »,
 *   « pas de régie de secours ».
 * - On a standby (and on a régie another took over from), a banner over the whole desk.
 */

export type StandbyTone = 'ok' | 'warn' | 'alert';

const STATES: ReadonlySet<string> = new Set<StandbyStatus['state']>([
  'none',
  'synced',
  'lagging',
  'connecting',
  'following',
  'offline',
  'refused',
]);
const ROLES: ReadonlySet<string> = new Set<StandbyStatus['role']>(['primary', 'follower', 'fenced']);

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A `status.standby` as the core sends it. */
export function isStandbyStatus(x: unknown): x is StandbyStatus {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return (
    typeof s.role === 'string' &&
    ROLES.has(s.role) &&
    typeof s.state === 'string' &&
    STATES.has(s.state) &&
    (s.lagMs === null || isCount(s.lagMs)) &&
    (s.peer === null || typeof s.peer === 'string') &&
    (s.peerViews === undefined || s.peerViews === null || typeof s.peerViews === 'string') &&
    isCount(s.since) &&
    isCount(s.epoch) &&
    (s.lastError === null || typeof s.lastError === 'string')
  );
}

/** Milliseconds as the operator reads them: a whole number. */
const ms = (lag: number | null) => String(Math.round(lag ?? 0));

/** The primary's pill, or null on a standby (its banner says it all). */
export function standbyPill(s: StandbyStatus, t: Translate): { tone: StandbyTone; text: string } | null {
  if (s.role !== 'primary') return null;
  switch (s.state) {
    case 'synced':
      return { tone: 'ok', text: t('standby.synced') };
    case 'lagging':
      return { tone: 'warn', text: t('standby.lagging', { ms: ms(s.lagMs) }) };
    default:
      return { tone: 'warn', text: t('standby.none') };
  }
}

/** The banner of a régie that takes no command: a standby following, or a régie another took over from. */
export function standbyBanner(s: StandbyStatus, t: Translate, time: (at: number) => string): { tone: StandbyTone; text: string } | null {
  if (s.role === 'primary') return null;
  if (s.role === 'fenced') return { tone: 'alert', text: t('standby.fenced', { why: s.lastError ?? '' }) };
  switch (s.state) {
    case 'following':
      return { tone: 'ok', text: t('standby.following', { ms: s.lagMs === null ? '…' : ms(s.lagMs) }) };
    case 'refused':
      return { tone: 'alert', text: t('standby.refused', { why: s.lastError ?? '' }) };
    case 'offline':
      return { tone: 'alert', text: t('standby.offline', { time: time(s.since), why: s.lastError ?? '' }) };
    default:
      return { tone: 'warn', text: t('standby.connecting', { url: s.peer ?? '' }) };
  }
}
