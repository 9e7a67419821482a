import { fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { hubChildSource } from '../../hub';
import { loadCommonJs } from '../platform/commonjs';
import type { ChildExit, HubChild, HubLauncher } from './launcher';

export interface NodeLauncherOptions {
  /** The hub's entry: default src/hub/child.ts run through tsx (the core runs from source). */
  entry?: string;
  /** Node flags for the child (default: tsx's loader when the entry is TypeScript). */
  execArgv?: string[];
}

/** src/hub/child.ts, loaded with tsx (an absolute path: the child's cwd does not matter). */
export function sourceHubEntry(): { entry: string; execArgv: string[] } {
  const tsx = pathToFileURL(loadCommonJs.resolve('tsx')).href;
  return { entry: hubChildSource(), execArgv: ['--import', tsx] };
}

function lines(stream: Readable | null, listener: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', listener);
}

/** The embedded hub as a Node child process (`npm run serve`, the tests): child_process.fork with an IPC channel. */
export function nodeHubLauncher(options: NodeLauncherOptions = {}): HubLauncher {
  const source = options.entry ? null : sourceHubEntry();
  const entry = options.entry ?? source!.entry;
  const execArgv = options.execArgv ?? (entry.endsWith('.ts') ? (source ?? sourceHubEntry()).execArgv : []);
  return {
    kind: 'node',
    launch(): HubChild {
      const child = fork(entry, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'json' });
      const outputs: ((line: string) => void)[] = [];
      const exits: ((exit: ChildExit) => void)[] = [];
      let exited: ChildExit | null = null;
      const done = (exit: ChildExit) => {
        if (exited) return;
        exited = exit;
        for (const l of exits) l(exit);
      };
      lines(child.stdout, (line) => outputs.forEach((l) => l(line)));
      lines(child.stderr, (line) => outputs.forEach((l) => l(line)));
      // 'close' rather than 'exit': the last lines of stderr (a crash's stack) are read by then.
      child.once('close', (code, signal) => done({ code, signal }));
      // A process that could not be started emits 'error' and maybe no 'close'.
      child.once('error', (err) => {
        outputs.forEach((l) => l(`lancement impossible : ${err.message}`));
        if (child.pid === undefined) done({ code: null, signal: null });
      });
      return {
        get pid() {
          return child.pid;
        },
        send(message) {
          if (!child.connected) return;
          child.send(message, (err) => {
            if (err) outputs.forEach((l) => l(`message au hub perdu : ${err.message}`));
          });
        },
        onMessage: (listener) => void child.on('message', listener),
        onOutput: (listener) => void outputs.push(listener),
        onExit(listener) {
          if (exited) listener(exited);
          else exits.push(listener);
        },
        kill: () => void child.kill('SIGKILL'),
      };
    },
  };
}
