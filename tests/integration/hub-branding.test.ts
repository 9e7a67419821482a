import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/hub';
import type { HubOptions } from '../../src/hub/options';
import { TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { PhoneBranding } from '../../src/shared/protocol/branding';

/**
 * A real hub on 127.0.0.1: the régie's `branding.set` reaches the phones already there (socket
 * event), those who join later (after their join answer) and the join screen (`branding.json`);
 * the logo is served under its one name; a logo that lies about its type is refused and its seq
 * used; the look survives a restart.
 */
const TOKEN = 'regie-token-for-tests-0123456789';
const CODE = 'ASSISES';
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');
const logoPath = `branding/logo-${createHash('sha256').update(svg).digest('hex').slice(0, 16)}.svg`;
const look: PhoneBranding = {
  name: '14es Assises nationales de la protection de l’enfance',
  primary: '#261f3a',
  accent: '#f0c05a',
  logo: `data:image/svg+xml;base64,${svg.toString('base64')}`,
  logoAlt: 'Assises',
};
const forPhones = { ...look, logo: logoPath };

let dir: string;
let hub: RunningHub;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
const options = (): HubOptions => ({
  dataDir: join(dir, 'hub'),
  port: 0,
  regieToken: TOKEN,
  eventCode: CODE,
  participantDir: join(dir, 'page'),
});
const get = (path: string) => fetch(`http://127.0.0.1:${hub.port}${path}`);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-branding-'));
  mkdirSync(join(dir, 'page'));
  writeFileSync(join(dir, 'page', 'index.html'), '<!doctype html><title>participants</title>');
  hub = await startHub(options());
});
afterEach(async () => {
  open.splice(0).forEach((x) => x.close());
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the event’s look through the hub', () => {
  it('reaches the phones there, those who join later and the join screen; the logo under its one name', async () => {
    expect(await (await get('/branding.json')).json()).toEqual({ branding: null });
    const early = track(await TestParticipant.join(hub.port, CODE));
    await expect.poll(() => early.brandings).toEqual([null]); // after its join answer: the page's own look

    const regie = track(await TestRegie.connect(hub.port, TOKEN));
    expect(await regie.command({ type: 'branding.set', branding: look })).toMatchObject({ ok: true });
    await expect.poll(() => early.brandings).toEqual([null, forPhones]);
    expect(early.patches).toEqual([]); // never as a patch: an older page refuses unknown ops

    const later = track(await TestParticipant.join(hub.port, CODE));
    await expect.poll(() => later.brandings).toEqual([forPhones]);
    expect(await (await get('/branding.json')).json()).toEqual({ branding: forPhones });

    const logo = await get(`/${logoPath}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(logo.headers.get('cache-control')).toContain('immutable');
    expect(logo.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(svg);
    for (const path of [
      '/branding/logo-0000000000000000.svg',
      `/${logoPath.replace('.svg', '.png')}`,
      '/branding/hub.sqlite3',
      '/branding/..%2fhub%2fhub.sqlite3',
      '/branding/',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('refuses a logo whose bytes are not the type it claims (its seq used), and keeps the look after a restart', async () => {
    const regie = track(await TestRegie.connect(hub.port, TOKEN));
    expect(await regie.command({ type: 'branding.set', branding: look })).toMatchObject({ ok: true });
    const lying = { ...look, logo: `data:image/png;base64,${svg.toString('base64')}` };
    const refused = await regie.command({ type: 'branding.set', branding: lying });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', message: 'logo : le contenu n’est pas une image PNG' } });
    expect(await regie.command({ type: 'notice.show', text: 'Bienvenue' })).toMatchObject({ ok: true });
    expect(await (await get('/branding.json')).json()).toEqual({ branding: forPhones });

    open.splice(0).forEach((x) => x.close());
    await hub.close();
    hub = await startHub(options());
    expect(await (await get('/branding.json')).json()).toEqual({ branding: forPhones });
    expect((await get(`/${logoPath}`)).status).toBe(200);
    const phone = track(await TestParticipant.join(hub.port, CODE));
    await expect.poll(() => phone.brandings).toEqual([forPhones]);
  });
});
