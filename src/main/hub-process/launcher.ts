import type { ParentToHub } from '../../hub';

/** How a hub process ended: the exit code, or the signal that killed it (when the platform says). */
export interface ChildExit {
  code: number | null;
  signal: string | null;
}

/**
 * One running hub process, as the supervisor sees it. The core stays plain Node: it knows this
 * interface only; under `npm run serve` it is child_process.fork's (node-launcher.ts), in the
 * Electron app Electron's utilityProcess (src/main/electron/hub-utility-process.ts).
 */
export interface HubChild {
  /** undefined until the process exists (or if it could not be started). */
  readonly pid: number | undefined;
  /** To the child's IPC channel; a closed channel drops the message (the exit comes next). */
  send(message: ParentToHub): void;
  /** What the child sent, unvalidated: the supervisor checks it. */
  onMessage(listener: (raw: unknown) => void): void;
  /** A line the child wrote on its stdout or stderr (a crash's stack trace lands here). */
  onOutput(listener: (line: string) => void): void;
  /** Once, when the process is gone (after its output is read), or could not be started. */
  onExit(listener: (exit: ChildExit) => void): void;
  /** SIGKILL: the last resort, when `stop` was not obeyed in time. */
  kill(): void;
}

export interface HubLauncher {
  /** For the log: « node », « utilityProcess », … */
  readonly kind: string;
  launch(): HubChild;
}
