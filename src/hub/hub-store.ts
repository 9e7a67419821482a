import { randomBytes } from 'node:crypto';
import type { Db } from '../node/sqlite/database';
import type { AudienceMessage } from '../shared/protocol/audience-messages';

/** Meta keys of the hub's database. */
type MetaKey = 'hubId' | 'hubSeq' | 'ackedHubSeq' | 'regieId' | 'appliedSeq' | 'board' | 'codeSalt' | 'regieEpoch';

export interface PreviousVote {
  choiceKey: string;
  msgId: string;
}

/**
 * The hub's SQLite statements: backlog, message ids, per-participant votes, upvotes and words,
 * and a few meta values. Callers group writes in transactions; this class holds no state.
 */
export class HubStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      append: db.prepare('INSERT INTO backlog (hub_seq, msg_id, received_at, payload) VALUES (?, ?, ?, ?)'),
      readAfter: db.prepare('SELECT payload FROM backlog WHERE hub_seq > ? ORDER BY hub_seq LIMIT ?').pluck(),
      oldest: db.prepare('SELECT MIN(hub_seq) FROM backlog').pluck(),
      countAfter: db.prepare('SELECT COUNT(*) FROM backlog WHERE hub_seq > ?').pluck(),
      pruneBacklog: db.prepare(
        'DELETE FROM backlog WHERE hub_seq IN (SELECT hub_seq FROM backlog WHERE hub_seq <= ? AND received_at < ? ORDER BY hub_seq LIMIT ?)',
      ),
      hasMsg: db.prepare('SELECT 1 FROM msg_ids WHERE msg_id = ?').pluck(),
      recordMsg: db.prepare('INSERT INTO msg_ids (msg_id, hub_seq, at) VALUES (?, ?, ?)'),
      pruneMsgs: db.prepare('DELETE FROM msg_ids WHERE msg_id IN (SELECT msg_id FROM msg_ids WHERE at < ? LIMIT ?)'),
      getVote: db.prepare('SELECT choice_key AS choiceKey, msg_id AS msgId FROM votes WHERE poll_id = ? AND participant_id = ?'),
      putVote: db.prepare(
        `INSERT INTO votes (poll_id, participant_id, choice_key, msg_id, hub_seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(poll_id, participant_id) DO UPDATE SET choice_key = excluded.choice_key, msg_id = excluded.msg_id, hub_seq = excluded.hub_seq`,
      ),
      clearVotes: db.prepare('DELETE FROM votes WHERE poll_id = ?'),
      hasUpvote: db.prepare('SELECT 1 FROM upvotes WHERE question_id = ? AND participant_id = ?').pluck(),
      putUpvote: db.prepare('INSERT INTO upvotes (question_id, participant_id, hub_seq) VALUES (?, ?, ?)'),
      upvoteCounts: db.prepare('SELECT question_id AS id, COUNT(*) AS n FROM upvotes GROUP BY question_id'),
      upvotedBy: db.prepare('SELECT question_id FROM upvotes WHERE participant_id = ?').pluck(),
      wordKeys: db.prepare('SELECT word_key FROM words WHERE cloud_id = ? AND participant_id = ?').pluck(),
      putWord: db.prepare('INSERT INTO words (cloud_id, participant_id, word_key, hub_seq) VALUES (?, ?, ?, ?)'),
      allCodes: db.prepare('SELECT hash, participant_id AS holder FROM personal_codes'),
      addCode: db.prepare('INSERT OR IGNORE INTO personal_codes (hash, participant_id) VALUES (?, NULL)'),
      clearCodes: db.prepare('DELETE FROM personal_codes'),
      bindCode: db.prepare('UPDATE personal_codes SET participant_id = ? WHERE hash = ?'),
      freeCodesOf: db.prepare('UPDATE personal_codes SET participant_id = NULL WHERE participant_id = ?'),
      allPlaces: db.prepare('SELECT participant_id AS participantId, room, origin, chosen, at FROM participant_places WHERE at >= ?'),
      putPlace: db.prepare(
        `INSERT INTO participant_places (participant_id, room, origin, chosen, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(participant_id) DO UPDATE SET room = excluded.room, origin = excluded.origin, chosen = excluded.chosen, at = excluded.at`,
      ),
      prunePlaces: db.prepare('DELETE FROM participant_places WHERE at < ?'),
      counts: db.prepare(
        `SELECT (SELECT COUNT(*) FROM backlog) AS backlog, (SELECT COUNT(*) FROM msg_ids) AS msgIds,
                (SELECT COUNT(*) FROM votes) AS votes, (SELECT COUNT(*) FROM upvotes) AS upvotes,
                (SELECT COUNT(*) FROM words) AS words`,
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  meta(key: MetaKey): string | undefined {
    return this.s.getMeta.get(key) as string | undefined;
  }

  setMeta(key: MetaKey, value: string | number): void {
    this.s.setMeta.run(key, String(value));
  }

  metaNumber(key: MetaKey): number {
    const n = Number(this.meta(key) ?? 0);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }

  /** The id of this hub's database, made on first use. */
  hubId(): string {
    const known = this.meta('hubId');
    if (known) return known;
    const id = randomBytes(12).toString('base64url');
    this.setMeta('hubId', id);
    return id;
  }

  append(message: AudienceMessage): void {
    this.s.append.run(message.hubSeq, message.msgId, message.receivedAt, JSON.stringify(message));
  }

  /** Payloads (JSON) of the messages after `hubSeq`, in order. */
  readAfter(hubSeq: number, limit: number): string[] {
    return this.s.readAfter.all(hubSeq, limit) as string[];
  }

  oldestHubSeq(): number | null {
    return (this.s.oldest.get() as number | null) ?? null;
  }

  countAfter(hubSeq: number): number {
    return this.s.countAfter.get(hubSeq) as number;
  }

  hasMsg(msgId: string): boolean {
    return this.s.hasMsg.get(msgId) !== undefined;
  }

  recordMsg(msgId: string, hubSeq: number, at: number): void {
    this.s.recordMsg.run(msgId, hubSeq, at);
  }

  previousVote(pollId: string, participantId: string): PreviousVote | undefined {
    return this.s.getVote.get(pollId, participantId) as PreviousVote | undefined;
  }

  putVote(pollId: string, participantId: string, choiceKey: string, msgId: string, hubSeq: number): void {
    this.s.putVote.run(pollId, participantId, choiceKey, msgId, hubSeq);
  }

  /** A poll reset by the régie: nobody has voted in it any more. */
  clearVotes(pollId: string): void {
    this.s.clearVotes.run(pollId);
  }

  hasUpvoted(questionId: string, participantId: string): boolean {
    return this.s.hasUpvote.get(questionId, participantId) !== undefined;
  }

  putUpvote(questionId: string, participantId: string, hubSeq: number): void {
    this.s.putUpvote.run(questionId, participantId, hubSeq);
  }

  upvoteCounts(): Map<string, number> {
    const rows = this.s.upvoteCounts.all() as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  upvotedBy(participantId: string): string[] {
    return this.s.upvotedBy.all(participantId) as string[];
  }

  wordKeys(cloudId: string, participantId: string): string[] {
    return this.s.wordKeys.all(cloudId, participantId) as string[];
  }

  putWord(cloudId: string, participantId: string, key: string, hubSeq: number): void {
    this.s.putWord.run(cloudId, participantId, key, hubSeq);
  }

  /** Every personal code and the participant holding it (null: free). */
  codes(): { hash: string; holder: string | null }[] {
    return this.s.allCodes.all() as { hash: string; holder: string | null }[];
  }

  addCodes(hashes: readonly string[]): void {
    for (const h of hashes) this.s.addCode.run(h);
  }

  clearCodes(): void {
    this.s.clearCodes.run();
  }

  /** Binds a code to a participant (which frees the one it held: one code per phone), or frees it (null). */
  bindCode(hash: string, participantId: string | null): void {
    if (participantId !== null) this.s.freeCodesOf.run(participantId);
    this.s.bindCode.run(participantId, hash);
  }

  /** Places remembered since `since` (ms). */
  places(since: number): { participantId: string; room: string; origin: string; chosen: number; at: number }[] {
    return this.s.allPlaces.all(since) as { participantId: string; room: string; origin: string; chosen: number; at: number }[];
  }

  putPlace(participantId: string, p: { room: string; origin: string; chosen: boolean; at: number }): void {
    this.s.putPlace.run(participantId, p.room, p.origin, p.chosen ? 1 : 0, p.at);
  }

  prunePlaces(before: number): number {
    return this.s.prunePlaces.run(before).changes;
  }

  /**
   * Removes, a chunk at a time, backlog rows acknowledged up to `ackedHubSeq` and older than
   * `olderThan`, and message ids older than `idsOlderThan`. Returns how many rows went.
   */
  prune(ackedHubSeq: number, olderThan: number, idsOlderThan: number, chunk = 5000): number {
    return this.transaction(
      () => this.s.pruneBacklog.run(ackedHubSeq, olderThan, chunk).changes + this.s.pruneMsgs.run(idsOlderThan, chunk).changes,
    );
  }

  /** Row counts, for health checks and tests. */
  counts(): { backlog: number; msgIds: number; votes: number; upvotes: number; words: number } {
    return this.s.counts.get() as { backlog: number; msgIds: number; votes: number; upvotes: number; words: number };
  }
}
