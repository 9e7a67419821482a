import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Manager } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/hub';
import type { PartialHubLimits } from '../../src/hub/options';
import { PENDING_EVICTED, PENDING_TIMED_OUT } from '../../src/hub/pending-sockets';
import { TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { RefusedNotice } from '../../src/shared/protocol/errors';
import { PARTICIPANT_NAMESPACE } from '../../src/shared/protocol/version';

// Hostile: sockets that connect and never join. One address opening 1,000 bare connections holds
// at most `pendingPerAddress` of them (the oldest are closed, with the reason), the honest phones
// of the same address still join; a connection that has not joined by `joinDeadlineMs` is closed;
// behind a trusted proxy the count is per client address (X-Forwarded-For).

const TOKEN = 'pending-test-token-0123456789abcd';
const CODE = 'PENDING';
let dir: string;
const hubs: RunningHub[] = [];
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);

async function hubWith(limits: PartialHubLimits, extra: { trustProxy?: boolean } = {}): Promise<{ hub: RunningHub; regie: TestRegie }> {
  const hub = await startHub({ dataDir: join(dir, `hub-${hubs.length}`), port: 0, regieToken: TOKEN, eventCode: CODE, limits, ...extra });
  hubs.push(hub);
  const regie = track(await TestRegie.connect(hub.port, TOKEN));
  await regie.command({ type: 'qa.open', sessionId: 'pleniere', roomOnly: false }, 1);
  return { hub, regie };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-pending-'));
});
afterEach(() => {
  open.splice(0).forEach((x) => x.close());
});
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  rmSync(dir, { recursive: true, force: true });
});

interface Bare {
  /** Resolves once the hub closed it, with the refusal it was told (none for a bare engine connection). */
  closed: Promise<RefusedNotice | null>;
  isOpen: () => boolean;
  close(): void;
}

/** A page that connects to the participants' namespace and never sends `join`. */
function silentPage(port: number, headers: Record<string, string> = {}): Bare {
  const s = io(`http://127.0.0.1:${port}${PARTICIPANT_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  let told: RefusedNotice | null = null;
  s.on('refused', (n: RefusedNotice) => (told = n));
  let up = false;
  s.on('connect', () => (up = true));
  const closed = new Promise<RefusedNotice | null>((resolve) => {
    s.on('disconnect', () => {
      up = false;
      resolve(told);
    });
    s.on('connect_error', () => {
      up = false;
      resolve(told);
    });
  });
  return { closed, isOpen: () => up, close: () => s.close() };
}

/** A bare engine.io connection (a WebSocket to /socket.io/), no namespace at all. */
function bareEngine(port: number): Bare {
  const m = new Manager(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false, autoConnect: false });
  let up = false;
  m.on('open', () => (up = true));
  const closed = new Promise<RefusedNotice | null>((resolve) => {
    m.on('close', () => {
      up = false;
      resolve(null);
    });
    m.on('error', () => {
      up = false;
      resolve(null);
    });
  });
  m.open();
  return { closed, isOpen: () => up, close: () => m.engine?.close() };
}

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition jamais atteinte');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sockets that never join', () => {
  it('one address opening 1,000 bare sockets holds at most its cap; the oldest are closed with the reason; honest phones of the same address join', async () => {
    const { hub, regie } = await hubWith({ pendingPerAddress: 200, joinDeadlineMs: 120_000 });
    const bare = Array.from({ length: 1000 }, (_, i) => track(i % 2 === 0 ? silentPage(hub.port) : bareEngine(hub.port)));
    await until(() => hub.stats().pending.evicted === 800);
    await until(() => bare.filter((b) => b.isOpen()).length === 200);
    await new Promise((r) => setTimeout(r, 200));
    expect(bare.filter((b) => b.isOpen())).toHaveLength(200);
    expect(hub.stats().pending).toMatchObject({ waiting: 200, addresses: 1, evicted: 800, timedOut: 0 });
    // A page closed after its namespace opened is told why (one closed before is just closed: it had no namespace yet).
    const told = await Promise.all(bare.filter((b, i) => i % 2 === 0 && !b.isOpen()).map((b) => b.closed));
    expect(told.filter((n) => n !== null).length).toBeGreaterThan(0);
    for (const n of told) if (n) expect(n).toEqual({ event: 'join', error: { code: 'rate_limited', message: PENDING_EVICTED } });

    // Thirty phones from the same address come now: each joins (the first one pushes out the oldest idle
    // socket; joined, a phone no longer waits, so the next ones find room), and asks.
    const phones = [];
    for (let i = 0; i < 30; i += 1) phones.push(track(await TestParticipant.join(hub.port, CODE)));
    expect((await Promise.all(phones.map((p) => p.ask('Je suis bien là')))).every((r) => r.ok)).toBe(true);
    await regie.waitFor(() => regie.deliveries.length === 30);
    expect(hub.stats().pending).toMatchObject({ waiting: 199, evicted: 801 });
    expect(bare.filter((b) => b.isOpen())).toHaveLength(199);
    expect(hub.stats().participants.room + hub.stats().participants.remote).toBe(30);
    // The régie's link waited for its token check only: it is not among the waiting, and was never closed.
    expect(regie.socket.connected).toBe(true);
  });

  it('closes a connection that has not joined by the deadline, with the reason; joined phones and the régie stay', async () => {
    const { hub, regie } = await hubWith({ joinDeadlineMs: 600 });
    const phone = track(await TestParticipant.join(hub.port, CODE));
    const bare = [...Array.from({ length: 20 }, () => track(silentPage(hub.port))), ...Array.from({ length: 20 }, () => track(bareEngine(hub.port)))];
    const told = await Promise.all(bare.map((b) => b.closed));
    expect(told.slice(0, 20).every((n) => n?.error.code === 'not_joined' && n.error.message === PENDING_TIMED_OUT)).toBe(true);
    expect(hub.stats().pending).toMatchObject({ waiting: 0, timedOut: 40, evicted: 0 });
    await new Promise((r) => setTimeout(r, 800));
    expect(phone.socket.connected).toBe(true);
    expect(regie.socket.connected).toBe(true);
    expect(await phone.ask('Toujours là après le délai')).toEqual({ ok: true });
    // A page whose join was refused (wrong code) is not joined either: closed at the deadline.
    const lost = track(silentPage(hub.port));
    await until(() => hub.stats().pending.waiting === 1);
    expect(await lost.closed).toMatchObject({ error: { code: 'not_joined' } });
  });

  it('behind a trusted proxy, counts per client address (X-Forwarded-For), not per proxy', async () => {
    const { hub } = await hubWith({ pendingPerAddress: 5, joinDeadlineMs: 120_000 }, { trustProxy: true });
    const a = Array.from({ length: 12 }, () => track(silentPage(hub.port, { 'X-Forwarded-For': '203.0.113.7' })));
    const b = Array.from({ length: 3 }, () => track(silentPage(hub.port, { 'X-Forwarded-For': '198.51.100.9' })));
    await until(() => hub.stats().pending.evicted === 7);
    await until(() => a.filter((s) => s.isOpen()).length === 5 && b.every((s) => s.isOpen()));
    expect(hub.stats().pending).toMatchObject({ waiting: 8, addresses: 2 });
  });
});
