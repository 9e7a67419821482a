/**
 * The embedded hub in the Electron app: Electron's utilityProcess running the built hub entry
 * (out/main/hub.js, from src/hub/child.ts), behind the core's launcher interface. The core
 * supervises it like the Node child process of `npm run serve` (src/main/hub-process).
 */
import { app, utilityProcess } from 'electron';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildExit, HubChild, HubLauncher } from '../hub-process/launcher';

function lines(stream: NodeJS.ReadableStream | null, listener: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', listener);
}

export function utilityHubLauncher(entry = join(app.getAppPath(), 'out', 'main', 'hub.js')): HubLauncher {
  return {
    kind: 'utilityProcess',
    launch(): HubChild {
      const child = utilityProcess.fork(entry, [], { serviceName: 'Pupitre — hub du public', stdio: 'pipe' });
      const outputs: ((line: string) => void)[] = [];
      let exited: ChildExit | null = null;
      const exits: ((exit: ChildExit) => void)[] = [];
      lines(child.stdout, (line) => outputs.forEach((l) => l(line)));
      lines(child.stderr, (line) => outputs.forEach((l) => l(line)));
      // Electron gives the exit code only (a signal shows as the code waitpid reports).
      child.once('exit', (code) => {
        exited = { code, signal: null };
        exits.forEach((l) => l(exited!));
      });
      return {
        get pid() {
          return child.pid;
        },
        send: (message) => {
          if (!exited) child.postMessage(message);
        },
        onMessage: (listener) => void child.on('message', listener),
        onOutput: (listener) => void outputs.push(listener),
        onExit(listener) {
          if (exited) listener(exited);
          else exits.push(listener);
        },
        kill() {
          // child.kill() is SIGTERM; the last resort must not be ignorable.
          if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
          else child.kill();
        },
      };
    },
  };
}
