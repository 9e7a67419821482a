import { describe, expect, it } from 'vitest';
import type { Logger } from '../../node/log/logger';
import { HubLog } from './hub-log';
import { isStorm, restartDelay, DEFAULT_RESTART_POLICY as P } from './restart-policy';

function memoryLogger() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> | undefined }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('the hub’s lines in the régie’s log', () => {
  it('are marked [hub], bounded in number (the rest counted) and in size', () => {
    let t = 0;
    const { logger, lines } = memoryLogger();
    const log = new HubLog(logger, () => t, 3, 1_000);
    for (let i = 0; i < 10; i += 1) log.entry('info', `ligne ${i}`);
    log.output('   ');
    expect(lines.map((l) => l.msg)).toEqual(['[hub] ligne 0', '[hub] ligne 1', '[hub] ligne 2']);
    t = 1_000;
    log.output('Error: boom');
    expect(lines.slice(3)).toEqual([
      { level: 'warn', msg: '[hub] log lines dropped (too many)', fields: { dropped: 7, windowMs: 1_000 } },
      { level: 'warn', msg: '[hub] output', fields: { line: 'Error: boom' } },
    ]);
    log.entry('error', 'gros', { blob: 'x'.repeat(10_000) });
    expect(JSON.stringify(lines.at(-1)?.fields).length).toBeLessThan(4_100);
  });
});

describe('the restart policy', () => {
  it('restarts at once, then doubles from 250 ms up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => restartDelay(n, P))).toEqual([0, 250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('calls three exits within a minute a storm', () => {
    expect(isStorm([0, 10_000], 20_000, P)).toBe(false);
    expect(isStorm([0, 10_000, 20_000], 20_000, P)).toBe(true);
    expect(isStorm([0, 10_000, 20_000], 60_000, P)).toBe(false); // the first has left the window
  });
});
