import { createSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { silentLogger } from '../../src/node/log/logger';
import { encodeOscMessage, parseOscMessage, type OscMessage } from '../../src/main/server/osc-message';
import { repoRoot } from './helpers';
import { programOf } from '../../src/shared/api/room-bus';

// The OSC remote control against a real core (in this process, real UDP on 127.0.0.1): the token
// as the first argument, the engine's refusals sent back to the sender.

let dir: string;
let core: RunningCore;
const client = createSocket('udp4');

/** Sends one OSC message and waits for Pupitre's answer. */
function osc(address: string, args: (string | number)[]): Promise<OscMessage> {
  return new Promise((resolve, reject) => {
    client.once('message', (buf) => {
      const r = parseOscMessage(buf);
      if (r.ok) resolve(r.message);
      else reject(new Error(r.reason));
    });
    client.send(encodeOscMessage(address, args), core.oscPort!, '127.0.0.1');
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-osc-'));
  mkdirSync(join(dir, 'renderer'), { recursive: true });
  core = await startCore({
    dataDir: join(dir, 'data'),
    rendererDir: join(dir, 'renderer'),
    resourcesDir: join(repoRoot, 'resources'),
    port: 0,
    logger: silentLogger,
    hub: { mode: 'off' },
    oscPort: 0,
  });
  await new Promise<void>((resolve) => client.bind(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  client.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the OSC remote control', () => {
  it('is off unless a port is given', () => {
    expect(core.oscPort).toBeGreaterThan(0);
  });

  it('refuses a message without the control token, or with the output token', async () => {
    expect(await osc('/pupitre/take', [])).toEqual({ address: '/pupitre/refused', args: [expect.stringMatching(/jeton de régie/), 401] });
    expect(await osc('/pupitre/take', [core.tokens.output])).toEqual({
      address: '/pupitre/refused',
      args: [expect.stringMatching(/jeton/), 401],
    });
    expect(programOf(core.engine.state).take).toBe(0);
  });

  it('TAKE, panic to black and restore go through the engine, its refusals come back', async () => {
    const t = core.tokens.control;
    expect(await osc('/pupitre/take', [t])).toEqual({ address: '/pupitre/refused', args: [expect.stringMatching(/rien en aperçu/), 409] });
    expect(await osc('/pupitre/explode', [t])).toMatchObject({
      address: '/pupitre/refused',
      args: [expect.stringMatching(/adresse inconnue/), 404],
    });
    const preview = await core.engine.submit(
      { id: 'osc-test-preview-1', command: { type: 'program.preview', scene: { kind: 'join' } } },
      'test',
    );
    expect(preview.ok).toBe(true);
    expect(await osc('/pupitre/take', [t, 'cut'])).toMatchObject({ address: '/pupitre/ok', args: ['take', expect.any(Number)] });
    expect(programOf(core.engine.state).onAir).toEqual({ kind: 'join' });
    expect(programOf(core.engine.state).takeTransition.kind).toBe('cut');
    expect(await osc('/pupitre/panic', [t, 'black'])).toMatchObject({ address: '/pupitre/ok' });
    expect(programOf(core.engine.state).onAir).toEqual({ kind: 'black' });
    expect(await osc('/pupitre/restore', [t])).toMatchObject({ address: '/pupitre/ok' });
    expect(programOf(core.engine.state).onAir).toEqual({ kind: 'join' });
    expect(await osc('/pupitre/next-question', [t])).toEqual({
      address: '/pupitre/refused',
      args: [expect.stringMatching(/aucune question suivante/), 409],
    });
  });

  it('answers a malformed packet with the reason', async () => {
    const reply = new Promise<OscMessage>((resolve) =>
      client.once('message', (buf) => {
        const r = parseOscMessage(buf);
        if (r.ok) resolve(r.message);
      }),
    );
    client.send(Buffer.from('#bundle\0\0\0\0\0\0\0\0\x01'), core.oscPort!, '127.0.0.1');
    expect(await reply).toEqual({ address: '/pupitre/refused', args: [expect.stringMatching(/#bundle/), 400] });
  });
});
