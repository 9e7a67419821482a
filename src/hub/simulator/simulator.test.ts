import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../hub';
import { TestRegie } from '../testing/clients';
import { currentPresenceKey, newRoomSecret } from '../../node/presence/presence-key';
import { runSimulation } from './simulator';
import type { SimulatorOptions } from './options';

// The simulator against a real hub on 127.0.0.1 (short and small: the pure parts have their own tests).
const TOKEN = 'simulator-test-token-0123456789';
const SECRET = newRoomSecret();
let dir: string;
let hub: RunningHub;
let regie: TestRegie;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-sim-'));
  hub = await startHub({
    dataDir: dir,
    port: 0,
    regieToken: TOKEN,
    eventCode: 'REPET',
    limits: { patchDelayMs: 5, votesIntervalMs: 50, addressRate: { perSecond: 10_000, burst: 10_000 } },
  });
  regie = await TestRegie.connect(hub.port, TOKEN);
  await regie.command({ type: 'rooms.set', rooms: [{ id: 'salle-450', name: 'Salle 450', main: true, secret: SECRET }] });
  await regie.command({ type: 'qa.open', sessionId: 'atelier-1', roomOnly: true });
  await regie.command({
    type: 'interaction.open',
    interaction: { kind: 'poll', id: 'p1', question: 'Qui décide ?', options: ['Juge', 'ASE', 'Famille'], maxChoices: 1 },
  });
  await regie.command({ type: 'question.publish', questionId: 'q1', text: 'Et après 18 ans ?', name: null });
});

afterAll(async () => {
  regie.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runSimulation', () => {
  it('joins everyone, asks (room only here), votes, upvotes once each, and stops by itself', async () => {
    const opts: SimulatorOptions = {
      url: `http://127.0.0.1:${hub.port}`,
      eventCode: 'repet',
      participants: 30,
      roomShare: 0.5,
      joinPerSecond: 200,
      questionsPerMinute: 600,
      votesPerSecond: 40,
      wordsPerSecond: 5,
      upvotesPerSecond: 20,
      changeShare: 0.1,
      durationSeconds: 2,
      seed: 42,
      ackTimeoutMs: 5000,
      json: false,
      // The « in the room » half joins with the room's key, as phones that scanned its QR code.
      room: 'salle-450',
      roomKey: currentPresenceKey(SECRET, 'salle-450', Date.now()),
    };
    const t0 = Date.now();
    const s = await runSimulation(opts);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(s.participants).toMatchObject({ wanted: 30, joined: 30, room: 15, remote: 15 });
    expect(s.messages['poll.vote'].accepted).toBeGreaterThan(20);
    expect(s.messages['question.ask'].accepted).toBeGreaterThan(5);
    expect(s.messages['words.send'].sent).toBe(0); // no cloud open
    expect(s.messages['words.send'].nothingOpen).toBeGreaterThan(0);
    expect(s.refusedTotal).toEqual({});
    await regie.waitFor(() => regie.committed.size >= s.messages['question.ask'].accepted + s.messages['question.upvote'].accepted);
    const all = [...regie.committed.values()];
    // Room-only Q&A: no question from a remote participant was even tried.
    expect(all.filter((m) => m.type === 'question.ask').every((m) => m.origin === 'room')).toBe(true);
    expect(new Set(all.filter((m) => m.type === 'poll.vote').map((m) => m.origin))).toEqual(new Set(['room', 'remote']));
    // Upvotes: 30 participants, one question: at most 30, each participant once.
    const upvoters = all.filter((m) => m.type === 'question.upvote').map((m) => m.participantId);
    expect(new Set(upvoters).size).toBe(upvoters.length);
  });
});
