import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { silentLogger } from '../../src/node/log/logger';
import { repoRoot } from './helpers';

let dir: string;
let core: RunningCore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-asrun-'));
  core = await startCore({ dataDir: dir, rendererDir: join(dir, 'none'), resourcesDir: join(repoRoot, 'resources'), port: 0, logger: silentLogger, hub: { mode: 'off' } });
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`http://127.0.0.1:${core.port}${path}`);

describe('the as-run export', () => {
  it('gives a control seat the log as a French CSV, planned against actual', async () => {
    await core.engine.submit({ id: 'mark-start-1', command: { type: 'session.mark', sessionId: 'j1-accueil', edge: 'start' } }, 'control-1');
    await core.engine.submit({ id: 'delay-seq1-1', command: { type: 'delay.set', sessionId: 'j1-seq1', minutes: 12 } }, 'control-1');
    const res = await get(`/export/as-run.csv?token=${core.tokens.control}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM a French spreadsheet needs
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe('n°;événement;séance;titre de la séance;salle;réplique;prévu;réel;écart (min);détail;par');
    expect(lines.some((l) => l.includes('début de séance;j1-accueil;Accueil des participants;Grand Auditorium'))).toBe(true);
    expect(lines.some((l) => l.includes('retard saisi;j1-seq1') && l.includes('+12 min'))).toBe(true);
  });

  it('refuses an output token or no token', async () => {
    expect((await get(`/export/as-run.csv?token=${core.tokens.output}`)).status).toBe(403);
    expect((await get('/export/as-run.csv')).status).toBe(403);
    expect((await get(`/export/secrets.txt?token=${core.tokens.control}`)).status).toBe(404);
  });
});
