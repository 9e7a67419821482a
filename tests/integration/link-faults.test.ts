import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newParticipantId, TestParticipant } from '../../src/hub/testing/clients';
import { spawnHub, type HubProcess } from '../../src/hub/testing/spawn-hub';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { CutProxy } from './cut-proxy';
import { connectView, nextSnapshot, send, spawnCore, type CoreProcess, type ViewSocket } from './helpers';

/**
 * Faults between real processes: a standalone hub, the régie core reaching it through a proxy
 * the test can cut, and participants. Afterwards every message the hub accepted is in the
 * régie's journal exactly once, and every régie command sent while offline reached the hub, in order.
 */

const TOKEN = 'link-fault-token-0123456789abcdef';
const CODE = 'NANTES';
const limits = { participantRate: { perSecond: 10_000, burst: 10_000 }, addressRate: { perSecond: 100_000, burst: 100_000 } };
const CUT_SECONDS = Number(process.env.PUPITRE_CUT_SECONDS ?? 60);

const dirs: string[] = [];
const kill: { kill(sig: NodeJS.Signals): void }[] = [];
const closers: { close(): unknown }[] = [];
afterAll(async () => {
  for (const c of closers) await c.close();
  kill.forEach((k) => k.kill('SIGKILL'));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function tempDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `pupitre-${name}-`));
  dirs.push(d);
  return d;
}

async function until<T>(
  get: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function hubHealth(port: number): Promise<{ hubSeq: number; appliedSeq: number; unacked: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return (await res.json()) as { hubSeq: number; appliedSeq: number; unacked: number };
}

/** The audience messages in the régie's journal (read-only, beside the running core). */
function journalAudience(dataDir: string): { total: number; distinct: number; ids: Set<string> } {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  const ids = db
    .prepare("SELECT json_extract(payload, '$.message.msgId') FROM journal WHERE type = 'audience.received'")
    .pluck()
    .all() as string[];
  db.close();
  return { total: ids.length, distinct: new Set(ids).size, ids: new Set(ids) };
}

/** The régie's outbox, one line a command (for a failure's explanation). */
function outboxLines(dataDir: string): string {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  const rows = db.prepare('SELECT seq, command FROM outbox ORDER BY seq').all() as { seq: number; command: string }[];
  db.close();
  return rows.map((r) => `${r.seq} ${r.command.slice(0, 160)}`).join('\n');
}

function outboxLastSeq(dataDir: string): number {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  const n = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM outbox').pluck().get() as number;
  db.close();
  return n;
}

let cmdN = 0;
const go = (seat: ViewSocket, command: unknown) => send(seat, { id: `fault-${String(cmdN++).padStart(6, '0')}`, command });

async function startRegie(dataDir: string, hubUrl: string): Promise<{ core: CoreProcess; seat: ViewSocket }> {
  const core = await spawnCore(dataDir, ['--hub-url', hubUrl, '--hub-token', TOKEN]);
  kill.push(core.child);
  const seat = connectView(core.port, core.tokens.control);
  closers.push(seat);
  await nextSnapshot(seat);
  return { core, seat };
}

/** Opens the Séquence 1 poll on the phones, through the régie's cue. */
async function openPoll(seat: ViewSocket): Promise<void> {
  await go(seat, {
    type: 'clock.set',
    clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') },
  });
  expect(await go(seat, { type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: true });
}

/** Participants changing their vote again and again: each change is a new audience message. */
async function burst(participants: TestParticipant[], perParticipant: number, onAck: (n: number) => void): Promise<Set<string>> {
  const accepted = new Set<string>();
  await Promise.all(
    participants.map(async (p, i) => {
      for (let k = 0; k < perParticipant; k += 1) {
        const clientMsgId = `v${k}`;
        const choice = (i + k) % 4;
        try {
          const ack = await p.socket
            .timeout(5_000)
            .emitWithAck('poll.vote', { clientMsgId, pollId: 'charge-de-travail', choices: [choice] });
          if (!ack.ok) throw new Error(ack.error.message); // e.g. not joined on a restarted hub
          accepted.add(`${p.participantId}:${clientMsgId}`); // a duplicate was stored before: it counts
          onAck(accepted.size);
        } catch {
          k -= 1; // no answer (the hub restarting): the phone joins again and sends the same message
          await new Promise((r) => setTimeout(r, 100));
          await p.rejoin(5_000).catch(() => undefined);
        }
      }
    }),
  );
  return accepted;
}

describe('the link between the régie and the hub, under faults (real processes)', () => {
  it('the régie killed with SIGKILL during a burst: every accepted message in its journal exactly once', async () => {
    const hub: HubProcess = await spawnHub({ dataDir: tempDir('fault-hub-a'), token: TOKEN, eventCode: CODE, limits });
    kill.push(hub.child);
    const regieDir = tempDir('fault-regie-a');
    let { core, seat } = await startRegie(regieDir, `http://127.0.0.1:${hub.port}`);
    await openPoll(seat);

    const phones = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        TestParticipant.join(hub.port, CODE, { origin: i % 3 ? 'room' : 'remote', participantId: newParticipantId() }),
      ),
    );
    phones.forEach((p) => closers.push(p));
    await until(() => phones.every((p) => p.state?.interaction?.id === 'charge-de-travail'), 'le sondage sur les téléphones');

    let killed = false;
    const accepted = await burst(phones, 60, (n) => {
      if (!killed && n >= 1000) {
        killed = true;
        core.child.kill('SIGKILL');
      }
    });
    expect(killed).toBe(true);
    await core.exited;
    ({ core, seat } = await startRegie(regieDir, `http://127.0.0.1:${hub.port}`));

    const health = await until(async () => {
      const h = await hubHealth(hub.port);
      return h.unacked === 0 ? h : null;
    }, 'la régie a tout reçu');
    const journal = journalAudience(regieDir);
    expect(journal.total).toBe(health.hubSeq); // every message the hub forwarded…
    expect(journal.distinct).toBe(journal.total); // …once
    for (const id of accepted) expect(journal.ids.has(id)).toBe(true);
  });

  it('the hub killed with SIGKILL and restarted during a burst of 5,000 messages: nothing it accepted is lost or doubled', async () => {
    const hubDir = tempDir('fault-hub-c');
    const first = await spawnHub({ dataDir: hubDir, token: TOKEN, eventCode: CODE, limits });
    kill.push(first.child);
    const regieDir = tempDir('fault-regie-c');
    const { seat } = await startRegie(regieDir, `http://127.0.0.1:${first.port}`);
    await openPoll(seat);
    const phones = await Promise.all(
      Array.from({ length: 100 }, () => TestParticipant.join(first.port, CODE, { origin: 'remote', reconnection: true })),
    );
    phones.forEach((p) => closers.push(p));
    await until(() => phones.every((p) => p.state?.interaction?.id === 'charge-de-travail'), 'le sondage sur les téléphones');

    let restarted: Promise<HubProcess> | null = null;
    const accepted = await burst(phones, 50, (n) => {
      if (!restarted && n >= 2000) {
        first.child.kill('SIGKILL');
        restarted = first.exited.then(() => spawnHub({ dataDir: hubDir, token: TOKEN, eventCode: CODE, limits, port: first.port }));
      }
    });
    expect(restarted).not.toBeNull();
    const second = await restarted!;
    kill.push(second.child);
    const health = await until(
      async () => {
        const h = await hubHealth(second.port);
        return h.unacked === 0 && journalAudience(regieDir).total === h.hubSeq ? h : null;
      },
      'la régie a tout reçu',
      60_000,
    );
    const journal = journalAudience(regieDir);
    expect(journal.total).toBe(health.hubSeq);
    expect(journal.distinct).toBe(journal.total);
    for (const id of accepted) expect(journal.ids.has(id)).toBe(true);
    expect(accepted.size).toBe(5000);
  }, 120_000);

  it(`the link cut for ${CUT_SECONDS} s during a poll: votes arrive once, the régie's commands reach the hub in order`, async () => {
    // The proxy is another port on 127.0.0.1: the hub accepts that Host as it would a reverse proxy's.
    const hub = await spawnHub({ dataDir: tempDir('fault-hub-b'), token: TOKEN, eventCode: CODE, limits, publicHosts: ['127.0.0.1'] });
    kill.push(hub.child);
    const proxy = new CutProxy(hub.port);
    await proxy.start();
    closers.push(proxy);
    const regieDir = tempDir('fault-regie-b');
    const { core, seat } = await startRegie(regieDir, `http://127.0.0.1:${proxy.port}`);
    await openPoll(seat);
    const phones = await Promise.all(Array.from({ length: 20 }, () => TestParticipant.join(hub.port, CODE, { origin: 'room' })));
    phones.forEach((p) => closers.push(p));
    await until(() => phones.every((p) => p.state?.interaction?.id === 'charge-de-travail'), 'le sondage sur les téléphones');

    proxy.cut();
    const cutAt = Date.now();
    const accepted = await burst(phones, 20, () => undefined); // the hub keeps taking votes
    // While offline the régie closes the poll and opens the Q&A: both wait in its outbox.
    await new Promise((r) => setTimeout(r, 1100)); // the double-GO guard
    // Earlier than planned: GOs confirmed out of order, as the desk's dialog does.
    expect(await go(seat, { type: 'cue.go', cueId: 'j1-seq1-sondage-fermer', outOfOrder: true })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await go(seat, { type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true })).toMatchObject({ ok: true });
    const expectedSeq = outboxLastSeq(regieDir);
    expect((await hubHealth(hub.port)).appliedSeq).toBeLessThan(expectedSeq);
    await new Promise((r) => setTimeout(r, Math.max(0, CUT_SECONDS * 1000 - (Date.now() - cutAt))));
    proxy.restore();

    // Should this fail (it is rare, under load), say where the link stood: the hub's view, the
    // régie's outbox and the end of the régie's log.
    const explained = async <T>(wait: Promise<T>): Promise<T> => {
      try {
        return await wait;
      } catch (err) {
        const log = join(regieDir, 'logs', 'pupitre.log');
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '(pas de journal)';
        const health = await hubHealth(hub.port).catch(() => null);
        throw new Error(
          `${String(err)}\nhub : ${JSON.stringify(health)}, attendu appliedSeq ${expectedSeq}\nboîte d’envoi :\n${outboxLines(regieDir)}\njournal de la régie :\n${tail}`,
        );
      }
    };
    // Everything the régie sent while offline arrives, in order (then what followed: results, …).
    await explained(until(async () => (await hubHealth(hub.port)).appliedSeq >= expectedSeq, 'les commandes de la régie au hub', 60_000));
    await explained(
      until(
        () => phones[0]!.state?.qa.open && phones[0]!.state.interaction === null,
        'Q&R ouvert et sondage fermé sur les téléphones',
        30_000,
      ),
    );
    const health = await explained(
      until(
        async () => {
          const h = await hubHealth(hub.port);
          return h.unacked === 0 ? h : null;
        },
        'la régie a tout reçu',
        60_000,
      ),
    );
    const journal = journalAudience(regieDir);
    expect(journal.total).toBe(health.hubSeq);
    expect(journal.distinct).toBe(journal.total);
    for (const id of accepted) expect(journal.ids.has(id)).toBe(true);
    // Every phone voted during the cut, while the hub had the poll open: the régie counts them all,
    // although it had closed the poll before their votes reached it.
    const view = connectView(core.port, core.tokens.control);
    closers.push(view);
    const { state } = await nextSnapshot(view);
    const voters = state.audience.tallies['charge-de-travail']?.voters;
    expect((voters?.room ?? 0) + (voters?.remote ?? 0)).toBe(phones.length);
  }, 180_000);
});
