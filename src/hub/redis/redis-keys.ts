/**
 * The Redis keys of one event's cluster. Every key carries the event's code in a hash tag
 * (`{…}`): on a Redis Cluster they all live in one slot, so each script may touch any of them.
 */
export function redisKeys(eventCode: string) {
  const p = `pupitre:{${eventCode.trim().toUpperCase()}}:`;
  return {
    hubId: `${p}hub-id`,
    /** The last hub sequence given (INCR). */
    seq: `${p}seq`,
    /** The audience backlog: a stream whose entry ids are `<hubSeq>-0`. */
    backlog: `${p}backlog`,
    /** A message id taken (expires after `dedupKeepMs`). */
    msg: (msgId: string) => `${p}msg:${msgId}`,
    /** A poll's votes: participant → `choiceKey\nmsgId`. */
    votes: (pollId: string) => `${p}vote:${pollId}`,
    /** The questions a participant upvoted. */
    upvotedBy: (participantId: string) => `${p}upby:${participantId}`,
    /** Upvotes per question. */
    upvoteCounts: `${p}upcount`,
    /** The words (keys) a participant sent to a cloud. */
    words: (cloudId: string, participantId: string) => `${p}words:${cloudId}:${participantId}`,
    /** Rows written, by kind (what `counts()` reports: message ids ever taken, voters, upvotes, words). */
    stats: `${p}stats`,
    /** The régie: who it is, the last command applied, what it acknowledged. */
    regieId: `${p}regie-id`,
    applied: `${p}applied`,
    acked: `${p}acked`,
    /** The highest régie epoch seen (a standby that took over): a lower one is fenced off. */
    regieEpoch: `${p}regie-epoch`,
    /** The board (JSON), its revision (one per command applied), and the stream every node reads it from. */
    board: `${p}board`,
    boardRev: `${p}board-rev`,
    boardLog: `${p}board-log`,
    /** Personal codes (issue 17): the list's salt, each code's holder ('' free), the code each participant holds. */
    codeSalt: `${p}code-salt`,
    codes: `${p}codes`,
    codeHeld: `${p}code-held`,
    /** A participant's place (JSON), expiring `placeMemoryMs` after it was proved or chosen. */
    place: (participantId: string) => `${p}place:${participantId}`,
    /** Pub/sub: « the backlog grew up to N » (a hint: nodes also look every second). */
    appended: `${p}appended`,
    /** Rate buckets, per participant and per address, shared by every node. */
    rateParticipant: (key: string) => `${p}rate:p:${key}`,
    rateAddress: (address: string) => `${p}rate:a:${address}`,
    rateJoin: (address: string) => `${p}rate:j:${address}`,
    /** Each node's presence counts (JSON, expiring): the régie's node adds them up. */
    presence: `${p}presence`,
    /** The socket.io adapter's stream. */
    adapterStream: `${p}socket.io`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
