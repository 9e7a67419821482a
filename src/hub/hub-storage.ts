import type { AudienceMessage } from '../shared/protocol/audience-messages';
import type { Ack, HubError } from '../shared/protocol/errors';
import type { ParticipantAction } from '../shared/protocol/participant-messages';
import type { CommandAck, RegieCommand } from '../shared/protocol/regie-commands';
import type { Board } from './board';
import type { PreviousVote } from './hub-store';
import type { PlacedSender } from './hub-writer';
import type { Place } from './join-decision';

/** What a phone's page is told it already did (its vote, its upvotes, its words), read for its join. */
export interface PriorReads {
  previousVote(pollId: string, participantId: string): Promise<PreviousVote | undefined>;
  wordKeys(cloudId: string, participantId: string): Promise<string[]>;
  upvotedBy(participantId: string): Promise<string[]>;
}

export interface StorageCounts {
  backlog: number;
  msgIds: number;
  votes: number;
  upvotes: number;
  words: number;
}

/**
 * The hub's storage, whatever holds it: the audience backlog in hub-sequence order, the message ids
 * already taken (a retry counts once), one vote per participant and poll (replaced), one upvote
 * each, the words each participant sent, the board, the régie's applied command seq and
 * acknowledged position. Two implementations:
 * - `SqliteHubStorage` (sqlite-storage.ts): one hub process, its SQLite file (the default);
 * - `RedisHubStorage` (redis/redis-storage.ts): one node of a cluster, the state shared in Redis,
 *   every write that must not double count one atomic script.
 * An answer (the promise) comes only once the write is durable as that implementation promises.
 */
export interface HubStorage extends PriorReads {
  readonly kind: 'sqlite' | 'redis';
  /** Names the backlog: a régie's position means something only on the same hubId. */
  readonly hubId: string;
  /** The board as this node knows it (on a cluster node: as of the last command it has read). */
  readonly board: Board;
  /** The newest hub sequence this node knows of. */
  readonly hubSeq: number;
  /** The régie command seq applied, as this node knows it. */
  readonly appliedSeq: number;
  /** Writes queued and not answered yet. */
  readonly pending: number;
  /** Upvotes of a published question, as this node knows them. */
  readonly votesOf: (questionId: string) => number;

  submitParticipant(action: ParticipantAction, sender: PlacedSender): Promise<Ack>;
  submitRegie(seq: number, command: RegieCommand | HubError): Promise<CommandAck>;
  /**
   * A joining phone's place and the code it claims, written before it is answered: true, false (not
   * written: « réessayez »), or, on a cluster, the code taken by another phone meanwhile (through
   * another node) or no longer of the list.
   */
  submitPlace(participantId: string, place: Place, bindCode: string | null): Promise<boolean | 'taken' | 'unknown'>;
  /**
   * On a cluster: before a join is decided, what Redis holds for it (the participant's place, the
   * code it holds, the given code's holder) is put in the node's memory (places.ts). One hub's
   * memory is already the truth: it has none.
   */
  recall?(participantId: string, code: string | undefined): Promise<void>;
  /**
   * A régie's epoch (docs/standby.md): null when admitted (the highest epoch seen becomes it when
   * higher), else the higher epoch seen, which fences it off. Atomic across a cluster's nodes.
   */
  admitEpoch(epoch: number): Promise<number | null>;
  /** A régie says who it is; another régie than the last one starts its seqs from 0. Answers the applied seq. */
  submitResume(regieId: string): Promise<number>;

  /** Audience messages after `hubSeq`, in order, at most `limit`. */
  readAfter(hubSeq: number, limit: number): Promise<AudienceMessage[]>;
  /** The newest hub sequence, asked of the storage itself (on a cluster: of Redis). */
  latestHubSeq(): Promise<number>;
  oldestHubSeq(): Promise<number | null>;
  /** The régie's acknowledged position as saved (it only decides what may be pruned). */
  savedAck(): number;
  saveAck(upTo: number): Promise<void>;
  /** Drops what the régie acknowledged (older than `olderThan`) and message ids older than `idsOlderThan`. */
  prune(ackedHubSeq: number, olderThan: number, idsOlderThan: number): Promise<void>;
  counts(): Promise<StorageCounts>;
  /** Answers what is queued, then stops. */
  close(): Promise<void>;
}
