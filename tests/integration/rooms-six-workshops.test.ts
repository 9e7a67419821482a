import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedMessage } from '../../src/hub/simulator/simulator';
import { programOf } from '../../src/shared/api/room-bus';
import { qaOf } from '../../src/shared/api/room-live';
import type { AudienceQuestion, ViewState } from '../../src/shared/api/state';
import { repoRoot, spawnCore, type CoreProcess } from './helpers';
import {
  command,
  journalRows,
  journalRowsBy,
  listSeats,
  MAIN_ROOM,
  qaCue,
  RecordingView,
  SEQUENCE_4,
  seatToken,
  sixWorkshopsProgramme,
  until,
  WORKSHOP_POLLS,
  WORKSHOPS,
  type SeatEntryWithToken,
} from './rooms-harness';

/**
 * Issue 17, « What it must show », with real processes: the core (`serve`, its embedded hub in a
 * child process) and the simulator (`npm run simulate -- --rooms …`, a third process). Séquence 4
 * live on the rehearsal clock: six workshops, each its Q&A opened room-only by its cue, two of them
 * a poll opened by their own room seat; 50 simulated phones per room ask, upvote and vote. Then:
 * each room's queue is exactly what its phones asked, each poll exactly its phones' votes; Salle
 * 450's seat, output and stage never received another room's question; a room seat's command on
 * another room, the programme or the plenary bus is refused and writes nothing; a kill -9 of the
 * core during the workshops brings every room back as it was.
 */

const PER_ROOM = 50;
const SIM_SECONDS = 12;
const dir = mkdtempSync(join(tmpdir(), 'pupitre-six-workshops-'));
const recordFile = join(dir, 'accepted.jsonl');
let core: CoreProcess;
let desk: RecordingView;
let seats: SeatEntryWithToken[];
let seat450: RecordingView;
let out450: RecordingView;
let stage450: RecordingView;
let seat800: RecordingView;
let accepted: AcceptedMessage[] = [];
const views: RecordingView[] = [];
const view = (token: string, room?: string) => {
  const v = new RecordingView(core.port, token, room);
  views.push(v);
  return v;
};
const questionsIn = (state: ViewState, room: string) => state.audience.questions.filter((q) => q.room === room);

/** The simulator as a user runs it: its own process, its bilan in JSON, every accepted message recorded. */
function simulate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/simulator/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Approves up to `max` incoming questions of each room, through the room's own seat where one is connected. */
async function approveSome(max: number): Promise<void> {
  for (const room of WORKSHOPS) {
    const by = room === 'salle-450' ? seat450 : room === 'salle-800' ? seat800 : desk;
    const state = by.state!;
    const approved = questionsIn(state, room).filter((q) => q.status === 'approved').length;
    for (const q of questionsIn(state, room).filter((x) => x.status === 'incoming' && x.flags.length === 0).slice(0, Math.max(0, max - approved)))
      expect(await command(by, { type: 'question.approve', questionId: q.id })).toMatchObject({ ok: true });
  }
}

beforeAll(async () => {
  core = await spawnCore(dir);
  desk = view(core.tokens.control);
  const first = await desk.first();
  expect(await command(desk, { type: 'programme.load', programme: sixWorkshopsProgramme() })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'clock.set', clock: { mode: 'rehearsal', at: SEQUENCE_4 } })).toMatchObject({ ok: true });
  for (const room of WORKSHOPS) {
    await new Promise((r) => setTimeout(r, 1100)); // two GOs within 1 s are taken for a double press
    const r = await command(desk, { type: 'cue.go', cueId: qaCue(room), outOfOrder: true });
    expect(r, `${room} ${JSON.stringify(r)}`).toMatchObject({ ok: true });
  }

  seats = await listSeats(core.port, core.tokens.control);
  seat450 = view(seatToken(seats, 'room', 'salle-450'));
  seat800 = view(seatToken(seats, 'room', 'salle-800'));
  out450 = view(seatToken(seats, 'output', 'salle-450'));
  stage450 = view(seatToken(seats, 'stage', 'salle-450'));
  await Promise.all([seat450, seat800, out450, stage450].map((v) => v.first()));
  // Each workshop's poll is opened by the room's own seat.
  expect(await command(seat450, { type: 'interaction.open', interactionId: WORKSHOP_POLLS['salle-450'], room: 'salle-450' })).toMatchObject({ ok: true });
  expect(await command(seat800, { type: 'interaction.open', interactionId: WORKSHOP_POLLS['salle-800'], room: 'salle-800' })).toMatchObject({ ok: true });

  // Each room's key, read where a phone reads it: its output's join QR code (`presence`).
  const keys: string[] = [];
  for (const room of WORKSHOPS) {
    const out = room === 'salle-450' ? out450 : view(seatToken(seats, 'output', room));
    const presence = (await out.first()).presence;
    expect(presence?.room).toBe(room);
    keys.push(`${room}=${presence!.key}`);
  }
  // The hub knows the rooms (their secrets) before the phones come.
  await until(() => desk.received.some((m) => m.event === 'status' && (m.payload as { link: { state: string; outboxPending: number } }).link.state === 'online'), 'la liaison au hub');
  await until(() => {
    const last = desk.received.filter((m) => m.event === 'status').at(-1)?.payload as { link: { outboxPending: number } } | undefined;
    return last?.link.outboxPending === 0;
  }, 'la boîte d’envoi vide');

  const link = () => (desk.received.filter((m) => m.event === 'status').at(-1)?.payload as { link: { eventCode: string | null } } | undefined)?.link ?? first.status.link;
  const eventCode = link().eventCode!;
  expect(eventCode).toBeTruthy();
  const approving = setInterval(() => void approveSome(4).catch(() => undefined), 700);
  const sim = simulate([
    '--url', `http://127.0.0.1:${core.hubPort}`,
    '--event-code', eventCode,
    '--rooms', WORKSHOPS.join(','),
    '--room-keys', keys.join(','),
    '--participants', String(PER_ROOM),
    '--room-share', '0.8',
    '--join-per-s', '50',
    '--questions-per-min', '90',
    '--votes-per-s', '6',
    '--upvotes-per-s', '4',
    '--words-per-s', '0',
    '--duration', String(SIM_SECONDS),
    '--seed', '2026',
    '--record', recordFile,
    '--json',
  ]);
  const done = await sim;
  clearInterval(approving);
  expect(done.code, done.stderr).toBe(0);
  const bilan = JSON.parse(done.stdout) as { rooms: Record<string, { participants: { joined: number; room: number } }> };
  for (const room of WORKSHOPS) expect(bilan.rooms[room]?.participants, room).toMatchObject({ joined: PER_ROOM, room: PER_ROOM * 0.8 });
  accepted = readFileSync(recordFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AcceptedMessage);

  // Everything accepted reached the régie (a question, each upvote, each vote).
  const asks = accepted.filter((m) => m.type === 'question.ask').length;
  await until(() => desk.state!.audience.questions.length >= asks, 'les questions à la régie');
  const upvotes = accepted.filter((m) => m.type === 'question.upvote').length;
  await until(() => desk.state!.audience.questions.reduce((n, q) => n + q.upvotes, 0) >= upvotes, 'les soutiens à la régie');
  const votes = new Set(accepted.filter((m) => m.type === 'poll.vote').map((m) => m.participantId)).size;
  await until(() => Object.values(desk.state!.audience.tallies).reduce((n, t) => n + t.voters.room + t.voters.remote, 0) >= votes, 'les votes à la régie');

  // The screens: Salle 450's seat puts one of its questions on its screen; the régie takes Salle 800's and the plenary's.
  const q450 = questionsIn(seat450.state!, 'salle-450').find((q) => q.status === 'approved')!;
  expect(await command(seat450, { type: 'program.preview', scene: { kind: 'question', questionId: q450.id }, room: 'salle-450' })).toMatchObject({ ok: true });
  expect(await command(seat450, { type: 'program.take', room: 'salle-450' })).toMatchObject({ ok: true });
  const q800 = questionsIn(desk.state!, 'salle-800').find((q) => q.status === 'approved')!;
  expect(await command(desk, { type: 'program.preview', scene: { kind: 'question', questionId: q800.id }, room: 'salle-800' })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'program.take', room: 'salle-800' })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'program.preview', scene: { kind: 'message', text: 'Plénière : reprise à 17 h 45' } })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'program.take' })).toMatchObject({ ok: true });
  await until(() => desk.seq === seat450.seq && programOf(desk.state!).take > 0, 'les vues à jour');
}, 180_000);

afterAll(async () => {
  views.forEach((v) => v.close());
  core?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('six workshops at once, 50 phones per room (real core, hub and simulator processes)', () => {
  it('each room’s queue holds exactly its phones’ questions (count and content), each poll exactly its room’s votes', () => {
    const state = desk.state!;
    for (const room of WORKSHOPS) {
      const asked = accepted.filter((m) => m.type === 'question.ask' && m.room === room);
      expect(asked.length, room).toBeGreaterThan(5);
      const queue = questionsIn(state, room);
      expect(queue.length, room).toBe(asked.length);
      // Each question by the hub's id of the message (participant:clientMsgId), with its text as sent.
      const byMsg = new Map(queue.map((q) => [q.msgId, q]));
      for (const m of asked) {
        const q = byMsg.get(`${m.participantId}:${m.clientMsgId}`);
        expect(q, `${room} ${m.participantId}`).toBeDefined();
        expect(q!.text).toBe(m.body.text);
        expect(q!.origin).toBe('room'); // room-only: nobody « à distance » asked
      }
      // Upvotes: each question has exactly the upvotes its room's phones gave it.
      const upvotes = new Map<string, number>();
      for (const m of accepted.filter((x) => x.type === 'question.upvote' && x.room === room)) upvotes.set(String(m.body.questionId), (upvotes.get(String(m.body.questionId)) ?? 0) + 1);
      expect(upvotes.size, `${room} : des soutiens`).toBeGreaterThan(0);
      for (const q of queue) expect(q.upvotes, q.id).toBe(upvotes.get(q.id) ?? 0);
      expect(qaOf(state, room)).toMatchObject({ open: true, roomOnly: true });
    }
    expect(state.audience.questions.every((q) => (WORKSHOPS as readonly string[]).includes(q.room))).toBe(true);
    // Polls: the last vote of each phone of the room, counted by choice and origin; nothing else.
    for (const [room, pollId] of Object.entries(WORKSHOP_POLLS)) {
      const last = new Map<string, AcceptedMessage>();
      for (const m of accepted.filter((x) => x.type === 'poll.vote' && x.body.pollId === pollId)) last.set(m.participantId, m);
      expect([...last.values()].every((m) => m.room === room)).toBe(true);
      const expected: Record<string, { room: number; remote: number }> = {};
      for (const m of last.values()) {
        const key = String((m.body.choices as number[])[0]);
        expected[key] ??= { room: 0, remote: 0 };
        expected[key][m.origin] += 1;
      }
      expect(last.size, room).toBeGreaterThan(10);
      const tally = state.audience.tallies[pollId]!;
      expect(Object.fromEntries(Object.entries(tally.counts).filter(([, c]) => c.room + c.remote > 0))).toEqual(expected);
      expect(tally.voters.room + tally.voters.remote).toBe(last.size);
      expect(state.live.interactions[pollId]).toMatchObject({ status: 'open', room });
    }
    // Rooms without a poll got no vote at all.
    expect(Object.keys(state.audience.tallies).sort()).toEqual(Object.values(WORKSHOP_POLLS).sort());
  });

  it('Salle 450’s room seat, output and stage received no other room’s question, in any message', async () => {
    const state = desk.state!;
    const mine = questionsIn(state, 'salle-450');
    // On a loaded machine the seat's last patch may still be on its way.
    await until(() => seat450.state!.audience.questions.length === mine.length, 'la file de la Salle 450 à jour', 10_000).catch(() => undefined);
    const others = state.audience.questions.filter((q) => q.room !== 'salle-450');
    expect(others.length).toBeGreaterThan(50);
    const mineTexts = mine.map((q) => JSON.stringify(q.text).slice(1, -1));
    // Ids and hub ids of other rooms' questions, as they would appear in JSON; their texts that
    // Salle 450 never asked itself, nor inside one of its own (the simulator opens a question with
    // « Bonjour, » or lower-cases it: another room's « un quart des… » is in Salle 450's « Bonjour, un quart des… »).
    const ownText = (text: string) => mineTexts.some((t) => t.includes(text));
    const needles = others.flatMap((q: AudienceQuestion) => {
      const text = JSON.stringify(q.text).slice(1, -1);
      return [`"${q.id}"`, q.msgId!, ...(ownText(text) ? [] : [text])];
    });
    for (const [name, v] of [['animation', seat450], ['sortie', out450], ['scène', stage450]] as const) {
      const wire = v.wire();
      expect(v.received.filter((m) => m.event === 'patch').length, name).toBeGreaterThan(0);
      const leaked = needles.filter((x) => wire.includes(x));
      expect(leaked, `Salle 450 — ${name}`).toEqual([]);
    }
    // The seat does screen its own room: it holds every Salle 450 question, and only those.
    expect(seat450.state!.audience.questions.map((q) => q.id).sort()).toEqual(mine.map((q) => q.id).sort());
    // Its output shows its own TAKE, and holds no other room's bus.
    expect(Object.keys(out450.state!.programs)).toEqual(['salle-450']);
    expect(programOf(out450.state!, 'salle-450').onAir).toMatchObject({ kind: 'question' });
    // The check can fail: the régie's desk, which sees every room, holds those needles.
    expect(needles.some((x) => desk.wire().includes(x))).toBe(true);
  });

  it('a room seat’s command on another room, on the programme or on the plenary bus is refused in French and writes nothing', async () => {
    const q800 = questionsIn(desk.state!, 'salle-800').find((q) => q.status === 'incoming')!;
    // Counted by the seat's name: the cue scheduler may write its own rows meanwhile.
    const rows = journalRowsBy(dir, 'Salle 450 — animation');
    const refused = [
      { type: 'program.preview', scene: { kind: 'message', text: 'Intrus' }, room: 'salle-800' },
      { type: 'program.take', room: 'salle-800' },
      { type: 'program.panic', room: 'salle-300' },
      { type: 'question.approve', questionId: q800.id },
      { type: 'question.reject', questionId: q800.id },
      { type: 'interaction.close', interactionId: WORKSHOP_POLLS['salle-800'] },
      { type: 'stage.message', text: 'Plus que 5 minutes', room: 'salle-800' },
      { type: 'program.take' },
      { type: 'program.panic', room: MAIN_ROOM },
      { type: 'program.lock', locked: true },
      { type: 'programme.load', programme: sixWorkshopsProgramme() },
      // Its own room's cues are its to GO (rooms-seat-live.test.ts); another room's and the reset are not.
      { type: 'cue.go', cueId: qaCue('salle-800'), outOfOrder: true },
      { type: 'cue.reset' },
      { type: 'interaction.create', interaction: { kind: 'poll', id: 'intrus', type: 'yesno', question: 'Ici ?' }, open: true, room: 'salle-800' },
      { type: 'delay.set', sessionId: 'j1-atelier-4b', minutes: 10 },
      { type: 'clock.set', clock: { mode: 'live' } },
      { type: 'moderation.lists', badWords: ['x'], names: [], allowed: [] },
    ];
    for (const c of refused) {
      const r = await command(seat450, c);
      expect(r, JSON.stringify(c)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/forbidden|invalid/) } });
      if (!r.ok && r.error.code === 'forbidden') expect(r.error.message, c.type).toMatch(/Salle 450 — animation/);
    }
    expect(journalRowsBy(dir, 'Salle 450 — animation')).toBe(rows);
    expect(programOf(desk.state!, 'salle-800').panicFrom).toBeNull();
    expect(programOf(desk.state!).locked).toBe(false);
    // The same seat acting in its own room is journaled, under its name.
    expect(await command(seat450, { type: 'stage.message', text: 'Plus que 10 minutes', room: 'salle-450' })).toMatchObject({ ok: true });
    expect(journalRowsBy(dir, 'Salle 450 — animation')).toBe(rows + 1);
  });

  it('a kill -9 of the core during the workshops: every room’s queue, bus, Q&A, polls and seats come back as they were', async () => {
    const before = (await desk.fresh()).state;
    expect(before.stageMessages['salle-450']).toMatchObject({ text: 'Plus que 10 minutes' });
    const roomsOf = (s: ViewState) =>
      Object.fromEntries(
        [MAIN_ROOM, ...WORKSHOPS].map((room) => [
          room,
          {
            questions: questionsIn(s, room).map((q) => ({ id: q.id, msgId: q.msgId, text: q.text, status: q.status, upvotes: q.upvotes, published: q.published })),
            program: programOf(s, room),
            qa: qaOf(s, room),
          },
        ]),
      );
    const seatsBefore = await listSeats(core.port, core.tokens.control);
    const rows = journalRows(dir);

    core.child.kill('SIGKILL');
    await core.exited;
    views.splice(0).forEach((v) => v.close());
    core = await spawnCore(dir);
    desk = view(core.tokens.control);
    const after = (await desk.first()).state;

    expect(journalRows(dir)).toBeGreaterThanOrEqual(rows);
    expect(roomsOf(after)).toEqual(roomsOf(before));
    expect(after.audience.tallies).toEqual(before.audience.tallies);
    expect(after.live.interactions).toEqual(before.live.interactions);
    expect(after.stageMessages).toEqual(before.stageMessages);
    // The same seats and tokens (their addresses name the new port).
    const withoutAddress = (xs: SeatEntryWithToken[]) => xs.map(({ address: _address, ...seat }) => seat);
    expect(withoutAddress(await listSeats(core.port, core.tokens.control))).toEqual(withoutAddress(seatsBefore));
    // And the seats work as before: Salle 450's moderator, with its old token, sees its room.
    const again = view(seatToken(seatsBefore, 'room', 'salle-450'));
    const snap = await again.first();
    expect(snap.seat).toMatchObject({ kind: 'room', room: 'salle-450' });
    expect(questionsIn(snap.state, 'salle-450').length).toBe(questionsIn(before, 'salle-450').length);
    expect(snap.state.audience.questions.every((q) => q.room === 'salle-450')).toBe(true);
  }, 60_000);
});
