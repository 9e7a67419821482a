import type { Redis } from 'ioredis';
import type { HubLimits } from '../options';
import type { RateGate } from '../rate-gate';
import type { RedisKeys } from './redis-keys';
import { RATE_SCRIPT } from './scripts';

type Scripted = Redis & { pupRate(...args: (string | number)[]): Promise<number> };

/**
 * The rate limits of a cluster: the same token buckets as one hub (rate-limiter.ts), kept in
 * Redis and taken by one script, so a participant or an address flooding through several nodes
 * is held to one rate. A bucket expires once it would be full again.
 */
export function redisRateGate(redis: Redis, keys: RedisKeys, limits: Pick<HubLimits, 'participantRate' | 'addressRate' | 'joinRate'>): RateGate {
  const r = redis as Scripted;
  if (typeof r.pupRate !== 'function') r.defineCommand('pupRate', { numberOfKeys: 2, lua: RATE_SCRIPT });
  const p = limits.participantRate;
  return {
    allow: async (participantKey, address, join) => {
      const a = join ? limits.joinRate : limits.addressRate;
      const addressKey = join ? keys.rateJoin(address) : keys.rateAddress(address);
      return (await r.pupRate(keys.rateParticipant(participantKey), addressKey, p.perSecond, p.burst, a.perSecond, a.burst)) === 1;
    },
  };
}
