/**
 * The core's private records by participant (the ballots, the word senders) are kept in buckets of
 * participant ids, so that each immutable update copies one bucket (about 1/64 of the audience)
 * rather than all of it. The audience and word-moderation reducers and the purge's rewrite of the
 * state place a participant in the same bucket.
 */
export const BALLOT_BUCKETS = 64;

/** FNV-1a of the participant id, modulo the number of buckets. */
export function ballotBucket(participantId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < participantId.length; i += 1) h = Math.imul(h ^ participantId.charCodeAt(i), 0x01000193);
  return String((h >>> 0) % BALLOT_BUCKETS);
}
