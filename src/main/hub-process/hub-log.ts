import type { Logger, LogLevel } from '../../node/log/logger';

const MAX_FIELDS_CHARS = 4000;

/**
 * Writes what the hub's process says into the régie's log (logs/pupitre.log), marked « [hub] »:
 * one file to read after an incident. Bounded: a hub that floods (a bug, a hostile participant
 * making it log) costs the core at most `perWindow` lines every `windowMs`; the rest is counted and
 * the count written once the window ends.
 */
export class HubLog {
  private windowStart = 0;
  private written = 0;
  private dropped = 0;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly perWindow = 200,
    private readonly windowMs = 10_000,
  ) {}

  /** A log entry the hub sent over IPC (already validated). */
  entry(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    if (!this.admit()) return;
    this.logger[level](`[hub] ${msg}`, fields ? bounded(fields) : undefined);
  }

  /** A line of the hub process's stdout or stderr (a crash's stack trace, a warning of Node's). */
  output(line: string): void {
    if (!line.trim() || !this.admit()) return;
    this.logger.warn('[hub] output', { line: line.slice(0, 1000) });
  }

  /** The supervisor's own lines (never dropped). */
  get core(): Logger {
    return this.logger;
  }

  private admit(): boolean {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      if (this.dropped > 0) this.logger.warn('[hub] log lines dropped (too many)', { dropped: this.dropped, windowMs: this.windowMs });
      this.windowStart = t;
      this.written = 0;
      this.dropped = 0;
    }
    if (this.written >= this.perWindow) {
      this.dropped += 1;
      return false;
    }
    this.written += 1;
    return true;
  }
}

function bounded(fields: Record<string, unknown>): Record<string, unknown> {
  let json: string;
  try {
    json = JSON.stringify(fields);
  } catch {
    return { fields: 'unserialisable' };
  }
  return json.length <= MAX_FIELDS_CHARS ? fields : { truncated: json.slice(0, MAX_FIELDS_CHARS) };
}
