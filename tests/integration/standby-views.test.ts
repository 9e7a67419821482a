import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { CoreStatus } from '../../src/shared/api/channel';
import { afterAll, describe, expect, it } from 'vitest';
import { type CoreSocket, RegieLink } from '../../src/renderer/lib/regie-link';
import { type CoreProcess, spawnCore } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'pupitre-standby-views-'));
const cores: CoreProcess[] = [];
afterAll(async () => {
  await Promise.all(cores.map((c) => c.stop().catch(() => undefined)));
  rmSync(dir, { recursive: true, force: true });
});

async function until(what: string, test: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A view as a page of `home` runs it: the desk's own connection layer, the page's origin on every link. */
function openView(home: string, token: string) {
  const seen: { at: string; epoch: number | undefined; role: string | undefined; seq: number }[] = [];
  const connection: string[] = [];
  const peers: (string | null | undefined)[] = [];
  const view: RegieLink = new RegieLink({
    home,
    auth: { token },
    isStatus: (x): x is CoreStatus => typeof x === 'object' && x !== null && 'link' in x,
    open: (address, auth) =>
      io(address, {
        auth,
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 1_000,
        extraHeaders: { Origin: home },
      }) as CoreSocket,
    handlers: {
      snapshot: (s) => {
        seen.push({ at: view.current, epoch: s.status.standby?.epoch, role: s.status.standby?.role, seq: s.seq });
        peers.push(s.status.standby?.peerViews);
      },
      patch: () => undefined,
      status: (st) => peers.push(st.standby?.peerViews),
      presence: () => undefined,
      connection: (c) => connection.push(c),
    },
  });
  return { view, seen, connection, peers };
}

describe('views and seats on two régies', () => {
  it('a desk open on the primary moves by itself to the follower once it takes over, with the same token, and drives it', async () => {
    const primary = await spawnCore(join(dir, 'a'), ['--no-hub']);
    cores.push(primary);
    const follower = await spawnCore(join(dir, 'b'), [
      '--follow',
      `http://127.0.0.1:${primary.port}`,
      '--follow-token',
      primary.followToken,
      '--no-hub',
    ]);
    cores.push(follower);
    const home = `http://127.0.0.1:${primary.port}`;
    const other = `http://127.0.0.1:${follower.port}`;
    const { view, seen, peers } = openView(home, primary.tokens.control);
    await until('the view on the primary, knowing the follower', () => seen.some((s) => s.at === home) && view.current === home);
    // The follower copied the seats (with the journal's end): the primary's output token opens its output.
    const seqOf = async (port: number) => ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { seq: number }).seq;
    const deadline = Date.now() + 20_000;
    while ((await seqOf(follower.port)) !== (await seqOf(primary.port)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const desk = openView(other, primary.tokens.output);
    await until('an output opened on the follower, with the primary’s output token', () =>
      desk.seen.some((s) => s.at === other && s.role === 'follower'),
    );

    // The view has heard where the standby is (its régie's status names it) before the primary dies.
    await until('the view told the standby’s address', () => peers.includes(other));
    primary.child.kill('SIGKILL');
    await primary.exited;
    // The follower answers, read-only: the view shows it (the same state) while no régie leads.
    await until('the view on the follower', () => view.current === other && view.obeysCurrent(), 15_000).catch((err: Error) => {
      throw new Error(
        `${err.message}: ${JSON.stringify({ current: view.current, obeys: view.obeysCurrent(), seen: seen.slice(-2), peers: peers.slice(-3) })}`,
      );
    });
    const refused = (await view
      .socket()!
      .timeout(10_000)
      .emitWithAck('command', { id: 'while-following', command: { type: 'program.take' } })) as {
      ok: boolean;
    };
    expect(refused.ok).toBe(false);

    // « Prendre la main » from the moved page: a cross-origin request from the primary's origin, preflighted.
    const preflight = await fetch(`${other}/api/remote/take-over?confirm=prendre-la-main`, {
      method: 'OPTIONS',
      headers: { Origin: home, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(home);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const stranger = await fetch(`${other}/api/remote/take-over`, { method: 'OPTIONS', headers: { Origin: 'http://10.9.9.9:4870' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const took = await fetch(`${other}/api/remote/take-over?confirm=prendre-la-main`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.tokens.control}`, Origin: home },
    });
    expect(took.headers.get('access-control-allow-origin')).toBe(home);
    expect(await took.json()).toEqual({ ok: true, epoch: 1 });
    await until('the view at epoch 1', () => view.highestEpoch === 1 && view.obeysCurrent(), 10_000);
    const driven = (await view
      .socket()!
      .timeout(10_000)
      .emitWithAck('command', {
        id: 'from-the-moved-view',
        command: { type: 'log.note', text: 'la vue de la principale pilote la secours' },
      })) as { ok: boolean };
    expect(driven).toMatchObject({ ok: true });
    // The output opened on the follower never moved.
    expect(desk.view.current).toBe(other);
    view.close();
    desk.view.close();
  }, 90_000);
});
