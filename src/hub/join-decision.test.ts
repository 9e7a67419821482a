import { describe, expect, it } from 'vitest';
import { currentPresenceKey, hashPersonalCode, newRoomSecret, presenceKeyFor, presenceWindow } from '../node/presence/presence-key';
import { PRESENCE_WINDOW_MS } from '../shared/protocol/rooms';
import { applyRegieCommand, type Board, emptyBoard } from './board';
import { CODE_TAKEN, CODE_UNKNOWN, type CodeBook, decideJoin, type Place } from './join-decision';

const S450 = newRoomSecret();
const S800 = newRoomSecret();
const board: Board = applyRegieCommand(
  emptyBoard,
  {
    type: 'rooms.set',
    rooms: [
      { id: 'pleniere', name: 'Grand Auditorium', main: true, secret: newRoomSecret() },
      { id: 'salle-450', name: 'Salle 450', main: false, secret: S450 },
      { id: 'salle-800', name: 'Salle 800', main: false, secret: S800 },
    ],
  },
  0,
  () => 0,
).board;
const NOW = 1_800_000_000_000;
const DAY = 12 * 3_600_000;
const SALT = 'sel-de-l-evenement-01';
const noCodes: CodeBook = { salt: null, holder: () => undefined, heldBy: () => null };
const codes = (held: Record<string, string | null>): CodeBook => ({
  salt: SALT,
  holder: (h) => (Object.hasOwn(held, h) ? held[h] : undefined),
  heldBy: (p) => Object.entries(held).find(([, who]) => who === p)?.[0] ?? null,
});
const decide = (msg: Parameters<typeof decideJoin>[0], remembered?: Place, book = noCodes, now = NOW) =>
  decideJoin(msg, 'phone-a-0123456789', board, remembered, book, now, DAY);
const placeOf = (d: ReturnType<typeof decideJoin>) => (d.ok ? { room: d.place.room, origin: d.place.origin, chosen: d.place.chosen } : d.refusal.error.message);

describe('decideJoin: where a phone is', () => {
  it('a current key of the room: « dans la salle » of that room', () => {
    expect(placeOf(decide({ room: 'salle-450', key: currentPresenceKey(S450, 'salle-450', NOW) }))).toEqual({
      room: 'salle-450',
      origin: 'room',
      chosen: true,
    });
  });

  it('the previous window’s key still holds; one older, another room’s, or none: à distance in the room asked', () => {
    const w = presenceWindow(NOW);
    expect(placeOf(decide({ room: 'salle-450', key: presenceKeyFor(S450, 'salle-450', w - 1) }))).toMatchObject({ origin: 'room' });
    const remote = { room: 'salle-450', origin: 'remote', chosen: true };
    expect(placeOf(decide({ room: 'salle-450', key: presenceKeyFor(S450, 'salle-450', w - 2) }))).toEqual(remote);
    expect(placeOf(decide({ room: 'salle-450', key: currentPresenceKey(S800, 'salle-800', NOW) }))).toEqual(remote);
    expect(placeOf(decide({ room: 'salle-450', key: currentPresenceKey(S800, 'salle-450', NOW) }))).toEqual(remote);
    expect(placeOf(decide({ room: 'salle-450' }))).toEqual(remote);
  });

  it('never believes the phone: no room, or a room the hub does not know, is the main room, à distance, not chosen', () => {
    const main = { room: 'pleniere', origin: 'remote', chosen: false };
    expect(placeOf(decide({}))).toEqual(main);
    expect(placeOf(decide({ room: 'salle-999', key: currentPresenceKey(S450, 'salle-999', NOW) }))).toEqual(main);
  });

  it('remembers a proven presence for the day: a reload after the key turned stays in the room', () => {
    const proved: Place = { room: 'salle-450', origin: 'room', codeHash: null, chosen: true, at: NOW };
    const later = NOW + 3 * PRESENCE_WINDOW_MS;
    expect(placeOf(decide({ room: 'salle-450', key: currentPresenceKey(S450, 'salle-450', NOW) }, proved, noCodes, later))).toMatchObject({
      room: 'salle-450',
      origin: 'room',
    });
    expect(placeOf(decide({}, proved, noCodes, later))).toMatchObject({ room: 'salle-450', origin: 'room' });
    // Another room without its key: à distance there. The next day: forgotten.
    expect(placeOf(decide({ room: 'salle-800' }, proved, noCodes, later))).toMatchObject({ room: 'salle-800', origin: 'remote' });
    expect(placeOf(decide({}, proved, noCodes, NOW + DAY + 1))).toEqual({ room: 'pleniere', origin: 'remote', chosen: false });
  });

  it('a personal code identifies a remote attendee, one phone at a time; it does not put anyone in a room', () => {
    const hash = hashPersonalCode(SALT, 'AB12-CD34');
    const free = decide({ code: 'ab12cd34' }, undefined, codes({ [hash]: null }));
    expect(free).toMatchObject({ ok: true, bindCode: hash, place: { origin: 'remote', codeHash: hash } });
    const mine = decide({ code: 'AB12CD34' }, undefined, codes({ [hash]: 'phone-a-0123456789' }));
    expect(mine).toMatchObject({ ok: true, bindCode: null, place: { codeHash: hash } });
    expect(placeOf(decide({ code: 'AB12CD34' }, undefined, codes({ [hash]: 'phone-b-0123456789' })))).toBe(CODE_TAKEN);
    expect(placeOf(decide({ code: 'ZZ99ZZ99' }, undefined, codes({ [hash]: null })))).toBe(CODE_UNKNOWN);
    expect(placeOf(decide({ code: 'AB12CD34' }))).toBe(CODE_UNKNOWN);
    // Rejoining without typing it again: still identified.
    expect(decide({}, undefined, codes({ [hash]: 'phone-a-0123456789' }))).toMatchObject({ ok: true, place: { codeHash: hash } });
  });
});
