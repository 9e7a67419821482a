import { io, type Socket } from 'socket.io-client';
import { audiencePatchSchema, audienceStateSchema, joinAckSchema } from '../../../shared/protocol/audience-state';
import { type Ack, ackSchema, type HubError } from '../../../shared/protocol/errors';
import type { Origin } from '../../../shared/protocol/fields';
import type { HubToParticipantEvents, ParticipantToHubEvents } from '../../../shared/protocol/socket-events';
import { wordKey } from '../../../shared/domain/french-words';
import { participantPlaceSchema, roomsSummarySchema } from '../../../shared/protocol/rooms';
import { PARTICIPANT_NAMESPACE, PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { newCommandId } from '../../lib/command-id';
import { currentLanguage } from '../i18n';
import { receiveBranding } from './event-look';
import { participantId as storedParticipantId, rememberCode, rememberOrigin } from './identity';
import {
  addEntry,
  idOf,
  isTransient,
  type OutboxDraft,
  type OutboxEntry,
  parseOutbox,
  removeEntry,
  serialiseOutbox,
  nextToSend,
} from './outbox';
import {
  receiveJoin,
  receivePatch,
  receiveState,
  recordUpvote,
  recordVote,
  recordWords,
  resetAudience,
  setConnection,
  type Feedback,
  setFeedback,
  setCodeError,
  setHubPlace,
  setJoinError,
  setOutbox,
  setRooms,
  setPlace,
  useParticipant,
} from './participant-store';
import { readStored, writeStored } from './storage';

/**
 * The page's link to the hub: socket.io to the page's own origin (`/participant`), `join` on every
 * (re)connection, the state from the join answer applied in the answer's callback (a patch may
 * follow it at once), patches checked against the revision held (else `resync`).
 *
 * Every message goes through the outbox first (memory + localStorage), then out one at a time,
 * oldest first, each with its acknowledgement. Acknowledged: it leaves the outbox. Lost link,
 * timeout, or a passing refusal (rate, busy): it stays and is sent again with the same clientMsgId
 * after the next join; the hub stores it once.
 */
type HubSocket = Socket<HubToParticipantEvents, ParticipantToHubEvents>;

const ACK_TIMEOUT_MS = 10_000;
const OUTBOX_KEY = 'pupitre.participant.outbox';

let socket: HubSocket | null = null;
let joined = false;
let resyncAsked = false;
let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
let outbox: OutboxEntry[] = parseOutbox(readStored(OUTBOX_KEY), Date.now());
const inFlight = new Set<string>();
/** The latest vote queued per poll: an older vote's late answer does not overwrite its message. */
const latestVote = new Map<string, string>();
setOutbox(outbox);
/** What the phone gives at each join besides its code: the room (QR code or chooser), its key, a personal code. */
let wanted: { room?: string; key?: string; code?: string } = {};
/** The room and key of the page's own address (a room's QR code). */
let fromAddress: { room?: string; key?: string } = {};

/** The room and key the page was opened with (`r=`, `k=`): given at every join. */
export function setAddressPlace(place: { room?: string; key?: string }): void {
  fromAddress = place;
  wanted = { ...place };
}

/** The phone chooses its room (the chooser): à distance there, unless its QR code was that room's. */
export function chooseRoom(room: string): void {
  wanted = fromAddress.room === room ? { ...fromAddress } : { room };
  if (socket?.connected) sendJoin();
}

/** A remote attendee's personal code: the hub says whether it holds (one phone at a time). */
export function sendPersonalCode(code: string): void {
  setCodeError(null);
  wanted = { ...wanted, code };
  if (socket?.connected) sendJoin();
}

function saveOutbox(next: OutboxEntry[]): void {
  outbox = next;
  writeStored(OUTBOX_KEY, serialiseOutbox(next));
  setOutbox(next);
}

/** socket.io's path next to the page: /socket.io at the root, /prefix/socket.io behind a proxy's sub-path. */
function socketPath(): string {
  return new URL('socket.io', window.location.href).pathname;
}

const jitter = (ms: number) => ms + Math.floor(Math.random() * ms);

/** Joins (or rejoins with another place): opens the socket if needed. */
export function joinEvent(eventCode: string, origin: Origin): void {
  const previous = useParticipant.getState().eventCode;
  if (previous !== null && previous !== eventCode) {
    leaveEvent();
  }
  rememberCode(eventCode);
  rememberOrigin(origin);
  setPlace(eventCode, origin);
  setJoinError(null);
  if (socket) {
    if (socket.connected) sendJoin();
    return;
  }
  open();
}

/** Back to the join screen (another event code): closes the socket, keeps the outbox. */
export function leaveEvent(): void {
  close();
  resetAudience();
  setPlace(null, useParticipant.getState().origin);
}

function close(): void {
  if (retryTimer) clearTimeout(retryTimer);
  if (reconnectTimer) clearTimeout(reconnectTimer);
  retryTimer = null;
  reconnectTimer = null;
  joined = false;
  const s = socket;
  socket = null;
  s?.removeAllListeners();
  s?.disconnect();
  setConnection('idle');
}

function open(): void {
  setConnection('connecting');
  const s: HubSocket = io(`${window.location.origin}${PARTICIPANT_NAMESPACE}`, {
    path: socketPath(),
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 8000,
    // 2,000 phones lose the same Wi-Fi at once: spread their returns.
    randomizationFactor: 0.5,
    timeout: 8000,
  });
  socket = s;

  s.on('connect', () => sendJoin());
  s.on('disconnect', (reason) => {
    joined = false;
    resyncAsked = false;
    setConnection('offline');
    // The hub closed this socket itself (restart, stop): socket.io does not come back on its own.
    if (reason === 'io server disconnect') scheduleReconnect();
  });
  s.on('connect_error', () => {
    setConnection('offline');
    if (!s.active) scheduleReconnect();
  });
  s.on('state', (raw) => {
    const parsed = audienceStateSchema.safeParse(raw);
    if (!parsed.success) return;
    resyncAsked = false;
    receiveState(parsed.data);
  });
  // The event's look: after each join, and when the régie changes it (an older hub never sends it).
  s.on('branding', (raw) => receiveBranding(raw));
  // Rooms (a hub of before rooms sends neither): where the hub put this phone, and the rooms to choose from.
  s.on('place', (raw) => {
    const parsed = participantPlaceSchema.safeParse(raw);
    if (parsed.success) setHubPlace(parsed.data);
  });
  s.on('rooms', (raw) => {
    const parsed = roomsSummarySchema.safeParse(raw);
    if (parsed.success) setRooms(parsed.data.rooms);
  });
  s.on('patch', (raw) => {
    const parsed = audiencePatchSchema.safeParse(raw);
    if (!parsed.success) return askResync();
    if (receivePatch(parsed.data) === 'resync') askResync();
  });
}

function scheduleReconnect(): void {
  if (reconnectTimer) return;
  reconnectTimer = setTimeout(() => {
    reconnectTimer = null;
    if (socket && !socket.connected) socket.connect();
  }, jitter(1000));
}

function askResync(): void {
  if (resyncAsked || !joined || !socket?.connected) return;
  resyncAsked = true;
  socket.emit('resync');
}

function sendJoin(): void {
  const s = socket;
  const { eventCode, origin } = useParticipant.getState();
  if (!s || !eventCode || !origin) return;
  const msg = { eventCode, participantId: storedParticipantId(), origin, ...wanted, lang: currentLanguage(), protocol: PROTOCOL_VERSION };
  const sentCode = wanted.code;
  s.timeout(ACK_TIMEOUT_MS).emit('join', msg, (err, raw) => {
    if (s !== socket) return;
    if (err) {
      // No answer in time: try again while the socket is up (it reconnects by itself otherwise).
      if (s.connected) retryLater(sendJoin, 2000);
      return;
    }
    const ack = joinAckSchema.safeParse(raw);
    if (!ack.success) return retryLater(sendJoin, 5000);
    if (ack.data.ok) {
      // The hub holds the code for this phone now: no need to give it again.
      if (sentCode !== undefined && wanted.code === sentCode) {
        const { code: _, ...rest } = wanted;
        wanted = rest;
      }
      // In the callback itself: a patch may follow this answer on the wire.
      joined = true;
      resyncAsked = false;
      receiveJoin(ack.data.state, ack.data.mine);
      setConnection('online');
      void flush();
      return;
    }
    const { error } = ack.data;
    if (isTransient(error.code)) return retryLater(sendJoin, 3000);
    // The personal code was refused (unknown, on another phone): say why, and stay in the event without it.
    if (error.field === 'code') {
      const { code: _, ...rest } = wanted;
      wanted = rest;
      setCodeError(error);
      return sendJoin();
    }
    // A wrong code or another version: stop and say so on the join screen.
    if (error.code === 'wrong_event') rememberCode(null);
    close();
    resetAudience();
    setJoinError(error);
    setPlace(null, useParticipant.getState().origin);
  });
}

function retryLater(fn: () => void, ms: number): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    fn();
  }, jitter(ms));
}

/** Queues a message and sends it as soon as the link allows. */
export function submit(message: OutboxDraft): string {
  const { eventCode } = useParticipant.getState();
  if (!eventCode) return '';
  const entry = { ...message, msg: { ...message.msg, clientMsgId: newCommandId() }, eventCode, queuedAt: Date.now() } as OutboxEntry;
  if (entry.event === 'poll.vote') latestVote.set(entry.msg.pollId, idOf(entry));
  saveOutbox(addEntry(outbox, entry, inFlight));
  void flush();
  return idOf(entry);
}

type Sent = { kind: 'ack'; ack: Ack } | { kind: 'lost' };

function emit(s: HubSocket, entry: OutboxEntry): Promise<Sent> {
  return new Promise((resolve) => {
    s.timeout(ACK_TIMEOUT_MS).emit(entry.event, entry.msg, (err: Error | null, raw: unknown) => {
      if (err) return resolve({ kind: 'lost' });
      const ack = ackSchema.safeParse(raw);
      resolve(ack.success ? { kind: 'ack', ack: ack.data } : { kind: 'lost' });
    });
  });
}

async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    for (;;) {
      const s = socket;
      const { eventCode } = useParticipant.getState();
      if (!s || !joined || !s.connected || !eventCode) return;
      const entry = nextToSend(outbox, eventCode, inFlight);
      if (!entry) return;
      const id = idOf(entry);
      inFlight.add(id);
      const sent = await emit(s, entry);
      inFlight.delete(id);
      if (sent.kind === 'lost') {
        // Timeout or a dropped link: keep it; resend after the next join, or soon if still up.
        if (s === socket && s.connected) retryLater(() => void flush(), 3000);
        return;
      }
      if (!sent.ack.ok && isTransient(sent.ack.error.code)) {
        if (sent.ack.error.code === 'not_joined') {
          joined = false;
          retryLater(sendJoin, 1000);
        } else retryLater(() => void flush(), 2500);
        return;
      }
      saveOutbox(removeEntry(outbox, id));
      settle(entry, sent.ack);
    }
  } finally {
    flushing = false;
  }
}

/** What an answer means for the page. */
function settle(entry: OutboxEntry, ack: Ack): void {
  const at = Date.now();
  const refused = (target: string, error: HubError, text?: string): Feedback => ({
    kind: 'error',
    at,
    target,
    error,
    ...(text ? { text } : {}),
  });
  switch (entry.event) {
    case 'poll.vote': {
      const { pollId } = entry.msg;
      if (latestVote.get(pollId) !== undefined && latestVote.get(pollId) !== idOf(entry)) return;
      if (ack.ok) {
        recordVote(pollId, { choices: entry.msg.choices ?? null, rating: entry.msg.rating ?? null });
        setFeedback('vote', { kind: 'saved', at, target: pollId });
      } else setFeedback('vote', refused(pollId, ack.error));
      return;
    }
    case 'question.ask': {
      const target = entry.msg.sessionId ?? '';
      setFeedback('ask', ack.ok ? { kind: 'saved', at, target } : refused(target, ack.error, entry.msg.text));
      return;
    }
    case 'question.upvote': {
      const { questionId } = entry.msg;
      if (ack.ok || ack.error.code === 'already_done') {
        recordUpvote(questionId);
        setFeedback('upvote', { kind: 'saved', at, target: questionId });
      } else setFeedback('upvote', refused(questionId, ack.error));
      return;
    }
    case 'words.send': {
      const { cloudId, words } = entry.msg;
      if (ack.ok) {
        recordWords(cloudId, words.map(wordKey));
        setFeedback('words', { kind: 'saved', at, target: cloudId, count: words.length });
      } else setFeedback('words', refused(cloudId, ack.error));
      return;
    }
  }
}
