import type { AudienceMessage } from '../shared/protocol/audience-messages';
import type { Ack, HubError } from '../shared/protocol/errors';
import type { ParticipantAction } from '../shared/protocol/participant-messages';
import type { CommandAck, RegieCommand } from '../shared/protocol/regie-commands';
import type { Board } from './board';
import type { PreviousVote, HubStore } from './hub-store';
import type { HubStorage, StorageCounts } from './hub-storage';
import type { HubWriter, PlacedSender } from './hub-writer';
import type { Place } from './join-decision';

/**
 * The storage of one hub process: its SQLite file (hub-store.ts) and its single writer
 * (hub-writer.ts), unchanged, behind the interface a cluster node shares. Reads are synchronous
 * underneath; the promises only give both kinds one shape.
 */
export class SqliteHubStorage implements HubStorage {
  readonly kind = 'sqlite' as const;
  readonly hubId: string;

  constructor(
    readonly store: HubStore,
    private readonly writer: HubWriter,
  ) {
    this.hubId = store.hubId();
  }

  get board(): Board {
    return this.writer.board;
  }

  get hubSeq(): number {
    return this.writer.hubSeq;
  }

  get appliedSeq(): number {
    return this.writer.appliedSeq;
  }

  get pending(): number {
    return this.writer.pending;
  }

  readonly votesOf = (questionId: string): number => this.writer.votesOf(questionId);

  submitParticipant(action: ParticipantAction, sender: PlacedSender): Promise<Ack> {
    return this.writer.submitParticipant(action, sender);
  }

  submitRegie(seq: number, command: RegieCommand | HubError): Promise<CommandAck> {
    return this.writer.submitRegie(seq, command);
  }

  submitPlace(participantId: string, place: Place, bindCode: string | null): Promise<boolean> {
    return this.writer.submitPlace(participantId, place, bindCode);
  }

  async admitEpoch(epoch: number): Promise<number | null> {
    // One process, one thread: the read and the write cannot be split by another régie's resume.
    const highest = this.store.metaNumber('regieEpoch');
    if (epoch < highest) return highest;
    if (epoch > highest) this.store.setMeta('regieEpoch', epoch);
    return null;
  }

  submitResume(regieId: string): Promise<number> {
    return this.writer.submitResume(regieId);
  }

  async readAfter(hubSeq: number, limit: number): Promise<AudienceMessage[]> {
    return this.store.readAfter(hubSeq, limit).map((r) => JSON.parse(r) as AudienceMessage);
  }

  async latestHubSeq(): Promise<number> {
    return this.writer.hubSeq;
  }

  async oldestHubSeq(): Promise<number | null> {
    return this.store.oldestHubSeq();
  }

  async previousVote(pollId: string, participantId: string): Promise<PreviousVote | undefined> {
    return this.store.previousVote(pollId, participantId);
  }

  async wordKeys(cloudId: string, participantId: string): Promise<string[]> {
    return this.store.wordKeys(cloudId, participantId);
  }

  async upvotedBy(participantId: string): Promise<string[]> {
    return this.store.upvotedBy(participantId);
  }

  savedAck(): number {
    return this.store.metaNumber('ackedHubSeq');
  }

  async saveAck(upTo: number): Promise<void> {
    this.store.setMeta('ackedHubSeq', upTo);
    return ;
  }

  async prune(ackedHubSeq: number, olderThan: number, idsOlderThan: number): Promise<void> {
    this.store.prune(ackedHubSeq, olderThan, idsOlderThan);
    return ;
  }

  async counts(): Promise<StorageCounts> {
    return this.store.counts();
  }

  async close(): Promise<void> {
    this.writer.close();
    return ;
  }
}
