import type { Namespace, Socket } from 'socket.io';
import type { JoinAck, Mine } from '../shared/protocol/audience-state';
import { type Ack, type HubError, refuse } from '../shared/protocol/errors';
import type { Origin } from '../shared/protocol/fields';
import { joinMessageSchema, participantMessageSchemas, type ParticipantAction } from '../shared/protocol/participant-messages';
import type { HubToParticipantEvents, ParticipantToHubEvents } from '../shared/protocol/socket-events';
import { parseMessage } from '../shared/protocol/validate';
import { PROTOCOL_VERSION } from '../shared/protocol/version';
import type { Logger } from '../node/log/logger';
import { parseChoiceKey } from './admit';
import { participantBranding } from './branding';
import type { Broadcaster } from './broadcaster';
import type { HubStore } from './hub-store';
import type { HubWriter } from './hub-writer';
import type { PresenceCounter } from './presence';
import type { RateLimiter } from './rate-limiter';

interface ParticipantData {
  participantId: string | null;
  origin: Origin | null;
  address: string;
}

type ParticipantSocket = Socket<ParticipantToHubEvents, HubToParticipantEvents, Record<string, never>, ParticipantData>;
export type ParticipantNamespace = Namespace<ParticipantToHubEvents, HubToParticipantEvents, Record<string, never>, ParticipantData>;

export const AUDIENCE_ROOM = 'audience';

export interface ParticipantChannelDeps {
  writer: HubWriter;
  store: HubStore;
  broadcaster: Broadcaster;
  presence: PresenceCounter;
  participantLimiter: RateLimiter;
  addressLimiter: RateLimiter;
  eventCode: string;
  addressOf: (socket: ParticipantSocket) => string;
  logger: Logger;
}

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

  constructor(
    readonly nsp: ParticipantNamespace,
    private readonly deps: ParticipantChannelDeps,
  ) {
    nsp.on('connection', (socket) => this.onConnection(socket));
  }

  private onConnection(socket: ParticipantSocket): void {
    socket.data = { participantId: null, origin: null, address: this.deps.addressOf(socket) };
    socket.onAny((event: unknown, ...args: unknown[]) => this.handle(socket, event, args));
    socket.on('disconnect', () => {
      if (socket.data.participantId) this.deps.presence.leave(socket.data.participantId);
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
    if (!this.deps.participantLimiter.allow(participantId ?? `socket:${socket.id}`) || !this.deps.addressLimiter.allow(address)) {
      return reply(refuse('rate_limited', 'trop de messages d’un coup : patientez quelques secondes'));
    }
    if (payload.length > 1) return reply(refuse('malformed', `${shownEvent(event)} : un seul objet est attendu`));
    if (event === 'resync') {
      if (participantId) socket.emit('state', this.deps.broadcaster.current());
      else reply(refuse('not_joined', 'rejoignez d’abord l’événement avec son code'));
      return;
    }
    if (event === 'join') {
      const answer = this.join(socket, payload[0]);
      reply(answer);
      // The event's look after the state: a page that does not know this event ignores it.
      if (answer.ok) socket.emit('branding', participantBranding(this.deps.writer.board.branding));
      return;
    }
    if (typeof event !== 'string' || !ACTIONS.has(event))
      return reply(refuse('unknown_event', `action inconnue : « ${shownEvent(event)} »`));
    if (!participantId || !socket.data.origin) return reply(refuse('not_joined', 'rejoignez d’abord l’événement avec son code'));

    const action = this.parseAction(event, payload[0]);
    if ('code' in action) return reply({ ok: false, error: action });
    void this.deps.writer.submitParticipant(action, { participantId, origin: socket.data.origin }).then(reply, (err: unknown) => {
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

  private join(socket: ParticipantSocket, raw: unknown): JoinAck {
    const parsed = parseMessage(joinMessageSchema, raw, 'join');
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const msg = parsed.value;
    if (msg.protocol !== undefined && msg.protocol !== PROTOCOL_VERSION) {
      return refuse('version', 'cette page est d’une autre version que le service : rechargez-la');
    }
    if (normaliseCode(msg.eventCode) !== normaliseCode(this.deps.eventCode)) {
      return refuse('wrong_event', 'code d’événement inconnu : vérifiez le code affiché à l’écran', 'eventCode');
    }
    const known = socket.data.participantId;
    if (known && known !== msg.participantId) {
      return refuse('invalid', 'cette connexion a déjà rejoint sous un autre identifiant : rechargez la page', 'participantId');
    }
    if (known) this.deps.presence.leave(known);
    socket.data.participantId = msg.participantId;
    socket.data.origin = msg.origin;
    this.deps.presence.join(msg.participantId, msg.origin);
    void socket.join(AUDIENCE_ROOM);
    return {
      ok: true,
      protocol: PROTOCOL_VERSION,
      participantId: msg.participantId,
      state: this.deps.broadcaster.current(),
      mine: this.mine(msg.participantId),
    };
  }

  private mine(participantId: string): Mine {
    const { board } = this.deps.writer;
    const { store } = this.deps;
    const open = board.interaction;
    let vote: Mine['vote'] = null;
    let words: string[] = [];
    if (open && open.kind !== 'cloud') {
      const previous = store.previousVote(open.id, participantId);
      if (previous) vote = { pollId: open.id, ...parseChoiceKey(previous.choiceKey) };
    } else if (open) {
      words = store.wordKeys(open.id, participantId);
    }
    const published = new Set(board.questions.map((q) => q.id));
    const upvoted = store.upvotedBy(participantId).filter((id) => published.has(id));
    return { vote, upvoted, words };
  }
}
