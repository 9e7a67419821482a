import type { Logger } from '../../node/log/logger';
import { DatabaseTooNewError } from '../../node/sqlite/database';
import type { EmbeddedHub, HubProcessState } from './embedded-hub';
import { HubLog } from './hub-log';
import type { ChildExit, HubChild, HubLauncher } from './launcher';
import { type HubFailed, type HubReady, type HubStartOptions, hubToParentSchema } from '../../hub';
import { DEFAULT_RESTART_POLICY, isStorm, recentExits, restartDelay, type RestartPolicy } from './restart-policy';

export interface SupervisorOptions {
  launcher: HubLauncher;
  /** What the hub starts with; a restart reuses it on the port the first start got. */
  start: HubStartOptions;
  logger: Logger;
  policy?: RestartPolicy;
  /** A hub that has not said « ready » by then is killed (and, after the first start, tried again). */
  readyTimeoutMs?: number;
  /** On close, how long the hub has to close itself before it is killed. */
  stopTimeoutMs?: number;
  now?: () => number;
  onChange?: (state: HubProcessState) => void;
  /** A restarted hub is listening again (the régie's link can reconnect at once). */
  onRestarted?: () => void;
}

/** « tué (SIGKILL) », « code 1 »: how a process ended, for the log and the desk. */
export function describeExit(exit: ChildExit): string {
  if (exit.signal) return `tué (${exit.signal})`;
  return exit.code === null ? 'fin inconnue' : `code ${exit.code}`;
}

interface Launched {
  child: HubChild;
  ready: Promise<HubReady>;
  gone: Promise<ChildExit>;
  /** Set once the process has ended. */
  exit: ChildExit | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * The embedded hub in its own process, kept alive: started once (the core waits for its « ready »),
 * restarted when it dies (at once, then with a capped backoff; a storm is logged and shown on the
 * desk through the link status), always on the same port and the same hub.sqlite3, so that phones
 * and the régie's link reconnect and resume by themselves. Closed cleanly with the core: « stop »,
 * then SIGKILL after a bound. The child exits on its own when the core's IPC channel closes.
 */
export class HubSupervisor implements EmbeddedHub {
  readonly inProcess = false;
  private readonly log: HubLog;
  private readonly policy: RestartPolicy;
  private readonly now: () => number;
  private current: Launched | null = null;
  private ready: HubReady | null = null;
  private readyAt = 0;
  private closing = false;
  private consecutive = 0;
  private exitTimes: number[] = [];
  private stormLogged = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private st: HubProcessState;

  private constructor(private readonly opts: SupervisorOptions) {
    this.log = new HubLog(opts.logger, opts.now);
    this.policy = opts.policy ?? DEFAULT_RESTART_POLICY;
    this.now = opts.now ?? Date.now;
    this.st = {
      running: false,
      pid: null,
      port: opts.start.port,
      inProcess: false,
      restarts: 0,
      exits: 0,
      lastExit: null,
      recentExits: 0,
      stormWindowMs: this.policy.stormWindowMs,
      storm: false,
      nextRestartAt: null,
      lastRestartAt: null,
    };
  }

  /** Starts the hub's process and resolves once it listens; rejects (nothing left running) if it cannot start. */
  static async start(opts: SupervisorOptions): Promise<HubSupervisor> {
    const s = new HubSupervisor(opts);
    const launched = s.launch(opts.start.port);
    try {
      s.onReady(launched, await launched.ready);
    } catch (err) {
      s.closing = true;
      if (s.restartTimer) clearTimeout(s.restartTimer);
      launched.child.kill();
      await launched.gone;
      throw err;
    }
    return s;
  }

  get port(): number {
    return this.st.port;
  }
  get hubId(): string {
    return this.ready?.hubId ?? '';
  }
  get urls(): readonly string[] {
    return this.ready?.urls ?? [];
  }
  get pid(): number | null {
    return this.st.pid;
  }
  state(): HubProcessState {
    return {
      ...this.st,
      recentExits: recentExits(this.exitTimes, this.now(), this.policy).length,
      storm: isStorm(this.exitTimes, this.now(), this.policy),
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const launched = this.current;
    if (!launched || launched.exit) return; // none, or dead and waiting for its restart: nothing to stop
    const timeoutMs = this.opts.stopTimeoutMs ?? 5_000;
    launched.child.send({ type: 'stop' });
    const ended = await Promise.race([launched.gone, sleep(timeoutMs).then(() => null)]);
    if (!ended) {
      this.log.core.warn('hub process did not stop in time: killed', { pid: launched.child.pid, timeoutMs });
      launched.child.kill();
      await Promise.race([launched.gone, sleep(2_000)]);
    }
    this.update({ running: false, pid: null, nextRestartAt: null });
    this.log.core.info('hub process stopped', { pid: launched.child.pid ?? null, how: ended ? describeExit(ended) : 'SIGKILL' });
  }

  private launch(port: number): Launched {
    const child = this.opts.launcher.launch();
    const tail: string[] = [];
    child.onOutput((line) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      this.log.output(line);
    });
    const gone = new Promise<ChildExit>((resolve) => child.onExit(resolve));
    const ready = new Promise<HubReady>((resolve, reject) => {
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        f();
      };
      const timeoutMs = this.opts.readyTimeoutMs ?? 30_000;
      const timer = setTimeout(() => {
        settle(() => reject(new Error(`le hub n’a pas démarré en ${Math.round(timeoutMs / 1000)} s`)));
        child.kill();
      }, timeoutMs);
      child.onMessage((raw) => {
        const parsed = hubToParentSchema.safeParse(raw);
        if (!parsed.success) {
          this.log.entry('warn', 'message from the hub process ignored (invalid)', { issue: parsed.error.issues[0]?.message ?? '' });
          return;
        }
        const m = parsed.data;
        switch (m.type) {
          case 'log':
            this.log.entry(m.level, m.msg, m.fields);
            return;
          case 'ready':
            settle(() => resolve(m));
            return;
          case 'failed':
            settle(() => reject(failure(m)));
            return;
        }
      });
      void gone.then((exit) => {
        const said = tail
          .filter((l) => l.trim())
          .slice(-3)
          .join(' / ');
        settle(() =>
          reject(
            new Error(
              `le processus du hub s’est arrêté avant d’être prêt (${describeExit(exit)})${said ? ` : ${said.slice(0, 500)}` : ''}`,
            ),
          ),
        );
      });
    });
    const launched: Launched = { child, ready, gone, exit: null };
    void gone.then((exit) => (launched.exit = exit));
    this.current = launched;
    child.send({ type: 'start', options: { ...this.opts.start, port } });
    void gone.then((exit) => this.onExit(launched, exit));
    this.log.core.info('hub process launched', { launcher: this.opts.launcher.kind, pid: child.pid ?? null, port });
    return launched;
  }

  private onReady(launched: Launched, ready: HubReady): void {
    if (this.ready && this.ready.hubId !== ready.hubId) {
      // Not expected: the same hub.sqlite3 keeps its id. The link resumes from 0 with the new hub (its rule for another hub).
      this.log.core.error('restarted hub has another id', { before: this.ready.hubId, after: ready.hubId });
    }
    this.ready = ready;
    this.readyAt = this.now();
    this.update({ running: true, pid: launched.child.pid ?? ready.pid, port: ready.port, nextRestartAt: null });
    this.log.core.info('hub process ready', { pid: ready.pid, port: ready.port, hubId: ready.hubId });
  }

  /** The process ended. Unless the core is closing, that was not asked for: restart it. */
  private onExit(launched: Launched, exit: ChildExit): void {
    if (this.closing || launched !== this.current) return;
    const t = this.now();
    const wasReady = this.st.running;
    this.consecutive = wasReady && t - this.readyAt >= this.policy.stableAfterMs ? 1 : this.consecutive + 1;
    this.exitTimes = [...recentExits(this.exitTimes, t, this.policy), t];
    const reason = describeExit(exit);
    const delay = restartDelay(this.consecutive, this.policy);
    this.log.core.error(wasReady ? 'hub process died' : 'hub process failed to start', {
      pid: launched.child.pid ?? null,
      how: reason,
      upMs: wasReady ? t - this.readyAt : null,
      consecutive: this.consecutive,
      restartInMs: delay,
    });
    const storm = isStorm(this.exitTimes, t, this.policy);
    if (storm && !this.stormLogged) {
      this.log.core.warn('hub restart storm', {
        exits: this.exitTimes.length,
        windowMs: this.policy.stormWindowMs,
        nextRestartInMs: delay,
      });
    }
    this.stormLogged = storm;
    this.update({ running: false, pid: null, exits: this.st.exits + 1, lastExit: { at: t, reason }, nextRestartAt: t + delay });
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    this.restartTimer = null;
    if (this.closing) return;
    this.update({ nextRestartAt: null });
    const launched = this.launch(this.st.port);
    try {
      const ready = await launched.ready;
      if (this.closing || launched !== this.current) return;
      this.onReady(launched, ready);
      const lastExit = this.st.lastExit;
      this.update({ restarts: this.st.restarts + 1, lastRestartAt: this.now() });
      this.log.core.info('hub process restarted', {
        pid: ready.pid,
        port: ready.port,
        downMs: lastExit ? this.now() - lastExit.at : null,
        restarts: this.st.restarts,
      });
      this.opts.onRestarted?.();
    } catch (err) {
      // A refusal or a timeout: the process is on its way out (killed on timeout); its exit schedules the next try.
      this.log.core.error('hub restart failed', { err: err instanceof Error ? err.message : String(err) });
      launched.child.kill();
    }
  }

  private update(patch: Partial<HubProcessState>): void {
    this.st = { ...this.st, ...patch };
    this.opts.onChange?.(this.state());
  }
}

function failure(m: HubFailed): Error {
  if (m.code === 'db_too_new' && m.tooNew) return new DatabaseTooNewError(m.tooNew.path, m.tooNew.found, m.tooNew.known);
  return new Error(m.message);
}
