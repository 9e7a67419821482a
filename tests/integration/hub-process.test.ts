import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import type { Logger } from '../../src/node/log/logger';
import { newParticipantId, TestParticipant } from '../../src/hub/testing/clients';
import type { Ack } from '../../src/shared/protocol/errors';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { repoRoot, spawnCore } from './helpers';

/**
 * The embedded hub runs in its own process, supervised by the core (issue 19): killed with
 * SIGKILL in the middle of a burst, it is restarted on the same port and the same hub.sqlite3,
 * and every message a phone got an acknowledgement for reaches the régie's journal exactly once.
 * The core's shutdown, clean or not, leaves no hub process behind.
 */

const PARTICIPANTS = 60;
const PER_PARTICIPANT = 40; // 2,400 messages
const IN_FLIGHT = 4; // per participant
const KILL_AFTER = 800; // acknowledged messages
const POLL = 'rafale';
const limits = { participantRate: { perSecond: 10_000, burst: 10_000 }, addressRate: { perSecond: 100_000, burst: 100_000 } };

type Msg = { event: 'question.ask' | 'poll.vote'; body: Record<string, unknown> };

/** Participant p's messages: questions (all different), and every fifth a vote unlike the one before. */
function script(p: number): Msg[] {
  return Array.from({ length: PER_PARTICIPANT }, (_, i): Msg => {
    const clientMsgId = `m${i}`;
    if (i % 5 === 0) return { event: 'poll.vote', body: { clientMsgId, pollId: POLL, choices: [(i / 5 + p) % 4] } };
    return { event: 'question.ask', body: { clientMsgId, text: `Question ${i} du participant ${p} : et après 18 ans ?` } };
  });
}

/** Waits for a condition, checking every 20 ms (no fixed sleep). */
async function until<T>(get: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A process is gone when signalling it fails, or when only its zombie is left. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (not Linux): signalling worked
  }
}

function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${msg} ${fields ? JSON.stringify(fields) : ''}`);
  return { lines, debug: () => {}, info: at('info'), warn: at('warn'), error: at('error') };
}

const dirs: string[] = [];
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `pupitre-hub-process-${name}-`));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the embedded hub in its own process, killed with SIGKILL during a burst', () => {
  let core: RunningCore;
  const log = memoryLogger();
  const closers: { close(): void }[] = [];
  let n = 0;
  const cmd = (command: unknown) => core.engine.submit({ id: `hp-${String(n++).padStart(6, '0')}`, command }, 'control-1');

  beforeAll(async () => {
    core = await startCore({
      dataDir: tempDir('burst'),
      rendererDir: join(repoRoot, 'none'),
      resourcesDir: join(repoRoot, 'resources'),
      port: 0,
      logger: log,
      hub: { mode: 'embedded', port: 0, host: '127.0.0.1', limits },
    });
    await until(() => core.link?.current.state === 'online', 'lien en ligne');
  });
  afterAll(async () => {
    closers.forEach((c) => c.close());
    await core?.close();
  });

  it('is restarted on the same port and base, and the régie journals each acknowledged message exactly once', async () => {
    const hub = core.hub!;
    expect(hub.inProcess).toBe(false);
    const firstPid = hub.pid!;
    expect(firstPid).not.toBe(process.pid);
    const { port, hubId } = hub;
    const code = core.link!.current.eventCode!;

    // Q&A open (the demo's cue) and a poll made on the spot.
    expect(
      await cmd({
        type: 'clock.set',
        clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:30' }, 'Europe/Paris') },
      }),
    ).toMatchObject({ ok: true });
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true })).toMatchObject({ ok: true });
    const poll = { kind: 'poll', id: POLL, type: 'single', question: 'Qui ?', options: ['A', 'B', 'C', 'D'] };
    expect(await cmd({ type: 'interaction.create', open: true, interaction: poll })).toMatchObject({ ok: true });

    const ids = Array.from({ length: PARTICIPANTS }, () => newParticipantId());
    const scripts = ids.map((_, p) => script(p));
    const origin = (p: number): 'room' | 'remote' => (p % 2 ? 'room' : 'remote');
    const phones = await Promise.all(ids.map((participantId, p) => TestParticipant.join(port, code, { participantId, origin: origin(p) })));
    closers.push(...phones);
    await until(
      () => phones.every((ph) => ph.state?.qa.open && ph.state.interaction?.id === POLL),
      'Q&R et sondage ouverts sur les téléphones',
    );

    // The burst: IN_FLIGHT messages in flight per phone; SIGKILL of the hub's process once KILL_AFTER are acknowledged.
    const acked = new Set<string>();
    const refusals: Ack[] = [];
    const next = ids.map(() => 0);
    const inFlight = ids.map(() => 0);
    let killed = false;
    await new Promise<void>((resolve) => {
      const pump = (p: number) => {
        while (!killed && next[p]! < PER_PARTICIPANT && inFlight[p]! < IN_FLIGHT) {
          const m = scripts[p]![next[p]!++]!;
          inFlight[p]! += 1;
          phones[p]!.socket.timeout(10_000)
            .emitWithAck(m.event, m.body)
            .then(
              (ack: Ack) => {
                inFlight[p]! -= 1;
                if (ack.ok) acked.add(`${ids[p]}:${String(m.body.clientMsgId)}`);
                else refusals.push(ack);
                if (!killed && acked.size >= KILL_AFTER) {
                  killed = true;
                  process.kill(firstPid, 'SIGKILL');
                  resolve();
                } else pump(p);
              },
              () => undefined, // in flight when the hub died: sent again below
            );
        }
      };
      ids.forEach((_, p) => pump(p));
    });
    expect(refusals).toEqual([]);
    const ackedBeforeKill = new Set(acked);
    expect(next.reduce((a, b) => a + b, 0)).toBeGreaterThan(ackedBeforeKill.size); // some were in flight

    // The supervisor restarts it: another process, the same port, the same base.
    await until(() => hub.state().restarts === 1 && hub.state().running, 'hub relancé', 60_000);
    expect(hub.pid).not.toBe(firstPid);
    expect(alive(firstPid)).toBe(false);
    expect(hub.port).toBe(port);
    expect(hub.hubId).toBe(hubId);
    expect(hub.state()).toMatchObject({ exits: 1, lastExit: { reason: 'tué (SIGKILL)' } });
    expect(log.lines.some((l) => l.startsWith('error hub process died') && l.includes('SIGKILL'))).toBe(true);
    expect(log.lines.some((l) => l.startsWith('info hub process restarted'))).toBe(true);

    // The phones come back (same participant ids) and send again what was not acknowledged.
    phones.forEach((ph) => ph.close());
    const again = await Promise.all(ids.map((participantId, p) => TestParticipant.join(port, code, { participantId, origin: origin(p) })));
    closers.push(...again);
    await Promise.all(
      again.map(async (phone, p) => {
        for (const m of scripts[p]!) {
          const msgId = `${ids[p]}:${String(m.body.clientMsgId)}`;
          if (ackedBeforeKill.has(msgId)) continue;
          const ack = (await phone.socket.timeout(20_000).emitWithAck(m.event, m.body)) as Ack;
          expect(ack).toMatchObject({ ok: true });
          acked.add(msgId);
        }
      }),
    );
    expect(acked.size).toBe(PARTICIPANTS * PER_PARTICIPANT);

    // The régie's link resumed by itself; its journal holds every message once.
    const journaled = core.db
      .prepare("SELECT json_extract(payload, '$.message.msgId') AS id FROM journal WHERE type = 'audience.received'")
      .pluck();
    await until(() => journaled.all().length >= acked.size, 'tout au journal de la régie', 60_000);
    await until(() => core.link?.current.state === 'online' && core.link.current.hubBacklog === 0, 'lien à jour');
    const ids2 = journaled.all() as string[];
    expect(ids2).toHaveLength(acked.size); // nothing twice
    expect(new Set(ids2)).toEqual(acked); // nothing missing, nothing else
    expect(core.engine.state.audience.received).toBe(acked.size);
  });

  it('closes with the core: no hub process left', async () => {
    const pid = core.hub!.pid!;
    expect(alive(pid)).toBe(true);
    await core.close();
    expect(alive(pid)).toBe(false);
    expect(log.lines.some((l) => l.startsWith('info hub process stopped') && l.includes('code 0'))).toBe(true);
  });
});

describe('no orphan hub: `npm run serve` as a real process', () => {
  it('SIGTERM: the core closes its hub and exits', async () => {
    const served = await spawnCore(tempDir('term'));
    const hubPid = served.hubPid!;
    expect(hubPid).toBeGreaterThan(0);
    expect(alive(hubPid)).toBe(true);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    await until(() => !alive(hubPid), 'hub arrêté', 10_000);
  });

  it('SIGKILL of the core: the hub notices its parent is gone and exits by itself', async () => {
    const served = await spawnCore(tempDir('kill'));
    const hubPid = served.hubPid!;
    expect(alive(hubPid)).toBe(true);
    served.child.kill('SIGKILL');
    await served.exited;
    await until(() => !alive(hubPid), 'hub orphelin arrêté', 15_000);
  });
});
