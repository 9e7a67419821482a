import { describe, expect, it } from 'vitest';
import type { Logger } from '../../node/log/logger';
import { DatabaseTooNewError } from '../../node/sqlite/database';
import type { HubProcessState } from './embedded-hub';
import type { ChildExit, HubChild, HubLauncher } from './launcher';
import type { HubStartOptions, ParentToHub } from '../../hub';
import { HubSupervisor } from './supervisor';

/** A hub process that the test drives: what it was sent, and what it answers. */
class FakeChild implements HubChild {
  readonly sent: ParentToHub[] = [];
  killed = 0;
  private messages: ((raw: unknown) => void)[] = [];
  private outputs: ((line: string) => void)[] = [];
  private exits: ((e: ChildExit) => void)[] = [];
  private exited: ChildExit | null = null;
  constructor(
    readonly pid: number,
    private readonly onSend: (child: FakeChild, m: ParentToHub) => void,
  ) {}
  send(message: ParentToHub): void {
    this.sent.push(message);
    queueMicrotask(() => this.onSend(this, message));
  }
  onMessage(l: (raw: unknown) => void): void {
    this.messages.push(l);
  }
  onOutput(l: (line: string) => void): void {
    this.outputs.push(l);
  }
  onExit(l: (e: ChildExit) => void): void {
    if (this.exited) l(this.exited);
    else this.exits.push(l);
  }
  kill(): void {
    this.killed += 1;
    this.exit({ code: null, signal: 'SIGKILL' });
  }
  say(raw: unknown): void {
    this.messages.forEach((l) => l(raw));
  }
  print(line: string): void {
    this.outputs.forEach((l) => l(line));
  }
  exit(e: ChildExit): void {
    if (this.exited) return;
    this.exited = e;
    this.exits.forEach((l) => l(e));
  }
  get alive(): boolean {
    return this.exited === null;
  }
}

type Behaviour = (child: FakeChild, m: ParentToHub) => void;

/** Answers `start` with ready on the port asked (or 5000 for 0), and `stop` with a clean exit. */
const healthy: Behaviour = (child, m) => {
  if (m.type === 'start') {
    const port = m.options.port || 5000;
    child.say({
      type: 'ready',
      pid: child.pid,
      port,
      host: '127.0.0.1',
      hubId: 'hub-1',
      dbPath: '/x/hub.sqlite3',
      urls: [`http://127.0.0.1:${port}/`],
    });
  } else child.exit({ code: 0, signal: null });
};

function fakeLauncher(behaviours: Behaviour[] = []) {
  const children: FakeChild[] = [];
  const launcher: HubLauncher = {
    kind: 'fake',
    launch() {
      const child = new FakeChild(1000 + children.length, behaviours[children.length] ?? healthy);
      children.push(child);
      return child;
    },
  };
  return { launcher, children };
}

function memoryLogger() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, msg, ...(fields ? { fields } : {}) });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

const start: HubStartOptions = { dataDir: '/data', port: 0, host: '127.0.0.1', regieToken: 'a-token-of-20-chars!', eventCode: 'NANTES' };
const policy = { baseMs: 20, capMs: 80, stableAfterMs: 60_000, stormCount: 3, stormWindowMs: 60_000 };

/** Resolves at the first state change that satisfies `test`. */
function changes() {
  let waiters: { test: (s: HubProcessState) => boolean; resolve: (s: HubProcessState) => void }[] = [];
  const onChange = (s: HubProcessState) => {
    waiters = waiters.filter((w) => (w.test(s) ? (w.resolve(s), false) : true));
  };
  const until = (test: (s: HubProcessState) => boolean) => new Promise<HubProcessState>((resolve) => waiters.push({ test, resolve }));
  return { onChange, until };
}

describe('HubSupervisor', () => {
  it('starts the hub with its options over IPC and takes its port and id from « ready »', async () => {
    const { launcher, children } = fakeLauncher();
    const { logger } = memoryLogger();
    const hub = await HubSupervisor.start({ launcher, start, logger, policy });
    expect(children[0]!.sent[0]).toEqual({ type: 'start', options: start });
    expect(hub.port).toBe(5000);
    expect(hub.hubId).toBe('hub-1');
    expect(hub.pid).toBe(1000);
    expect(hub.state()).toMatchObject({ running: true, restarts: 0, exits: 0, storm: false });
    await hub.close();
    expect(children[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    expect(children[0]!.killed).toBe(0);
  });

  it('rejects a start the hub refuses, with its reason (the base too new: the core’s own error), and leaves nothing running', async () => {
    const refuse: Behaviour = (child, m) => {
      if (m.type !== 'start') return;
      child.say({
        type: 'failed',
        code: 'start_failed',
        message: 'le port 4871 est déjà utilisé sur 0.0.0.0 : choisissez-en un autre (--port)',
      });
    };
    const { launcher, children } = fakeLauncher([refuse]);
    await expect(HubSupervisor.start({ launcher, start, logger: memoryLogger().logger, policy })).rejects.toThrow(/déjà utilisé/);
    expect(children[0]!.alive).toBe(false);
    expect(children).toHaveLength(1); // not restarted

    const tooNew: Behaviour = (child, m) => {
      if (m.type === 'start')
        child.say({ type: 'failed', code: 'db_too_new', message: 'trop récente', tooNew: { path: '/x/hub.sqlite3', found: 9, known: 3 } });
    };
    const again = fakeLauncher([tooNew]);
    await expect(HubSupervisor.start({ launcher: again.launcher, start, logger: memoryLogger().logger, policy })).rejects.toBeInstanceOf(
      DatabaseTooNewError,
    );
  });

  it('rejects a hub that dies before « ready », or never answers, with what it printed', async () => {
    const crash: Behaviour = (child) => {
      child.print('Error: Cannot find module better-sqlite3');
      child.exit({ code: 1, signal: null });
    };
    const { launcher } = fakeLauncher([crash]);
    await expect(HubSupervisor.start({ launcher, start, logger: memoryLogger().logger, policy })).rejects.toThrow(/code 1.*better-sqlite3/);

    const mute = fakeLauncher([() => {}]);
    await expect(
      HubSupervisor.start({ launcher: mute.launcher, start, logger: memoryLogger().logger, policy, readyTimeoutMs: 50 }),
    ).rejects.toThrow(/n’a pas démarré/);
    expect(mute.children[0]!.killed).toBeGreaterThan(0);
    expect(mute.children[0]!.alive).toBe(false);
  });

  it('ignores what does not match the contract, and writes the hub’s log lines into the régie’s', async () => {
    const chatty: Behaviour = (child, m) => {
      child.say({ type: 'ready', port: 'huit' });
      child.say('n’importe quoi');
      child.say({ type: 'log', level: 'info', msg: 'régie connected', fields: { address: '127.0.0.1' } });
      child.say({ type: 'log', level: 'shout', msg: 'x' });
      healthy(child, m);
    };
    const { launcher } = fakeLauncher([chatty]);
    const { logger, lines } = memoryLogger();
    const hub = await HubSupervisor.start({ launcher, start, logger, policy });
    expect(hub.port).toBe(5000);
    expect(lines.filter((l) => l.msg.includes('ignored'))).toHaveLength(3);
    expect(lines).toContainEqual({ level: 'info', msg: '[hub] régie connected', fields: { address: '127.0.0.1' } });
    await hub.close();
  });

  it('restarts a hub that dies, at once, on the port it had, and says so', async () => {
    const { launcher, children } = fakeLauncher();
    const { logger, lines } = memoryLogger();
    const { onChange, until } = changes();
    let restarted = 0;
    const hub = await HubSupervisor.start({ launcher, start, logger, policy, onChange, onRestarted: () => (restarted += 1) });
    const down = until((s) => !s.running);
    const back = until((s) => s.running && s.restarts === 1);
    children[0]!.exit({ code: null, signal: 'SIGKILL' });
    expect(await down).toMatchObject({ running: false, pid: null, exits: 1, lastExit: { reason: 'tué (SIGKILL)' } });
    const s = await back;
    expect(children).toHaveLength(2);
    expect(children[1]!.sent[0]).toEqual({ type: 'start', options: { ...start, port: 5000 } }); // the same port, not 0
    expect(s).toMatchObject({ pid: 1001, port: 5000, exits: 1, storm: false });
    expect(restarted).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['hub process died', 'hub process restarted']));
    expect(lines.find((l) => l.msg === 'hub process died')?.fields).toMatchObject({ how: 'tué (SIGKILL)', restartInMs: 0 });
    await hub.close();
  });

  it('backs off when it keeps dying (doubling, capped), calls it a storm, and keeps trying', async () => {
    const crashOnStart: Behaviour = (child, m) => {
      if (m.type === 'start') child.exit({ code: 1, signal: null });
    };
    // Starts, then the next four launches die at once, then it holds.
    const { launcher, children } = fakeLauncher([healthy, crashOnStart, crashOnStart, crashOnStart, crashOnStart]);
    const { logger, lines } = memoryLogger();
    const seen: HubProcessState[] = [];
    const { onChange, until } = changes();
    const hub = await HubSupervisor.start({ launcher, start, logger, policy, onChange: (s) => (seen.push(s), onChange(s)) });
    const back = until((s) => s.running && s.restarts === 1);
    children[0]!.exit({ code: null, signal: 'SIGKILL' });
    const s = await back;
    expect(children).toHaveLength(6);
    const waits = seen.filter((x) => x.nextRestartAt !== null && x.lastExit).map((x) => x.nextRestartAt! - x.lastExit!.at);
    expect(waits).toEqual([0, 20, 40, 80, 80]);
    expect(seen.some((x) => x.storm)).toBe(true);
    expect(lines.filter((l) => l.msg === 'hub restart storm')).toHaveLength(1);
    expect(s).toMatchObject({ exits: 5, recentExits: 5, storm: true, pid: 1005 });
    await hub.close();
  });

  it('on close: « stop », then SIGKILL if the hub has not gone in time; nothing restarts it', async () => {
    const deaf: Behaviour = (child, m) => {
      if (m.type === 'start') healthy(child, m);
    };
    const { launcher, children } = fakeLauncher([deaf]);
    const { logger, lines } = memoryLogger();
    const hub = await HubSupervisor.start({ launcher, start, logger, policy, stopTimeoutMs: 30 });
    await hub.close();
    expect(children[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    expect(children[0]!.killed).toBe(1);
    expect(lines.some((l) => l.msg === 'hub process did not stop in time: killed')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(children).toHaveLength(1);
    expect(hub.state()).toMatchObject({ running: false, pid: null });
  });

  it('closed while a restart waits (backoff): no new process, nothing sent to the dead one', async () => {
    const { launcher, children } = fakeLauncher();
    const { onChange, until } = changes();
    const hub = await HubSupervisor.start({
      launcher,
      start,
      logger: memoryLogger().logger,
      policy: { ...policy, baseMs: 10_000 },
      onChange,
    });
    const back = until((s) => s.running && s.restarts === 1);
    children[0]!.exit({ code: 1, signal: null });
    await back;
    const waiting = until((s) => !s.running && s.nextRestartAt !== null);
    children[1]!.exit({ code: 1, signal: null }); // the second in a row: waits 10 s
    await waiting;
    await hub.close();
    await new Promise((r) => setTimeout(r, 30));
    expect(children).toHaveLength(2);
    expect(children[1]!.sent).toEqual([{ type: 'start', options: { ...start, port: 5000 } }]);
  });
});
