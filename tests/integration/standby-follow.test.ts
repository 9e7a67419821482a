import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildState } from '../../src/main/engine/regie-engine';
import { Journal, type JournalRow } from '../../src/main/store/journal';
import { viewState } from '../../src/main/server/view-channel';
import type { StandbyStatus } from '../../src/shared/api/channel';
import { CutProxy } from './cut-proxy';
import { connectError, connectView, nextSnapshot, send, spawnCore, type CoreProcess, type ViewSocket } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'pupitre-standby-'));
const cores: CoreProcess[] = [];
afterAll(() => {
  cores.forEach((c) => c.child.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

async function start(name: string, args: string[] = []): Promise<CoreProcess> {
  const core = await spawnCore(join(dir, name), args);
  cores.push(core);
  return core;
}

const followArgs = (primary: CoreProcess) => [
  '--follow',
  `http://127.0.0.1:${primary.port}`,
  '--follow-token',
  primary.followToken,
  '--no-hub',
];

async function health(core: CoreProcess): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${core.port}/health`);
  return ((await r.json()) as { seq: number }).seq;
}

/** Waits for a signal (a seq reached, a status seen), polling every 20 ms, for at most `ms`. */
async function until(what: string, test: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The standby status a desk of this core sees now. */
function watchStandby(desk: ViewSocket): { current: StandbyStatus | null; seen: StandbyStatus[] } {
  const box: { current: StandbyStatus | null; seen: StandbyStatus[] } = { current: null, seen: [] };
  const take = (s: StandbyStatus | undefined) => {
    if (!s) return;
    box.current = s;
    box.seen.push(s);
  };
  desk.on('snapshot', (s) => take(s.status.standby));
  desk.on('status', (s) => take(s.standby));
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

function rebuiltView(dataDir: string) {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true });
  try {
    return viewState(rebuildState(new Journal(db), null).state);
  } finally {
    db.close();
  }
}

const note = (id: string) => ({ id, command: { type: 'log.note', text: `note ${id}` } });

describe('a second régie on hot standby', () => {
  it('copies the journal exactly, refuses commands with the reason, and acknowledges only after its commit', async () => {
    const primary = await start('a');
    const primaryDesk = connectView(primary.port, primary.tokens.control);
    const primaryStandby = watchStandby(primaryDesk);
    await nextSnapshot(primaryDesk);
    expect(primaryStandby.current).toMatchObject({ role: 'primary', state: 'none' });
    // Alone: the answer says so.
    const alone = await send(primaryDesk, note('alone-one'));
    expect(alone, JSON.stringify(alone)).toMatchObject({ ok: true, standby: 'alone' });

    const follower = await start('b', followArgs(primary));
    await until('the follower to catch up', async () => (await health(follower)) === (await health(primary)));
    // The follower copied the primary's seats with their tokens: the primary's régie token opens its desk; its own first ones are void.
    expect(await connectError(connectView(follower.port, follower.tokens.control))).toMatchObject({ message: 'jeton invalide' });
    const followerDesk = connectView(follower.port, primary.tokens.control);
    const followerStandby = watchStandby(followerDesk);
    await nextSnapshot(followerDesk);
    await until('the primary to see its standby up to date', () => primaryStandby.current?.state === 'synced');
    await until('the follower to say it follows', () => followerStandby.current?.state === 'following');
    expect(followerStandby.current).toMatchObject({ role: 'follower', peer: `http://127.0.0.1:${primary.port}`, peerViews: `http://127.0.0.1:${primary.port}` });
    expect(primaryStandby.current?.peerViews).toBe(`http://127.0.0.1:${follower.port}`);

    // Every command acknowledged « mirrored » is already in the standby's journal when the desk hears it.
    for (let i = 0; i < 30; i++) {
      const r = await send(primaryDesk, note(`mirrored-${i}`));
      expect(r).toMatchObject({ ok: true, standby: 'mirrored' });
      if (r.ok) expect(await health(follower)).toBeGreaterThanOrEqual(r.seq);
    }

    // The follower's desk: everything read-only, every command refused with the reason, nothing written.
    const before = await health(follower);
    const refused = await send(followerDesk, { id: 'take-on-the-follower', command: { type: 'program.take' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).toContain('Régie de secours');
    expect(await health(follower)).toBe(before);

    // A restart of the follower resumes from its own last seq: no gap, no repeat.
    followerDesk.close();
    await follower.stop();
    for (let i = 0; i < 20; i++) await send(primaryDesk, note(`while-away-${i}`));
    const again = await start('b', followArgs(primary));
    await until('the restarted follower to catch up', async () => (await health(again)) === (await health(primary)));
    primaryDesk.close();
    await Promise.all([again.stop(), primary.stop()]);

    const a = journalOf(join(dir, 'a'));
    const b = journalOf(join(dir, 'b'));
    expect(b.length).toBe(a.length);
    expect(b).toEqual(a);
    expect(b.map((r) => r.seq)).toEqual(b.map((_, i) => i + 1));
    // The follower's state is what a fresh rebuild of its journal gives, and the primary's.
    expect(rebuiltView(join(dir, 'b'))).toEqual(rebuiltView(join(dir, 'a')));
  }, 90_000);

  it('refuses loudly a follower whose journal differs at the same seq, and merges nothing', async () => {
    const primary = await start('c');
    // A régie that led on its own (its own demo): same seqs, other events.
    const other = await start('d');
    await other.stop();
    const seqBefore = journalOf(join(dir, 'd')).length;
    const follower = await start('d', followArgs(primary));
    const desk = connectView(follower.port, follower.tokens.control);
    const standby = watchStandby(desk);
    await until('the refusal', () => standby.current?.state === 'refused');
    expect(standby.current?.lastError).toMatch(/pas les mêmes journaux|va plus loin/);
    desk.close();
    await Promise.all([follower.stop(), primary.stop()]);
    expect(journalOf(join(dir, 'd')).length).toBe(seqBefore);
  }, 60_000);

  it('goes on alone while the link is cut, says so, and the standby catches up once it is back', async () => {
    const primary = await start('e');
    const lan = new CutProxy(primary.port, { rewriteHost: true });
    await lan.start();
    const follower = await start('f', ['--follow', `http://127.0.0.1:${lan.port}`, '--follow-token', primary.followToken, '--no-hub']);
    const desk = connectView(primary.port, primary.tokens.control);
    const standby = watchStandby(desk);
    await nextSnapshot(desk);
    await until('the standby up to date', () => standby.current?.state === 'synced');
    expect(await send(desk, note('before-the-cut'))).toMatchObject({ ok: true, standby: 'mirrored' });

    lan.cut();
    await until('the primary to say it has no standby', () => standby.current?.state === 'none');
    const during: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await send(desk, note(`during-the-cut-${i}`));
      // Acknowledged by the primary alone, and the desk said so at that moment.
      expect(r).toMatchObject({ ok: true, standby: 'alone' });
      expect(standby.current?.state).toBe('none');
      during.push(`during-the-cut-${i}`);
    }
    const followerSeqDuring = await health(follower);
    expect(followerSeqDuring).toBeLessThan(await health(primary));
    await new Promise((r) => setTimeout(r, 3_000)); // the cut lasts a while

    lan.restore();
    await until('the standby caught up', async () => (await health(follower)) === (await health(primary)));
    await until('the primary to see it up to date again', () => standby.current?.state === 'synced');
    expect(standby.seen.some((s) => s.state === 'lagging' || s.state === 'synced')).toBe(true);
    expect(await send(desk, note('after-the-cut'))).toMatchObject({ ok: true, standby: 'mirrored' });
    desk.close();
    await Promise.all([follower.stop(), primary.stop()]);
    await lan.close();
    const a = journalOf(join(dir, 'e'));
    expect(journalOf(join(dir, 'f'))).toEqual(a);
    for (const id of during) expect(a.filter((r) => r.commandId === id)).toHaveLength(1);
  }, 90_000);
});
