import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildState } from '../../src/main/engine/regie-engine';
import { stateForSeat } from '../../src/main/server/view-channel';
import { Journal, type JournalRow } from '../../src/main/store/journal';
import { runSimulation } from '../../src/hub/simulator/simulator';
import { spawnHub, type HubProcess } from '../../src/hub/testing/spawn-hub';
import type { CoreStatus, Snapshot, StandbyStatus } from '../../src/shared/api/channel';
import { io } from 'socket.io-client';
import { type CoreSocket, RegieLink } from '../../src/renderer/lib/regie-link';
import { CutProxy } from './cut-proxy';
import { connectView, nextSnapshot, send, spawnCore, type ViewSocket } from './helpers';

const TOKEN = 'standby-takeover-token-0123456789';
const CODE = 'SECOURS';
const POLL = 'poll-secours';
const dir = mkdtempSync(join(tmpdir(), 'pupitre-takeover-'));
const children: { kill: (s: NodeJS.Signals) => void }[] = [];
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

async function until(what: string, test: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function hubStats(hub: HubProcess): Promise<{ hubSeq: number; unacked: number; regieConnected: boolean; appliedSeq: number }> {
  const r = await fetch(`http://127.0.0.1:${hub.port}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return (await r.json()) as { hubSeq: number; unacked: number; regieConnected: boolean; appliedSeq: number };
}

function standbyOf(desk: ViewSocket): { current: StandbyStatus | null } {
  const box: { current: StandbyStatus | null } = { current: null };
  desk.on('snapshot', (s) => (box.current = s.status.standby ?? null));
  desk.on('status', (s) => (box.current = s.standby ?? null));
  return box;
}

function journalOf(dataDir: string): JournalRow[] {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true });
  try {
    return [...new Journal(db).readAfter(0)];
  } finally {
    db.close();
  }
}

describe('taking over from a primary killed mid-burst', () => {
  it('keeps every mirrored command and every audience message the hub acknowledged, exactly once; the old primary is fenced off', async () => {
    const hub = await spawnHub({
      dataDir: join(dir, 'hub'),
      token: TOKEN,
      eventCode: CODE,
      limits: { addressRate: { perSecond: 1e6, burst: 1e6 } },
    });
    children.push(hub.child);
    const hubArgs = ['--hub-url', `http://127.0.0.1:${hub.port}`, '--hub-token', TOKEN];
    const primary = await spawnCore(join(dir, 'primary'), hubArgs);
    children.push(primary.child);
    // A slow network between the two régies (40 ms each way): an answer the desk gets before the
    // standby's acknowledgement could come back would show here as a command lost at the kill.
    const lan = new CutProxy(primary.port, { delayMs: 40, rewriteHost: true });
    await lan.start();
    const follower = await spawnCore(join(dir, 'standby'), [
      '--follow',
      `http://127.0.0.1:${lan.port}`,
      '--follow-token',
      primary.followToken,
      ...hubArgs,
    ]);
    children.push(follower.child);

    const desk = connectView(primary.port, primary.tokens.control);
    const primaryStandby = standbyOf(desk);
    await nextSnapshot(desk);
    const open = await send(desk, {
      id: 'standby-poll-open',
      command: {
        type: 'interaction.create',
        open: true,
        interaction: {
          kind: 'poll',
          id: POLL,
          type: 'single',
          question: 'Tenir ?',
          options: ['Oui', 'Non'],
          hideResultsUntilReveal: false,
        },
      },
    });
    expect(open.ok).toBe(true);
    await until('the poll open at the hub', async () => (await hubStats(hub)).appliedSeq >= 1);
    await until('the standby up to date', () => primaryStandby.current?.state === 'synced');

    // A view opened on the primary (the desk's own connection layer, as a page of the primary's origin would run it).
    const home = `http://127.0.0.1:${primary.port}`;
    const followerViews = `http://127.0.0.1:${follower.port}`;
    const viewed: { at: string; epoch: number | undefined; role: string | undefined }[] = [];
    const view = new RegieLink({
      home,
      auth: { token: primary.tokens.control },
      isStatus: (x): x is CoreStatus => typeof x === 'object' && x !== null && 'link' in x,
      open: (address, auth) =>
        io(address, { auth, transports: ['websocket'], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1_000, extraHeaders: { Origin: home } }) as CoreSocket,
      handlers: {
        snapshot: (s) => viewed.push({ at: view.current, epoch: s.status.standby?.epoch, role: s.status.standby?.role }),
        patch: () => undefined,
        status: () => undefined,
        presence: () => undefined,
        connection: () => undefined,
      },
    });
    await until('the view on the primary', () => viewed.some((v) => v.at === home));
    expect(primaryStandby.current?.peerViews).toBe(followerViews);

    // The audience votes (the simulator) while the desk sends commands; the primary dies mid-burst.
    const accepted = new Set<string>();
    const lastVote = new Map<string, string>();
    const abort = new AbortController();
    const simulation = runSimulation(
      {
        url: `http://127.0.0.1:${hub.port}`,
        eventCode: CODE,
        participants: 60,
        roomShare: 0,
        joinPerSecond: 300,
        questionsPerMinute: 0,
        votesPerSecond: 150,
        wordsPerSecond: 0,
        upvotesPerSecond: 0,
        changeShare: 0.3,
        durationSeconds: 8,
        seed: 7,
        ackTimeoutMs: 5_000,
        json: false,
      },
      {
        signal: abort.signal,
        onAccepted: (m) => {
          // The same vote again is acknowledged and stored nowhere (src/hub/admit.ts: nothing new to carry).
          const key = JSON.stringify(m.body.choices);
          if (lastVote.get(m.participantId) === key) return;
          lastVote.set(m.participantId, key);
          accepted.add(`${m.participantId}:${m.clientMsgId}`);
        },
      },
    );
    const mirrored = new Set<string>();
    let alone = 0;
    let killed = false;
    let n = 0;
    await new Promise<void>((resolve) => {
      const next = () => {
        if (killed) return;
        const id = `standby-note-${String(n++).padStart(5, '0')}`;
        send(desk, { id, command: { type: 'log.note', text: id } }).then(
          (r) => {
            if (killed) return;
            if (r.ok && r.standby === 'mirrored') mirrored.add(id);
            else if (r.ok) alone += 1;
            if (mirrored.size >= 150 && accepted.size >= 150) {
              killed = true;
              primary.child.kill('SIGKILL');
              resolve();
            } else next();
          },
          () => undefined,
        );
      };
      for (let w = 0; w < 8; w++) next();
    });
    await primary.exited;
    desk.close();
    await simulation; // the hub goes on taking votes with no régie: they wait in its backlog
    abort.abort();
    expect(mirrored.size).toBeGreaterThanOrEqual(150);

    // « Prendre la main » (the Stream Deck's route; the desk's button calls the same).
    const refusedWithout = await fetch(`http://127.0.0.1:${follower.port}/api/remote/take-over`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.tokens.control}` },
    });
    expect(refusedWithout.status).toBe(400);
    const t0 = Date.now();
    const took = await fetch(`http://127.0.0.1:${follower.port}/api/remote/take-over?confirm=prendre-la-main`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.tokens.control}` },
    });
    expect(await took.json()).toEqual({ ok: true, epoch: 1 });
    // The primary's seats were copied with their tokens: its régie token opens the new primary's desk.
    const followerDesk = connectView(follower.port, primary.tokens.control);
    await nextSnapshot(followerDesk);
    const first = await send(followerDesk, { id: 'after-take-over', command: { type: 'log.note', text: 'la secours mène' } });
    expect(first.ok).toBe(true);
    const tookMs = Date.now() - t0;

    // The view that was open on the primary moved by itself to the follower, at the new epoch, and drives it.
    await until('the primary’s view on the new primary', () => view.current === followerViews && view.highestEpoch === 1 && view.obeysCurrent()).catch(
      (err: Error) => {
        throw new Error(`${err.message}: ${JSON.stringify({ current: view.current, highest: view.highestEpoch, obeys: view.obeysCurrent(), last: viewed.slice(-3) })}`);
      },
    );
    expect(viewed.at(-1)?.at).toBe(followerViews);
    const driven = (await view.socket()!.timeout(10_000).emitWithAck('command', {
      id: 'from-the-moved-view',
      command: { type: 'log.note', text: 'la vue de la principale pilote la secours' },
    })) as { ok: boolean };
    expect(driven.ok).toBe(true);
    await until('the hub backlog drained into the new primary', async () => {
      const s = await hubStats(hub);
      return s.regieConnected && s.unacked === 0;
    });
    const finalSnapshot = await new Promise<Snapshot>((res) => {
      followerDesk.once('snapshot', res);
      followerDesk.emit('resync');
    });
    followerDesk.close();

    // The old primary comes back: the hub refuses it (a lower epoch), its desk says why, it acts no more.
    const comeback = await spawnCore(join(dir, 'primary'), hubArgs);
    children.push(comeback.child);
    const oldDesk = connectView(comeback.port, comeback.tokens.control);
    const oldStandby = standbyOf(oldDesk);
    await nextSnapshot(oldDesk);
    await until('the old primary fenced off', () => oldStandby.current?.role === 'fenced');
    expect(oldStandby.current?.lastError).toContain('une autre régie a pris la main');
    const fenced = await send(oldDesk, { id: 'old-primary-take', command: { type: 'program.take' } });
    expect(fenced.ok).toBe(false);
    if (!fenced.ok) expect(fenced.error.message).toContain('Une autre régie a pris la main');
    oldDesk.close();
    // The old primary is back at epoch 0: the moved view stays on the régie at epoch 1.
    expect(view.current).toBe(followerViews);
    view.close();
    await comeback.stop();
    await follower.stop();
    await lan.close();

    const rows = journalOf(join(dir, 'standby'));
    const count = new Map<string, number>();
    for (const r of rows) if (r.commandId !== null) count.set(r.commandId, (count.get(r.commandId) ?? 0) + 1);
    // Every command acknowledged « mirrored » before the kill: in the standby's journal, once.
    for (const id of mirrored) expect(count.get(id), id).toBe(1);
    expect(count.get('from-the-moved-view')).toBe(1);
    // Every vote the hub acknowledged to a phone: journaled once (before the kill by the copy, after it from the hub's backlog).
    const missing = [...accepted].filter((msgId) => count.get(`aud:${msgId}`) !== 1);
    const audience = rows.filter((r) => r.type === 'audience.received').length;
    expect(
      missing,
      `${missing.length} of ${accepted.size} missing (${audience} audience rows; ${alone} commands acked alone): ${missing.slice(0, 3).join(', ')}`,
    ).toEqual([]);
    expect(rows.filter((r) => r.type === 'epoch.begun')).toHaveLength(1);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    // The standby's state is what a fresh rebuild of its journal gives.
    const db = new Database(join(dir, 'standby', 'pupitre.sqlite3'), { readonly: true });
    const rebuilt = rebuildState(new Journal(db), null).state;
    db.close();
    expect(finalSnapshot.state).toEqual(stateForSeat(rebuilt, finalSnapshot.seat));
    console.log(
      `take-over: ${mirrored.size} commands mirrored, ${alone} acknowledged alone, ${accepted.size} votes accepted by the hub; key press → first command accepted ${tookMs} ms`,
    );
  }, 120_000);
});
