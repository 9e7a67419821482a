import type { RateLimiter } from './rate-limiter';

/**
 * The door every participant message passes first: the participant's own rate, then its
 * address's (joins have their own bucket per address, a join storm being what it is). One hub
 * process answers at once from its memory (`localRateGate`); a cluster node asks Redis, so that a
 * participant or an address is held to one rate across every node (redis/redis-rate-gate.ts).
 */
export interface RateGate {
  allow(participantKey: string, address: string, join: boolean): boolean | Promise<boolean>;
}

export function localRateGate(participant: RateLimiter, address: RateLimiter, joins: RateLimiter): RateGate {
  return {
    allow: (participantKey, addr, join) => participant.allow(participantKey) && (join ? joins : address).allow(addr),
  };
}
