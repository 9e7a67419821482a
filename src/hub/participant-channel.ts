import type { Namespace, Socket } from 'socket.io';
import type { JoinAck, Mine } from '../shared/protocol/audience-state';
import { type Ack, type HubError, refuse } from '../shared/protocol/errors';
import type { Origin } from '../shared/protocol/fields';
import { joinMessageSchema, participantMessageSchemas, type ParticipantAction } from '../shared/protocol/participant-messages';
import type { HubToParticipantEvents, ParticipantToHubEvents } from '../shared/protocol/socket-events';
import { parseMessage } from '../shared/protocol/validate';
import { PROTOCOL_VERSION } from '../shared/protocol/version';
import type { ParticipantPlace, RoomId } from '../shared/protocol/rooms';
import type { Logger } from '../node/log/logger';
import { parseChoiceKey } from './admit';
import { mainRoomId, placeRoom, roomBoard, roomsSummary } from './board';
import { participantBranding } from './branding';
import type { HubStorage, PriorReads } from './hub-storage';
import { CODE_TAKEN, CODE_UNKNOWN, decideJoin, type Place } from './join-decision';
import type { Places } from './places';
import type { PresenceCounter } from './presence';
import type { RateGate } from './rate-gate';
import type { RateLimiter } from './rate-limiter';
import { phonesOf, type RoomBroadcasts } from './room-broadcasts';

interface ParticipantData {
  participantId: string | null;
  /** As the hub decided it (never what the phone said). */
  origin: Origin | null;
  room: RoomId | null;
  /** The phone named its room (QR code, chooser, memory); false: it follows the main room. */
  chosen: boolean;
  address: string;
}

type ParticipantSocket = Socket<ParticipantToHubEvents, HubToParticipantEvents, Record<string, never>, ParticipantData>;
export type ParticipantNamespace = Namespace<ParticipantToHubEvents, HubToParticipantEvents, Record<string, never>, ParticipantData>;

export const AUDIENCE_ROOM = 'audience';

export interface ParticipantChannelDeps {
  writer: HubStorage;
  store: PriorReads;
  broadcasts: RoomBroadcasts;
  presence: PresenceCounter;
  places: Places;
  /** Messages per participant and per address (joins: their own bucket per address). */
  rate: RateGate;
  /** Participant ids not seen before, per address. */
  newIdLimiter: RateLimiter;
  socketsPerParticipant: number;
  placeMemoryMs: number;
  eventCode: string;
  addressOf: (socket: ParticipantSocket) => string;
  /** A connection joined: it no longer counts as waiting (src/hub/pending-sockets.ts). */
  onJoined?: (conn: object) => void;
  now: () => number;
  logger: Logger;
}

export const TOO_MANY_SOCKETS = 'Cette page est déjà ouverte plusieurs fois sur ce téléphone : fermez les autres onglets.';
export const TOO_MANY_NEW = 'Trop de nouvelles connexions depuis ce réseau : réessayez dans une minute.';

const ACTIONS = new Set(['question.ask', 'question.upvote', 'poll.vote', 'words.send']);
const normaliseCode = (code: string) => code.trim().toUpperCase();

function shownEvent(event: unknown): string {
  return typeof event === 'string' ? event.slice(0, 60) : typeof event;
}

/**
 * `/participant`: no secret beyond the event code. Every event goes through one door: the rate
 * limits (the participant's own, then its address's), `join` before anything else, the schema of
 * the event, then the writer. Each refusal is answered: through the acknowledgement when there is
 * one, else with a `refused` event.
 */
export class ParticipantChannel {
  /** Refusals since start, by code (for health and the log). */
  readonly refused = new Map<string, number>();
  /** Joined sockets of each participant (to move them together, and to cap them). */
  private readonly socketsOf = new Map<string, Set<ParticipantSocket>>();
  /** Participant ids seen, with when (a known id rejoining is not « new »). */
  private readonly seen = new Map<string, number>();
  /** Joins of each participant decided and not finished (their place being written): they count as sockets. */
  private readonly joining = new Map<string, number>();
  private lastRooms = '';

  constructor(
    readonly nsp: ParticipantNamespace,
    private readonly deps: ParticipantChannelDeps,
  ) {
    nsp.on('connection', (socket) => this.onConnection(socket));
  }

  private onConnection(socket: ParticipantSocket): void {
    socket.data = { participantId: null, origin: null, room: null, chosen: false, address: this.deps.addressOf(socket) };
    socket.onAny((event: unknown, ...args: unknown[]) => this.handle(socket, event, args));
    socket.on('disconnect', () => {
      const id = socket.data.participantId;
      if (!id) return;
      this.deps.presence.leave(id);
      const set = this.socketsOf.get(id);
      set?.delete(socket);
      if (set?.size === 0) this.socketsOf.delete(id);
    });
  }

  private handle(socket: ParticipantSocket, event: unknown, args: unknown[]): void {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: Ack | JoinAck) => void) : null;
    const payload = ack ? args.slice(0, -1) : args;
    const reply = (r: Ack | JoinAck) => {
      if (!r.ok) this.refused.set(r.error.code, (this.refused.get(r.error.code) ?? 0) + 1);
      if (ack) ack(r);
      else if (!r.ok) socket.emit('refused', { event: shownEvent(event), error: r.error });
    };

    const { participantId, address } = socket.data;
    const limited = () => reply(refuse('rate_limited', 'trop de messages d’un coup : patientez quelques secondes'));
    const verdict = this.deps.rate.allow(participantId ?? `socket:${socket.id}`, address, event === 'join');
    if (verdict === true) return this.handleAllowed(socket, event, payload, reply);
    if (verdict === false) return limited();
    verdict.then(
      (ok) => (ok ? this.handleAllowed(socket, event, payload, reply) : limited()),
      (err: unknown) => {
        this.deps.logger.error('rate check failed', { err: String(err) });
        reply(refuse('unavailable', 'le service est momentanément indisponible : réessayez'));
      },
    );
  }

  private handleAllowed(socket: ParticipantSocket, event: unknown, payload: unknown[], reply: (r: Ack | JoinAck) => void): void {
    const { participantId } = socket.data;
    if (payload.length > 1) return reply(refuse('malformed', `${shownEvent(event)} : un seul objet est attendu`));
    if (event === 'resync') {
      if (participantId && socket.data.room) socket.emit('state', this.deps.broadcasts.current(socket.data.room));
      else reply(refuse('not_joined', 'rejoignez d’abord l’événement avec son code'));
      return;
    }
    if (event === 'join') {
      void this.join(socket, payload[0]).then(
        (answer) => {
          reply(answer);
          if (!answer.ok) return;
          // After the state, events a page of before rooms ignores: the event's look, the rooms, its place.
          socket.emit('branding', participantBranding(this.deps.writer.board.branding));
          socket.emit('rooms', roomsSummary(this.deps.writer.board));
          socket.emit('place', this.placeOf(socket));
        },
        (err: unknown) => {
          this.deps.logger.error('participant join failed', { err: String(err) });
          reply(refuse('unavailable', 'erreur interne du service : réessayez'));
        },
      );
      return;
    }
    if (typeof event !== 'string' || !ACTIONS.has(event))
      return reply(refuse('unknown_event', `action inconnue : « ${shownEvent(event)} »`));
    const { origin, room } = socket.data;
    if (!participantId || !origin || !room) return reply(refuse('not_joined', 'rejoignez d’abord l’événement avec son code'));

    const action = this.parseAction(event, payload[0]);
    if ('code' in action) return reply({ ok: false, error: action });
    void this.deps.writer.submitParticipant(action, { participantId, origin, room }).then(reply, (err: unknown) => {
      this.deps.logger.error('participant message failed', { err: String(err) });
      reply(refuse('unavailable', 'erreur interne du service : réessayez'));
    });
  }

  private parseAction(event: string, raw: unknown): ParticipantAction | HubError {
    switch (event) {
      case 'question.ask': {
        const p = parseMessage(participantMessageSchemas['question.ask'], raw, event);
        return p.ok ? { type: event, msg: p.value } : p.error;
      }
      case 'question.upvote': {
        const p = parseMessage(participantMessageSchemas['question.upvote'], raw, event);
        return p.ok ? { type: event, msg: p.value } : p.error;
      }
      case 'poll.vote': {
        const p = parseMessage(participantMessageSchemas['poll.vote'], raw, event);
        return p.ok ? { type: event, msg: p.value } : p.error;
      }
      default: {
        const p = parseMessage(participantMessageSchemas['words.send'], raw, 'words.send');
        return p.ok ? { type: 'words.send', msg: p.value } : p.error;
      }
    }
  }

  private async join(socket: ParticipantSocket, raw: unknown): Promise<JoinAck> {
    const parsed = parseMessage(joinMessageSchema, raw, 'join');
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const msg = parsed.value;
    if (msg.protocol !== undefined && msg.protocol !== PROTOCOL_VERSION) {
      return refuse('version', 'cette page est d’une autre version que le service : rechargez-la');
    }
    if (normaliseCode(msg.eventCode) !== normaliseCode(this.deps.eventCode)) {
      return refuse('wrong_event', 'code d’événement inconnu : vérifiez le code affiché à l’écran', 'eventCode');
    }
    const id = msg.participantId;
    const known = socket.data.participantId;
    if (known && known !== id) {
      return refuse('invalid', 'cette connexion a déjà rejoint sous un autre identifiant : rechargez la page', 'participantId');
    }
    const { places, writer } = this.deps;
    // On a cluster, this phone's place and code may have been settled on another node.
    if (writer.recall) {
      try {
        await writer.recall(id, msg.code);
      } catch {
        return refuse('unavailable', 'le service n’a pas pu enregistrer votre arrivée : réessayez');
      }
    }
    const now = this.deps.now();
    if (!known) {
      // Honest counts: a participant holds a few sockets at most, and one address brings so many new ids a minute.
      if ((this.socketsOf.get(id)?.size ?? 0) + (this.joining.get(id) ?? 0) >= this.deps.socketsPerParticipant)
        return refuse('limit', TOO_MANY_SOCKETS);
      if (!this.seen.has(id) && !places.remembered(id) && !this.deps.newIdLimiter.allow(socket.data.address)) {
        return refuse('rate_limited', TOO_MANY_NEW);
      }
    }
    const remembered = places.remembered(id);
    const decision = decideJoin(msg, id, writer.board, remembered, places, now, this.deps.placeMemoryMs);
    if (!decision.ok) return decision.refusal;
    const { place, bindCode } = decision;
    places.claim(id, place, bindCode);
    this.seen.set(id, now);
    const changed = !remembered || remembered.room !== place.room || remembered.origin !== place.origin || remembered.at !== place.at;
    // Until it is answered, this join counts as one of the participant's sockets.
    this.joining.set(id, (this.joining.get(id) ?? 0) + 1);
    let mine: Mine;
    try {
      if ((place.chosen && changed) || bindCode !== null) {
        // Written before the answer: a hub restarted a moment later still knows this phone's room and code.
        const saved = await writer.submitPlace(id, place, bindCode);
        // Another phone took the code through another node meanwhile (the cluster's script decided).
        if (saved === 'taken') return refuse('already_done', CODE_TAKEN, 'code');
        if (saved === 'unknown') return refuse('invalid', CODE_UNKNOWN, 'code');
        if (!saved) return refuse('unavailable', 'le service n’a pas pu enregistrer votre arrivée : réessayez');
      }
      // Read before the socket joins its room: no patch can reach it ahead of this answer's state.
      mine = await this.mine(id, place.room);
    } finally {
      const left = (this.joining.get(id) ?? 1) - 1;
      if (left > 0) this.joining.set(id, left);
      else this.joining.delete(id);
    }
    if (socket.disconnected || (socket.data.participantId !== null && socket.data.participantId !== id)) {
      return refuse('unavailable', 'connexion perdue pendant l’arrivée : réessayez');
    }

    if (known) this.deps.presence.leave(known);
    this.deps.presence.join(id, place.origin, place.room);
    const set = this.socketsOf.get(id) ?? new Set<ParticipantSocket>();
    set.add(socket);
    this.socketsOf.set(id, set);
    socket.data.participantId = id;
    this.deps.onJoined?.(socket.conn);
    this.put(socket, place);
    void socket.join(AUDIENCE_ROOM);
    // The participant's other tabs follow it: one participant, one place.
    for (const other of set) if (other !== socket) this.moveSocket(other, place);
    return {
      ok: true,
      protocol: PROTOCOL_VERSION,
      participantId: id,
      state: this.deps.broadcasts.current(place.room),
      mine,
    };
  }

  /** Puts a socket in its room's socket.io room (and out of the one it was in). */
  private put(socket: ParticipantSocket, place: Pick<Place, 'room' | 'origin' | 'chosen'>): void {
    const was = socket.data.room;
    if (was !== null && was !== place.room) void socket.leave(phonesOf(was));
    socket.data.room = place.room;
    socket.data.origin = place.origin;
    socket.data.chosen = place.chosen;
    void socket.join(phonesOf(place.room));
  }

  /** A joined socket moved by the hub: its new room's state, and its place. */
  private moveSocket(socket: ParticipantSocket, place: Pick<Place, 'room' | 'origin' | 'chosen'>): void {
    const moved = socket.data.room !== place.room;
    this.put(socket, place);
    if (moved) socket.emit('state', this.deps.broadcasts.current(place.room));
    socket.emit('place', this.placeOf(socket));
  }

  private placeOf(socket: ParticipantSocket): ParticipantPlace {
    const { room, origin, chosen, participantId } = socket.data;
    return {
      room: room ?? mainRoomId(this.deps.writer.board),
      origin: origin ?? 'remote',
      identified: participantId !== null && this.deps.places.heldBy(participantId) !== null,
      chosen,
    };
  }

  /**
   * After a commit: the room list changed (every phone's room is decided again: a room gone sends
   * its phones to the main room, where they are « à distance »), or what is live changed (the
   * rooms the chooser offers).
   */
  afterCommit(roomsChanged: boolean): void {
    const board = this.deps.writer.board;
    if (roomsChanged) {
      for (const [id, sockets] of this.socketsOf) {
        const first = sockets.values().next().value;
        if (!first?.data.room) continue;
        const room = first.data.chosen ? placeRoom(board, first.data.room) : mainRoomId(board);
        if (room === first.data.room) continue;
        const place = { room, origin: 'remote' as const, chosen: first.data.chosen && room === first.data.room };
        this.deps.presence.move(id, place.origin, place.room);
        for (const s of sockets) this.moveSocket(s, place);
      }
    }
    const summary = roomsSummary(board);
    const key = JSON.stringify(summary);
    if (key === this.lastRooms) return;
    this.lastRooms = key;
    this.nsp.to(AUDIENCE_ROOM).emit('rooms', summary);
  }

  /** Forgets ids not seen for `before` (memory bounded by a day's participants). */
  prune(before: number): void {
    for (const [id, at] of this.seen) if (at < before && !this.socketsOf.has(id)) this.seen.delete(id);
  }

  private async mine(participantId: string, room: RoomId): Promise<Mine> {
    const board = roomBoard(this.deps.writer.board, room);
    const { store } = this.deps;
    const open = board.interaction;
    let vote: Mine['vote'] = null;
    let words: string[] = [];
    if (open && open.kind !== 'cloud') {
      const previous = await store.previousVote(open.id, participantId);
      if (previous) vote = { pollId: open.id, ...parseChoiceKey(previous.choiceKey) };
    } else if (open) {
      words = await store.wordKeys(open.id, participantId);
    }
    const published = new Set(board.questions.map((q) => q.id));
    const upvoted = (await store.upvotedBy(participantId)).filter((id) => published.has(id));
    return { vote, upvoted, words };
  }
}
