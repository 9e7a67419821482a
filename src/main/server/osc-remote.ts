import { type RemoteInfo, createSocket } from 'node:dgram';
import type { RegieEngine } from '../engine/regie-engine';
import type { Logger } from '../../node/log/logger';
import type { SeatStore } from '../store/seat-store';
import { encodeOscMessage, parseOscMessage } from './osc-message';
import { RateLimiter } from './rate-limit';
import { REMOTE_ACTIONS, remoteActor, remoteState, runRemoteCommands } from './remote-actions';

/**
 * The remote control over OSC (UDP), off unless `--osc-port` is given (docs/remote-control.md).
 * `/pupitre/<action>` with a seat's token (régie, or a room seat for its room) as the first
 * string argument — UDP has no headers —
 * then optional arguments (`/pupitre/panic <token> black`, `/pupitre/take <token> cut`). Each
 * message becomes the same engine commands as the HTTP API; the sender gets `/pupitre/ok` or
 * `/pupitre/refused <raison> <code HTTP>` back. Listens on 127.0.0.1 unless the views are on the LAN.
 */

export const OSC_PREFIX = '/pupitre/';

export interface OscRemoteOptions {
  engine: RegieEngine;
  seats: SeatStore;
  logger: Logger;
  port: number;
  host: string;
  limiter?: RateLimiter;
}

export interface RunningOscRemote {
  port: number;
  close(): Promise<void>;
}

/** The second argument of an action, as the HTTP API's query. */
function paramsFor(action: string, args: (string | number)[]): URLSearchParams {
  const q = new URLSearchParams();
  const extra = args[1];
  if (typeof extra !== 'string') return q;
  if (action === 'panic') q.set('to', extra);
  if (action === 'take' || action === 'next-question') q.set('transition', extra);
  if (typeof args[2] === 'number') q.set('ms', String(args[2]));
  return q;
}

export function startOscRemote(opts: OscRemoteOptions): Promise<RunningOscRemote> {
  const socket = createSocket('udp4');
  const limiter = opts.limiter ?? new RateLimiter(20, 40);
  const reply = (to: RemoteInfo, address: string, args: (string | number)[]) =>
    socket.send(encodeOscMessage(address, args), to.port, to.address);

  socket.on('message', (buf, from) => {
    if (!limiter.take(from.address)) return; // a flood gets no answer at all
    const parsed = parseOscMessage(buf);
    if (!parsed.ok) return reply(from, '/pupitre/refused', [parsed.reason, 400]);
    const { address, args } = parsed.message;
    const seat = opts.seats.byToken(args[0]);
    if (!seat || (seat.kind !== 'regie' && seat.kind !== 'room')) {
      opts.logger.warn('osc remote refused: bad token', { address: from.address, osc: address.slice(0, 60) });
      return reply(from, '/pupitre/refused', ['jeton de régie manquant ou invalide (premier argument texte)', 401]);
    }
    const action = address.startsWith(OSC_PREFIX) ? address.slice(OSC_PREFIX.length) : '';
    const plan = REMOTE_ACTIONS[action];
    if (!plan) return reply(from, '/pupitre/refused', [`adresse inconnue : ${address.slice(0, 60)}`, 404]);
    const planned = plan(remoteState(opts.engine.state, seat), paramsFor(action, args));
    if ('refused' in planned) return reply(from, '/pupitre/refused', [planned.refused, 409]);
    void runRemoteCommands(opts.engine, planned.commands, seat, remoteActor(seat, 'osc')).then(
      (r) => {
        if (r.ok) return reply(from, '/pupitre/ok', [action, r.seq]);
        opts.logger.info('osc remote refused', { action, code: r.error.code, message: r.error.message });
        reply(from, '/pupitre/refused', [r.error.message, r.error.code === 'rejected' ? 409 : r.error.code === 'forbidden' ? 403 : 400]);
      },
      (err: unknown) => opts.logger.error('osc remote failed', { action, err: String(err) }),
    );
  });

  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(opts.port, opts.host, () => {
      socket.off('error', reject);
      socket.on('error', (err) => opts.logger.error('osc remote socket error', { err: String(err) }));
      opts.logger.info('osc remote listening', { port: socket.address().port, host: opts.host });
      resolve({ port: socket.address().port, close: () => new Promise<void>((done) => socket.close(() => done())) });
    });
  });
}
