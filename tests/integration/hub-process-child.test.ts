import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildExit } from '../../src/main/hub-process/launcher';
import { type HubToParent, hubToParentSchema } from '../../src/hub/child-messages';
import { nodeHubLauncher } from '../../src/main/hub-process/node-launcher';
import { HubSupervisor } from '../../src/main/hub-process/supervisor';
import { silentLogger } from '../../src/node/log/logger';
import { repoRoot } from './helpers';

/** The hub's process entry (src/hub/child.ts) on its own: its side of the IPC contract. */

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pupitre-hub-child-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const options = (dataDir: string, port = 0) => ({
  dataDir,
  port,
  host: '127.0.0.1',
  regieToken: 'child-test-token-0123456789',
  eventCode: 'ENFANT',
});

/** One child, its messages (validated as the supervisor does) and its end. */
function launch() {
  const child = nodeHubLauncher().launch();
  const messages: HubToParent[] = [];
  const waiters: { test: (m: HubToParent) => boolean; resolve: (m: HubToParent) => void }[] = [];
  child.onMessage((raw) => {
    const m = hubToParentSchema.parse(raw);
    messages.push(m);
    for (const w of waiters.splice(0)) {
      if (w.test(m)) w.resolve(m);
      else waiters.push(w);
    }
  });
  const gone = new Promise<ChildExit>((resolve) => child.onExit(resolve));
  const next = (test: (m: HubToParent) => boolean) =>
    new Promise<HubToParent>((resolve) => {
      const seen = messages.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    });
  return { child, messages, gone, next };
}

describe('the hub process (src/hub/child.ts)', () => {
  it('ignores what does not match the contract, starts on a valid `start`, answers /health, and exits 0 on `stop`', async () => {
    const { child, gone, next } = launch();
    child.send({ type: 'start', options: { ...options(tempDir()), regieToken: 'court' } }); // too short: refused by the schema
    const ignored = await next((m) => m.type === 'log' && m.msg.includes('ignored'));
    expect(ignored).toMatchObject({ type: 'log', level: 'warn' });
    child.send({ type: 'start', options: options(tempDir()) });
    const ready = await next((m) => m.type === 'ready');
    if (ready.type !== 'ready') throw new Error('ready attendu');
    expect(ready.pid).toBe(child.pid);
    const health = (await (await fetch(`http://127.0.0.1:${ready.port}/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    child.send({ type: 'stop' });
    expect(await gone).toEqual({ code: 0, signal: null });
  });

  it('says why it cannot start (a port already taken), and exits', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => {
        const a = blocker.address();
        resolve(typeof a === 'object' && a ? a.port : 0);
      }),
    );
    try {
      const { child, gone, next } = launch();
      child.send({ type: 'start', options: options(tempDir(), port) });
      expect(await next((m) => m.type === 'failed')).toMatchObject({
        type: 'failed',
        code: 'start_failed',
        message: expect.stringMatching(/déjà utilisé/),
      });
      expect((await gone).code).toBe(1);
    } finally {
      blocker.close();
    }
  });

  const built = join(repoRoot, 'out', 'main', 'hub.js');
  it.skipIf(!existsSync(built))('the built entry (out/main/hub.js, what Electron runs) works under the same supervisor', async () => {
    const hub = await HubSupervisor.start({ launcher: nodeHubLauncher({ entry: built }), start: options(tempDir()), logger: silentLogger });
    const health = (await (await fetch(`http://127.0.0.1:${hub.port}/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const pid = hub.pid!;
    await hub.close();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
