import type { PatchOp } from '../shared/protocol/audience-state';
import { type Ack, type HubError, refuse } from '../shared/protocol/errors';
import type { ParticipantAction } from '../shared/protocol/participant-messages';
import type { CommandAck, RegieCommand } from '../shared/protocol/regie-commands';
import type { RoomId } from '../shared/protocol/rooms';
import { admit, type Effect, type Sender } from './admit';
import { applyRegieCommand, type Board, loadBoard, roomBoard } from './board';
import type { HubStore } from './hub-store';
import type { Place } from './join-decision';
import type { Places } from './places';

/** Who sent a participant message, and the room the hub put them in. */
export type PlacedSender = Sender & { room: RoomId };

/** Board changes for the phones of one room (null: of every room), in order. */
export interface RoomOps {
  room: RoomId | null;
  ops: PatchOp[];
}

export interface Committed {
  /** Board changes for the phones, in order, by room. */
  ops: RoomOps[];
  /** The room list changed (rooms.set): every phone's room is decided again. */
  roomsChanged: boolean;
  /** Questions whose upvote count changed. */
  votes: string[];
  /** New audience messages were appended (the régie link has more to send). */
  appended: boolean;
  /** The event's look changed (the phones get a `branding` event). */
  branding: boolean;
}

type Item =
  | { kind: 'participant'; action: ParticipantAction; sender: PlacedSender; msgId: string; resolve: (r: Ack) => void }
  | { kind: 'regie'; seq: number; command: RegieCommand | HubError; resolve: (r: CommandAck) => void }
  | { kind: 'resume'; regieId: string; resolve: (appliedSeq: number) => void }
  | { kind: 'place'; participantId: string; place: Place; bindCode: string | null; resolve: (saved: boolean) => void };

export interface WriterOptions {
  maxQueue: number;
  maxBatch: number;
  now: () => number;
  onCommitted: (c: Committed) => void;
  onError: (err: unknown) => void;
}

/**
 * The hub's single writer. Participant messages and régie commands queue here and are committed in
 * order, in batches (every message that arrived during one turn of the event loop shares one
 * transaction and one fsync). Answers go out only after the commit: an acknowledged message is on
 * disk. If a transaction fails, nothing of its batch counts (memory is left as before) and every
 * sender hears `unavailable`.
 */
export class HubWriter {
  private queue: Item[] = [];
  private scheduled = false;
  private closed = false;
  private boardValue: Board;
  private readonly votes: Map<string, number>;
  private hubSeqValue: number;
  private appliedValue: number;
  private regieId: string | null;
  /** The personal codes' salt as the batch being committed leaves it. */
  private batchSalt: string | null = null;

  constructor(
    private readonly store: HubStore,
    private readonly places: Places,
    private readonly opts: WriterOptions,
  ) {
    const loaded = loadBoard(store.meta('board'));
    if (loaded.problem) opts.onError(new Error(`état affiché illisible, remis à zéro : ${loaded.problem}`));
    this.boardValue = loaded.board;
    this.votes = store.upvoteCounts();
    this.hubSeqValue = store.metaNumber('hubSeq');
    this.appliedValue = store.metaNumber('appliedSeq');
    this.regieId = store.meta('regieId') ?? null;
  }

  get board(): Board {
    return this.boardValue;
  }

  get hubSeq(): number {
    return this.hubSeqValue;
  }

  get appliedSeq(): number {
    return this.appliedValue;
  }

  get pending(): number {
    return this.queue.length;
  }

  readonly votesOf = (questionId: string): number => this.votes.get(questionId) ?? 0;

  submitParticipant(action: ParticipantAction, sender: PlacedSender): Promise<Ack> {
    const refusal = this.refuseIfFull();
    if (refusal) return Promise.resolve(refusal);
    const msgId = `${sender.participantId}:${action.msg.clientMsgId}`;
    return new Promise((resolve) => this.enqueue({ kind: 'participant', action, sender, msgId, resolve }));
  }

  /** A régie command, or the error its content got (its seq is used all the same). */
  submitRegie(seq: number, command: RegieCommand | HubError): Promise<CommandAck> {
    if (this.closed)
      return Promise.resolve({ ok: false, appliedSeq: this.appliedValue, error: { code: 'unavailable', message: 'le hub s’arrête' } });
    return new Promise((resolve) => this.enqueue({ kind: 'regie', seq, command, resolve }));
  }

  /** A joining phone's place (when it chose or proved it) and the code it claimed, written before it is answered. */
  submitPlace(participantId: string, place: Place, bindCode: string | null): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => this.enqueue({ kind: 'place', participantId, place, bindCode, resolve }));
  }

  /** A régie says who it is; another régie than the last one starts its seqs from 0. */
  submitResume(regieId: string): Promise<number> {
    return new Promise((resolve) => this.enqueue({ kind: 'resume', regieId, resolve }));
  }

  flush(): void {
    while (this.queue.length > 0) this.commit(this.queue.splice(0, this.opts.maxBatch));
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  private refuseIfFull(): Ack | null {
    if (this.closed) return refuse('unavailable', 'le service s’arrête : réessayez dans un instant');
    if (this.queue.length >= this.opts.maxQueue) return refuse('busy', 'le service est très sollicité : réessayez dans quelques secondes');
    return null;
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private commit(batch: Item[]): void {
    const now = this.opts.now();
    let board = this.boardValue;
    let hubSeq = this.hubSeqValue;
    let applied = this.appliedValue;
    let regieId = this.regieId;
    let boardChanged = false;
    let brandingChanged = false;
    let roomsChanged = false;
    this.batchSalt = this.places.salt;
    const ops: RoomOps[] = [];
    /** Memory changes that wait for the commit (the personal codes' registry). */
    const after: (() => void)[] = [];
    const deltas = new Map<string, number>();
    const answers: (() => void)[] = [];
    const votesOf = (id: string) => this.votesOf(id) + (deltas.get(id) ?? 0);

    const remember = (effect: Effect, participantId: string, msgId: string, seq: number) => {
      switch (effect.kind) {
        case 'none':
          return;
        case 'vote':
          return this.store.putVote(effect.pollId, participantId, effect.choiceKey, msgId, seq);
        case 'upvote':
          deltas.set(effect.questionId, (deltas.get(effect.questionId) ?? 0) + 1);
          return this.store.putUpvote(effect.questionId, participantId, seq);
        case 'words':
          return effect.keys.forEach((k) => this.store.putWord(effect.cloudId, participantId, k, seq));
      }
    };

    try {
      this.store.transaction(() => {
        for (const item of batch) {
          if (item.kind === 'participant') {
            if (this.store.hasMsg(item.msgId)) {
              answers.push(() => item.resolve({ ok: true, duplicate: true }));
              continue;
            }
            const a = admit(
              { ...roomBoard(board, item.sender.room), bannedWords: board.bannedWords },
              item.action,
              // A hub without rooms (a régie of before rooms) sends no room: that régie would not read it.
              board.roomList.length > 0 ? item.sender : { participantId: item.sender.participantId, origin: item.sender.origin },
              this.store,
              item.msgId,
              now,
            );
            if (!a.ok || a.unchanged) {
              const answer: Ack = a.ok ? { ok: true } : a.refusal;
              answers.push(() => item.resolve(answer));
              continue;
            }
            hubSeq += 1;
            this.store.append({ ...a.body, hubSeq });
            this.store.recordMsg(item.msgId, hubSeq, now);
            remember(a.effect, item.sender.participantId, item.msgId, hubSeq);
            answers.push(() => item.resolve({ ok: true }));
          } else if (item.kind === 'regie') {
            const answer = this.applyRegie(item, applied, (command) => {
              if (command.type === 'poll.reset') this.store.clearVotes(command.pollId);
              this.applyCodes(command, after);
              const r = applyRegieCommand(board, command, now, votesOf);
              // A change the phones do not see (the banned words of a cloud) is saved too.
              if (r.ops.length > 0 || r.board !== board) boardChanged = true;
              if (r.board.branding !== board.branding) brandingChanged = true;
              if (r.roomsChanged) roomsChanged = true;
              board = r.board;
              if (r.ops.length > 0) ops.push({ room: r.room, ops: r.ops });
            });
            applied = answer.appliedSeq;
            answers.push(() => item.resolve(answer));
          } else if (item.kind === 'place') {
            if (item.place.chosen) this.store.putPlace(item.participantId, item.place);
            if (item.bindCode !== null) this.store.bindCode(item.bindCode, item.participantId);
            answers.push(() => item.resolve(true));
          } else {
            if (item.regieId !== regieId) {
              regieId = item.regieId;
              applied = 0;
              this.store.setMeta('regieId', regieId);
            }
            const seq = applied;
            answers.push(() => item.resolve(seq));
          }
        }
        if (hubSeq !== this.hubSeqValue) this.store.setMeta('hubSeq', hubSeq);
        if (applied !== this.appliedValue) this.store.setMeta('appliedSeq', applied);
        if (boardChanged) this.store.setMeta('board', JSON.stringify(board));
      });
    } catch (err) {
      this.opts.onError(err);
      const message = 'le service n’a pas pu enregistrer votre message : réessayez';
      for (const item of batch) {
        if (item.kind === 'participant') item.resolve(refuse('unavailable', message));
        else if (item.kind === 'regie')
          item.resolve({ ok: false, appliedSeq: this.appliedValue, error: { code: 'unavailable', message: 'écriture du hub impossible' } });
        else if (item.kind === 'place') item.resolve(false);
        else item.resolve(this.appliedValue);
      }
      return;
    }

    const appended = hubSeq !== this.hubSeqValue;
    this.boardValue = board;
    this.hubSeqValue = hubSeq;
    this.appliedValue = applied;
    this.regieId = regieId;
    for (const [id, d] of deltas) this.votes.set(id, (this.votes.get(id) ?? 0) + d);
    after.forEach((change) => change());
    answers.forEach((answer) => answer());
    if (ops.length > 0 || deltas.size > 0 || appended || brandingChanged || roomsChanged) {
      this.opts.onCommitted({ ops, roomsChanged, votes: [...deltas.keys()], appended, branding: brandingChanged });
    }
  }

  /** The personal codes (hashed): written in the transaction, in memory once it is committed. */
  private applyCodes(command: RegieCommand, after: (() => void)[]): void {
    switch (command.type) {
      case 'codes.add':
        if (command.salt !== this.batchSalt) this.store.clearCodes();
        this.batchSalt = command.salt;
        this.store.setMeta('codeSalt', command.salt);
        this.store.addCodes(command.hashes);
        after.push(() => this.places.addCodes(command.salt, command.hashes));
        return;
      case 'codes.clear':
        this.store.clearCodes();
        after.push(() => this.places.clearCodes());
        return;
      case 'code.release':
        this.store.bindCode(command.hash, null);
        after.push(() => this.places.release(command.hash));
        return;
      default:
        return;
    }
  }

  /** Applies a régie command once and in order; its content error (if any) still uses the seq. */
  private applyRegie(item: Extract<Item, { kind: 'regie' }>, applied: number, apply: (c: RegieCommand) => void): CommandAck {
    if (item.seq <= applied) return { ok: true, appliedSeq: applied, duplicate: true };
    if (item.seq > applied + 1) {
      return {
        ok: false,
        appliedSeq: applied,
        error: { code: 'out_of_order', message: `commande n° ${item.seq} hors d’ordre : le hub attend la n° ${applied + 1}` },
      };
    }
    if ('code' in item.command) return { ok: false, appliedSeq: item.seq, error: item.command };
    apply(item.command);
    return { ok: true, appliedSeq: item.seq, duplicate: false };
  }
}
