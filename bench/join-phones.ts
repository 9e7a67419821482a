import { io, type Socket } from 'socket.io-client';
import { newParticipantId } from '../src/hub/testing/clients';

/**
 * `count` bench phones joined to a hub on 127.0.0.1 over WebSocket, `inFlight` handshakes at a
 * time (under the hub's cap of sockets waiting per address), one in four remote. Throws on the
 * first refusal: a bench's figures mean nothing with phones missing.
 */
export async function joinPhones(port: number, eventCode: string, count: number, inFlight = 200): Promise<Socket[]> {
  const sockets = new Array<Socket>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, count) }, async () => {
      while (next < count) {
        const i = next++;
        const s = io(`http://127.0.0.1:${port}/participant`, { transports: ['websocket'], forceNew: true, reconnection: false });
        await new Promise<void>((res, rej) => {
          s.once('connect', () => res());
          s.once('connect_error', rej);
        });
        const ack = (await s.timeout(30_000).emitWithAck('join', { eventCode, participantId: newParticipantId(), origin: i % 4 === 0 ? 'remote' : 'room' })) as {
          ok: boolean;
        };
        if (!ack.ok) throw new Error('join refusé');
        sockets[i] = s;
      }
    }),
  );
  return sockets;
}
