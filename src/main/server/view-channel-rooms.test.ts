import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Patch, RoomPresence, SeatPresence, ServerToViewEvents, Snapshot, ViewToServerEvents } from '../../shared/api/channel';
import { programOf, stageMessageOf } from '../../shared/api/room-bus';
import type { Db } from '../../node/sqlite/database';
import { silentLogger } from '../../node/log/logger';
import { RegieEngine } from '../engine/regie-engine';
import { parseProgrammeFile } from '../programme/programme-file';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { SeatStore } from '../store/seat-store';
import { roomsOf } from '../../shared/domain/rooms';
import { stateForRole, ViewChannel } from './view-channel';

// An output or a stage tablet of room R gets room R's bus and stage message only (docs/rooms.md
// § 2 and § 3): in its snapshot and in every patch, through a real socket.io channel. And each
// room's outputs get their room's presence key, nobody else.

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
/** The seats' tokens: the first régie seat, the main output and stage (they may name a room), Salle 450's own output. */
const tokens = { control: '', output: '', stage: '', output450: '', room450: '' };
type ViewSocket = Socket<ServerToViewEvents, ViewToServerEvents>;

let dir: string;
let db: Db;
let engine: RegieEngine;
let http: Server;
let channel: ViewChannel;
let seatStore: SeatStore;
let port: number;
let n = 0;
const sockets: ViewSocket[] = [];
const cmd = (command: unknown) => engine.submit({ id: `vcr-${String(n++).padStart(6, '0')}`, command }, 'control-1');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-view-rooms-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  let ch: ViewChannel | null = null;
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { onCommitted: (c) => ch?.onCommitted(c) });
  await cmd({ type: 'programme.load', programme: demo });
  const seats = (seatStore = new SeatStore(db));
  seats.ensure(roomsOf(demo), Date.now());
  const token = (pick: (s: ReturnType<SeatStore['all']>[number]) => boolean) => seats.all().find(pick)!.token!;
  tokens.control = token((s) => s.kind === 'regie');
  tokens.output = token((s) => s.kind === 'output' && s.room === null);
  tokens.stage = token((s) => s.kind === 'stage' && s.room === null);
  tokens.output450 = token((s) => s.kind === 'output' && s.room === 'salle-450');
  tokens.room450 = token((s) => s.kind === 'room' && s.room === 'salle-450');
  http = createServer();
  channel = ch = new ViewChannel(http, {
    engine,
    seats,
    allowedHosts: new Set(['127.0.0.1']),
    port: () => port,
    access: () => ({ controlUrl: '', outputUrl: '', stageUrl: '', lan: false }),
    version: 'test',
    status: {
      link: { state: 'off', since: 0, hubUrl: null, embedded: false, rttMs: null, outboxPending: 0, hubBacklog: null, participants: { room: 0, remote: 0 }, eventCode: null, joinUrls: [], lastError: null },
    },
    logger: silentLogger,
    presenceKey: (room, now) => `KEY-${room}-${Math.floor(now / 300_000)}`,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await channel.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A seat connected, with everything it received. */
async function seat(token: string, room?: string, view?: string) {
  const auth = { token, ...(room === undefined ? {} : { room }), ...(view === undefined ? {} : { view }) };
  const s: ViewSocket = io(`http://127.0.0.1:${port}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  const patches: Patch[] = [];
  const presence: (RoomPresence | null)[] = [];
  const seats: SeatPresence[][] = [];
  s.on('patch', (p) => patches.push(p));
  s.on('presence', (p) => presence.push(p));
  s.on('seats', (list) => seats.push(list));
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    s.once('snapshot', resolve);
    s.once('connect_error', reject);
  });
  return { socket: s, snapshot, patches, presence, seats };
}

/** Every `programs` / `stageMessages` value a seat received, snapshot first. */
function roomSlices(received: { snapshot: Snapshot; patches: Patch[] }, key: 'programs' | 'stageMessages'): Record<string, unknown>[] {
  const fromPatches = received.patches.flatMap((p) => p.ops.flatMap((op) => (op.op === 'set' && op.path[0] === key ? [op.value as Record<string, unknown>] : [])));
  return [received.snapshot.state[key], ...fromPatches];
}

const settle = () => new Promise((r) => setTimeout(r, 120));

describe('outputs and stage tablets by room', () => {
  it('an output of Salle 450 receives Salle 450’s bus and no other room’s, in its snapshot and its patches', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'ECRAN-PLENIERE' } });
    await cmd({ type: 'program.take' });
    const out450 = await seat(tokens.output, 'salle-450');
    const outMain = await seat(tokens.output);
    const stage450 = await seat(tokens.stage, 'salle-450');

    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'ECRAN-SALLE450' }, room: 'salle-450' });
    await cmd({ type: 'program.take', room: 'salle-450' });
    await cmd({ type: 'program.panic', room: 'salle-800' });
    await cmd({ type: 'stage.message', text: 'SCENE-PLENIERE micro 2', confirmed: true });
    await cmd({ type: 'stage.message', text: 'SCENE-SALLE450 plus que 5 minutes', room: 'salle-450' });
    await cmd({ type: 'program.preview', scene: { kind: 'join' } });
    await settle();

    for (const programs of roomSlices(out450, 'programs')) expect(Object.keys(programs).every((room) => room === 'salle-450')).toBe(true);
    for (const programs of roomSlices(stage450, 'programs')) expect(Object.keys(programs).every((room) => room === 'salle-450')).toBe(true);
    for (const programs of roomSlices(outMain, 'programs')) expect(Object.keys(programs).every((room) => room === 'grand-auditorium')).toBe(true);
    for (const messages of roomSlices(stage450, 'stageMessages')) expect(Object.keys(messages).every((room) => room === 'salle-450')).toBe(true);
    // No text of another room's screen or stage in anything they got.
    expect(JSON.stringify([out450.snapshot, out450.patches, stage450.snapshot, stage450.patches])).not.toMatch(/PLENIERE/);
    expect(JSON.stringify([outMain.snapshot, outMain.patches])).not.toMatch(/SALLE450/);
    // The main room's changes (its preview) sent Salle 450's seats nothing about buses.
    const last450 = roomSlices(out450, 'programs').at(-1)!;
    expect(last450['salle-450']).toMatchObject({ onAir: { kind: 'message', text: 'ECRAN-SALLE450' } });
    expect(roomSlices(stage450, 'stageMessages').at(-1)).toEqual({ 'salle-450': expect.objectContaining({ text: 'SCENE-SALLE450 plus que 5 minutes' }) });
  });

  it('stateForRole gives an output or a stage of a room that room’s bus only; the régie every room’s', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'join' }, room: 'salle-300' });
    await cmd({ type: 'program.take', room: 'salle-300' });
    await cmd({ type: 'program.panic', room: 'salle-200' });
    const out = stateForRole(engine.state, 'output', 'salle-300');
    expect(Object.keys(out.programs)).toEqual(['salle-300']);
    expect(programOf(out, 'salle-300').onAir).toEqual({ kind: 'join' });
    expect(Object.keys(stateForRole(engine.state, 'stage', 'salle-200').programs)).toEqual(['salle-200']);
    expect(stateForRole(engine.state, 'output').programs).toEqual({}); // the main room never had a bus
    expect(Object.keys(stateForRole(engine.state, 'control').programs).sort()).toEqual(['salle-200', 'salle-300']);
    expect(stageMessageOf(stateForRole(engine.state, 'output', 'salle-300'), 'salle-300')).toBeNull();
  });

  it('refuses a malformed room in French terms, and keeps the main room for none', async () => {
    await expect(seat(tokens.output, 'Salle 450')).rejects.toThrow('salle mal écrite');
    const main = await seat(tokens.output, '');
    expect(main.snapshot.presence).toMatchObject({ room: 'grand-auditorium' });
  });

  it('a room’s own output seat shows its room without asking, and cannot be pointed at another room', async () => {
    const own = await seat(tokens.output450);
    expect(own.snapshot.seat).toMatchObject({ kind: 'output', room: 'salle-450' });
    expect(own.snapshot.presence).toMatchObject({ room: 'salle-450' });
    expect((await seat(tokens.output450, 'salle-450')).snapshot.seat.room).toBe('salle-450');
    await expect(seat(tokens.output450, 'salle-800')).rejects.toThrow('ce poste est celui de la salle salle-450');
  });

  it('a room seat’s token on the output page is its monitor: its room’s output, read-only; never another room’s nor the main one', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'ECRAN-PLENIERE' } });
    await cmd({ type: 'program.take' });
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'ECRAN-SALLE800' }, room: 'salle-800' });
    await cmd({ type: 'program.take', room: 'salle-800' });
    const monitor = await seat(tokens.room450, undefined, 'output');
    expect(monitor.snapshot.role).toBe('output');
    expect(monitor.snapshot.seat).toMatchObject({ kind: 'output', room: 'salle-450', name: 'Salle 450 — animation' });
    expect(monitor.snapshot.access).toBeNull();
    expect(monitor.snapshot.state.audience.questions).toEqual([]); // an output's share: no queue
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'ECRAN-SALLE450' }, room: 'salle-450' });
    await cmd({ type: 'program.take', room: 'salle-450' });
    await settle();
    for (const programs of roomSlices(monitor, 'programs')) expect(Object.keys(programs).every((room) => room === 'salle-450')).toBe(true);
    expect(roomSlices(monitor, 'programs').at(-1)).toMatchObject({ 'salle-450': { onAir: { kind: 'message', text: 'ECRAN-SALLE450' } } });
    expect(JSON.stringify([monitor.snapshot, monitor.patches])).not.toMatch(/PLENIERE|SALLE800/);
    // Pointed at another room, or at the main room: refused, as for the room's own output.
    await expect(seat(tokens.room450, 'salle-800', 'output')).rejects.toThrow('ce poste est celui de la salle salle-450');
    await expect(seat(tokens.room450, 'grand-auditorium', 'output')).rejects.toThrow('ce poste est celui de la salle salle-450');
    // Read-only: a command from the monitor is refused and writes nothing.
    const seq = engine.seq;
    const socket = sockets.at(-3)!;
    const answer = await new Promise((resolve) => socket.emit('command', { id: 'vcr-monitor-take', command: { type: 'program.take', room: 'salle-450' } }, resolve));
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(engine.seq).toBe(seq);
    // The same token without `view` is still the room moderator's desk.
    expect((await seat(tokens.room450)).snapshot).toMatchObject({ role: 'control', seat: { kind: 'room', room: 'salle-450' } });
    // Another seat kind asking `view: output` changes nothing (a stage stays a stage).
    expect((await seat(tokens.stage, 'salle-450', 'output')).snapshot.seat.kind).toBe('stage');
  });

  it('each room’s outputs get their room’s presence key, at connection and as the window turns; never the stage, the desk or another room', async () => {
    const out450 = await seat(tokens.output, 'salle-450');
    const out800 = await seat(tokens.output, 'salle-800');
    const stage450 = await seat(tokens.stage, 'salle-450');
    const desk = await seat(tokens.control);
    const w = Math.floor(Date.now() / 300_000);
    expect(out450.snapshot.presence).toEqual({ room: 'salle-450', key: `KEY-salle-450-${w}`, until: (w + 1) * 300_000 });
    expect(out800.snapshot.presence).toMatchObject({ room: 'salle-800', key: `KEY-salle-800-${w}` });
    expect(stage450.snapshot.presence).toBeUndefined();
    expect(desk.snapshot.presence).toBeUndefined();

    channel.pushPresence((w + 1) * 300_000 + 10);
    await settle();
    expect(out450.presence).toEqual([{ room: 'salle-450', key: `KEY-salle-450-${w + 1}`, until: (w + 2) * 300_000 }]);
    expect(out800.presence).toEqual([{ room: 'salle-800', key: `KEY-salle-800-${w + 1}`, until: (w + 2) * 300_000 }]);
    expect(stage450.presence).toEqual([]);
    expect(desk.presence).toEqual([]);
  });
});

describe('which seats have a view open, pushed to the central desk (the rooms overview)', () => {
  const seatId = (token: string) => seatStore.all().find((x) => x.token === token)!.id;
  const connectedOf = (list: SeatPresence[] | undefined, id: string) => list?.find((x) => x.id === id)?.connected;

  it('a régie desk gets every seat with its open views in its snapshot, then each change; no other seat gets them', async () => {
    const desk = await seat(tokens.control);
    const out450Id = seatId(tokens.output450);
    expect(desk.snapshot.seats?.map((x) => x.id).sort()).toEqual(seatStore.all().map((x) => x.id).sort());
    expect(connectedOf(desk.snapshot.seats, seatId(tokens.control))).toBe(1);
    expect(connectedOf(desk.snapshot.seats, out450Id)).toBe(0);
    // Never a token in what the desk gets.
    expect(JSON.stringify(desk.snapshot.seats)).not.toContain(tokens.output450);

    const out450 = await seat(tokens.output450);
    await expect.poll(() => connectedOf(desk.seats.at(-1), out450Id)).toBe(1);
    expect(out450.snapshot.seats).toBeUndefined();

    out450.socket.close();
    await expect.poll(() => connectedOf(desk.seats.at(-1), out450Id)).toBe(0);
    expect(out450.seats).toEqual([]);

    // Revoked from the « Sièges » dialog (the HTTP route tells the channel).
    seatStore.revoke(out450Id, 1234);
    channel.seatsChanged();
    await expect.poll(() => desk.seats.at(-1)?.find((x) => x.id === out450Id)?.revokedAt).toBe(1234);
    expect(JSON.stringify(desk.seats)).not.toContain(tokens.output450);
  });

  it('a burst of changes is one message to the desk', async () => {
    const desk = await seat(tokens.control);
    // Its own connection's push first.
    await expect.poll(() => desk.seats.length).toBe(1);
    channel.seatsChanged();
    channel.seatsChanged();
    channel.seatsChanged();
    await expect.poll(() => desk.seats.length).toBe(2);
    await settle();
    expect(desk.seats.length).toBe(2);
  });
});
