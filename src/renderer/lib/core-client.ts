import { io } from 'socket.io-client';
import type { ViewAuth, ViewRole } from '../../shared/api/channel';
import type { Command, CommandEnvelope } from '../../shared/api/commands';
import { type CommandResult, refusal } from '../../shared/api/results';
import { newCommandId } from './command-id';
import { currentLanguage, translate } from './i18n';
import { isCoreStatus } from './link-status';
import { isPatch } from './regie-sync';
import { isRoomPresence, isSeatPresenceList, receivePatch, receivePresence, receiveSeats, receiveSnapshot, receiveStatus, setConnection, useRegie } from './regie-store';
import { setRegieBase } from './regie-address';
import { RegieLink, type Remembered } from './regie-link';
import { VIEW_ROOM } from './view-room';

/**
 * The view's link to the core: socket.io to the page's own origin, with the seat's token, and to
 * the other régie when a standby is set up (RegieLink: it moves to whichever leads at the highest
 * epoch). Snapshot on connect, patches after; commands go out with an ack and a timeout and are
 * never queued while offline (a late GO is worse than none).
 */
export const COMMAND_TIMEOUT_MS = 5000;

let link: RegieLink | null = null;
let resyncAsked = false;

export function connectToCore(token: string, view?: ViewRole): void {
  if (link) return;
  // An output or a stage tablet shows its room's bus (`?room=`); the core sends it no other room's.
  // The page says what it is: a room seat's token on the output page is its desk's monitor.
  const auth: ViewAuth = { token, ...(VIEW_ROOM === null ? {} : { room: VIEW_ROOM }), ...(view === undefined ? {} : { view }) };
  const home = window.location.origin;
  link = new RegieLink({
    home,
    auth,
    isStatus: isCoreStatus,
    remembered: recall(),
    open: (address, a) =>
      io(address, {
        auth: a,
        // The other régie is another origin: a WebSocket only (no polling, which would need CORS).
        transports: address === home ? ['websocket', 'polling'] : ['websocket'],
        reconnectionDelay: 500,
        reconnectionDelayMax: 3000,
        randomizationFactor: 0.3,
        timeout: 5000,
      }),
    handlers: {
      connection: (state) => setConnection(state),
      snapshot: (snapshot) => {
        resyncAsked = false;
        receiveSnapshot(snapshot);
      },
      presence: (presence) => {
        if (presence === null || isRoomPresence(presence)) receivePresence(presence);
      },
      patch: (patch, s) => {
        if (!isPatch(patch)) return;
        const decision = receivePatch(patch);
        if (decision === 'resync' && !resyncAsked) {
          resyncAsked = true;
          s.emit('resync');
        }
      },
      status: (status) => receiveStatus(status),
      learned: (m) => remember(m),
      moved: (address) => setRegieBase(address, home),
      // The seats' connections, pushed to a régie desk (the rooms overview).
      extra: {
        seats: (seats) => {
          if (isSeatPresenceList(seats)) receiveSeats(seats);
        },
      },
    },
  });
}

/** Kept in the tab (sessionStorage): a page reloaded still refuses a régie behind the epoch it saw. */
const REMEMBERED_KEY = 'pupitre.regies';

function recall(): Remembered | null {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(REMEMBERED_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as { highestEpoch?: unknown; addresses?: unknown };
    if (typeof r.highestEpoch !== 'number' || !Array.isArray(r.addresses)) return null;
    return { highestEpoch: r.highestEpoch, addresses: r.addresses.filter((a): a is string => typeof a === 'string').slice(0, 8) };
  } catch {
    return null; // no storage (a private window): the view starts from what its régie says
  }
}

function remember(m: Remembered): void {
  try {
    window.sessionStorage.setItem(REMEMBERED_KEY, JSON.stringify(m));
  } catch {
    // no storage: kept in memory only
  }
}

function isCommandResult(x: unknown): x is CommandResult {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: { message?: unknown } };
  return r.ok === true || (r.ok === false && typeof r.error?.message === 'string');
}

const say = (key: 'command.offline' | 'command.timeout' | 'command.lost' | 'command.badAnswer') => translate(currentLanguage(), key);

/** Sends a command now, or answers at once that it could not. Never throws. */
export async function sendCommand(command: Command): Promise<CommandResult> {
  const s = link?.obeysCurrent() ? link.socket() : null;
  if (!s || !s.connected || useRegie.getState().connection !== 'online') {
    return refusal('unavailable', say('command.offline'));
  }
  const envelope: CommandEnvelope = { id: newCommandId(), command };
  const answer = s.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', envelope);
  // socket.io buffers an emit made while the link is half-dead and sends it on reconnect:
  // take it back out, so that nothing leaves late.
  const buffered = s.sendBuffer.findIndex((p) => {
    const data: unknown = p.data;
    return Array.isArray(data) && (data[1] as { id?: unknown } | undefined)?.id === envelope.id;
  });
  if (buffered >= 0) {
    s.sendBuffer.splice(buffered, 1);
    answer.catch(() => undefined); // its timer still fires; nobody waits for it
    return refusal('unavailable', say('command.offline'));
  }
  try {
    const result: unknown = await answer;
    return isCommandResult(result) ? result : refusal('unavailable', say('command.badAnswer'));
  } catch (err) {
    // Timed out, or the link dropped after the command left: it may have been applied.
    const timedOut = err instanceof Error && /timed out/.test(err.message);
    return refusal('unavailable', say(timedOut ? 'command.timeout' : 'command.lost'));
  }
}
