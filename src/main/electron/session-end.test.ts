import { describe, expect, it } from 'vitest';
import type { Logger } from '../../node/log/logger';
import { preventableEvent, sessionEndHandlers } from './session-end';

function recorder() {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  const reasons: string[] = [];
  return { lines, logger, reasons, quit: { now: (reason: string) => reasons.push(reason) } };
}

describe('sessionEndHandlers', () => {
  it('a system shutdown (Linux, macOS) delays it and closes the core without asking', () => {
    const r = recorder();
    let prevented = 0;
    sessionEndHandlers(r.quit, r.logger).systemShutdown({ preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    expect(r.reasons).toEqual(['system-shutdown']);
    expect(r.lines).toEqual(['warn system shutting down: closing the core']);
  });

  it('Windows ending the session closes the core at the query, and again (a no-op for the quit flow) at the end', () => {
    const r = recorder();
    const h = sessionEndHandlers(r.quit, r.logger);
    h.windowsSessionEnd('query', ['logoff']);
    h.windowsSessionEnd('end', ['logoff']);
    expect(r.reasons).toEqual(['windows-query-session-end', 'windows-session-end']);
  });

  it('finds preventDefault on what powerMonitor passes, and copes with nothing', () => {
    let prevented = false;
    const event = {
      defaultPrevented: false,
      preventDefault() {
        prevented = true;
        this.defaultPrevented = true;
      },
    };
    preventableEvent(event).preventDefault();
    expect(prevented).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    expect(() => preventableEvent(undefined).preventDefault()).not.toThrow();
    expect(() => preventableEvent({ preventDefault: 1 }).preventDefault()).not.toThrow();
  });
});
