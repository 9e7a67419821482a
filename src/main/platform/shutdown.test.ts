import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../node/log/logger';
import { boundedStep, closeHttp } from './shutdown';

function recordingLogger(): Logger & { warnings: { msg: string; fields: unknown }[] } {
  const warnings: { msg: string; fields: unknown }[] = [];
  const noop = () => undefined;
  return { warnings, debug: noop, info: noop, error: noop, warn: (msg, fields) => void warnings.push({ msg, fields }) };
}

describe('a bounded shutdown step', () => {
  it('gives up on a step that never ends, names it, and lets the next steps run', async () => {
    const logger = recordingLogger();
    const ran: string[] = [];
    await boundedStep('stuck link', () => new Promise<void>(() => undefined), 30, logger);
    await boundedStep('journal', () => void ran.push('journal'), 30, logger);
    expect(ran).toEqual(['journal']);
    expect(logger.warnings).toEqual([{ msg: 'shutdown step did not finish in time, going on', fields: { step: 'stuck link', ms: 30 } }]);
  });

  it('logs a step that throws and goes on', async () => {
    const logger = recordingLogger();
    await boundedStep('osc', () => Promise.reject(new Error('port busy')), 1_000, logger);
    await boundedStep('sync', () => {
      throw new Error('boom');
    }, 1_000, logger);
    expect(logger.warnings.map((w) => (w.fields as { step: string }).step)).toEqual(['osc', 'sync']);
  });

  it('says nothing of a step that ends in time', async () => {
    const logger = recordingLogger();
    await boundedStep('views', () => new Promise<void>((r) => setTimeout(r, 5)), 1_000, logger);
    expect(logger.warnings).toEqual([]);
  });
});

describe('closing the HTTP server', () => {
  it('is not held up by a request a page left unanswered: it is cut after the grace', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const req = request({ port, host: '127.0.0.1', path: '/long' });
    const cut = new Promise<string>((resolve) => req.on('error', (err) => resolve((err as NodeJS.ErrnoException).code ?? 'error')));
    req.end();
    await new Promise((r) => setTimeout(r, 50)); // the request is in
    await closeHttp(server, 100);
    expect(server.listening).toBe(false);
    expect(await cut).toBe('ECONNRESET');
  });

  it('closes at once a server that already stopped listening', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => server.close(() => r()));
    await closeHttp(server, 10_000);
    expect(server.listening).toBe(false);
  });
});
