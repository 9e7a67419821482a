/**
 * The stand-in's line to the test: the child process's IPC channel (the test spawns the bundle
 * with an 'ipc' stdio). Without it (someone runs the bundle by hand under the stand-in), the
 * happenings are printed on stderr and no command comes.
 */
import type { Command, Happening, Reply, ToStandin, ToTest } from '../protocol';

type Handler = (command: Command) => unknown;

let pending = 0;
let handler: Handler | null = null;

function send(message: ToTest): void {
  if (!process.send || !process.connected) {
    if (message.type === 'happening') process.stderr.write(`[electron stand-in] ${JSON.stringify(message.happening)}\n`);
    return;
  }
  pending += 1;
  process.send(message, () => {
    pending -= 1;
  });
}

export function report(happening: Happening): void {
  send({ type: 'happening', happening });
}

export function onCommand(fn: Handler): void {
  handler = fn;
}

function isToStandin(m: unknown): m is ToStandin {
  return (
    typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'command' && typeof (m as { id?: unknown }).id === 'number'
  );
}

process.on('message', (message: unknown) => {
  if (!isToStandin(message)) return;
  const { id, command } = message;
  const answer = (reply: Reply) => send({ type: 'reply', reply });
  Promise.resolve()
    .then(() => {
      if (!handler) throw new Error('stand-in not ready');
      return handler(command);
    })
    .then(
      (value) => answer({ id, ok: true, value: value ?? null }),
      (err: unknown) => answer({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
});
// The channel must not keep the process alive by itself: the stand-in's "message loop" does.
process.channel?.unref();

/** Exits once what was reported has left (a bounded wait): the test sees every happening. */
export function flushThenExit(code: number): void {
  report({ kind: 'exit', code });
  const started = Date.now();
  const tick = () => {
    if (pending === 0 || Date.now() - started > 1000) process.exit(code);
    else setTimeout(tick, 5);
  };
  tick();
}
