/** `npm start`'s decisions (scripts/lib.mjs): desktop or browser mode, the download, Ctrl+C. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { downloadProbeTarget, electronCacheRoot, electronZipCached, startPlan, stopPlan } from '../../scripts/lib.mjs';

const linuxDesktop = { DISPLAY: ':0' };

describe('startPlan', () => {
  it('runs Electron when its binary is there', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(startPlan({ platform, env: linuxDesktop, binary: true, cachedZip: false, reachable: null })).toEqual({ mode: 'electron' });
    }
  });

  it('asks whether a download is possible before announcing one', () => {
    expect(startPlan({ platform: 'win32', env: {}, binary: false, cachedZip: false, reachable: null })).toEqual({ mode: 'probe' });
    expect(startPlan({ platform: 'win32', env: {}, binary: false, cachedZip: false, reachable: true })).toEqual({ mode: 'install' });
    // The zip already downloaded once installs with no network.
    expect(startPlan({ platform: 'darwin', env: {}, binary: false, cachedZip: true, reachable: null })).toEqual({ mode: 'install' });
  });

  it('offline with no binary: browser mode, in one sentence, and no download announced', () => {
    const plan = startPlan({ platform: 'linux', env: linuxDesktop, binary: false, cachedZip: false, reachable: false });
    expect(plan).toEqual({
      mode: 'browser',
      reasonFr: 'Electron n’est pas encore installé et ne peut pas être téléchargé d’ici (pas d’accès à Internet)',
      reasonEn: 'Electron is not installed yet and cannot be downloaded from here (no internet access)',
    });
  });

  it('on a Linux with no graphical session, goes to browser mode before downloading or building anything', () => {
    for (const binary of [true, false]) {
      const plan = startPlan({ platform: 'linux', env: {}, binary, cachedZip: false, reachable: null });
      expect(plan).toMatchObject({ mode: 'browser', reasonEn: 'No graphical display here (neither DISPLAY nor WAYLAND_DISPLAY)' });
    }
    expect(
      startPlan({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, binary: true, cachedZip: false, reachable: null }),
    ).toEqual({ mode: 'electron' });
  });

  it('PUPITRE_NO_ELECTRON=1 goes straight to browser mode', () => {
    expect(startPlan({ platform: 'win32', env: { PUPITRE_NO_ELECTRON: '1' }, binary: true, cachedZip: false, reachable: null }).mode).toBe(
      'browser',
    );
  });
});

describe('downloadProbeTarget', () => {
  it('asks GitHub, a mirror, or the proxy in between', () => {
    expect(downloadProbeTarget({})).toEqual({ host: 'github.com', port: 443 });
    expect(downloadProbeTarget({ ELECTRON_MIRROR: 'https://npmmirror.example/mirrors/electron/' })).toEqual({
      host: 'npmmirror.example',
      port: 443,
    });
    expect(downloadProbeTarget({ HTTPS_PROXY: 'http://proxy.venue.example:3128' })).toEqual({ host: 'proxy.venue.example', port: 3128 });
  });
});

describe('electronZipCached', () => {
  const home = mkdtempSync(join(tmpdir(), 'pupitre-electron-cache-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('finds the zip @electron/get keeps in its cache, per platform', () => {
    expect(electronCacheRoot('linux', {}, home)).toBe(join(home, '.cache', 'electron'));
    expect(electronCacheRoot('darwin', {}, home)).toBe(join(home, 'Library', 'Caches', 'electron'));
    expect(electronCacheRoot('win32', { LOCALAPPDATA: join(home, 'Local') }, home)).toBe(join(home, 'Local', 'electron', 'Cache'));
    const input = { version: '39.8.10', platform: 'linux' as const, arch: 'x64', env: {}, home };
    expect(electronZipCached(input)).toBe(false);
    const dir = join(home, '.cache', 'electron', 'a1b2c3');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'electron-v39.8.10-linux-arm64.zip'), '');
    expect(electronZipCached(input)).toBe(false);
    writeFileSync(join(dir, 'electron-v39.8.10-linux-x64.zip'), '');
    expect(electronZipCached(input)).toBe(true);
  });
});

describe('stopPlan (Ctrl+C)', () => {
  it('forwards the signal to the process group on Linux and macOS', () => {
    expect(stopPlan('linux')).toEqual({ forward: true, graceMs: 0 });
    expect(stopPlan('darwin')).toEqual({ forward: true, graceMs: 0 });
  });

  it('on Windows never kills at once: the console gave Ctrl+C to the app, which closes its journal; a fallback after the quit flow’s own limit', () => {
    const plan = stopPlan('win32');
    expect(plan.forward).toBe(false);
    expect(plan.graceMs).toBeGreaterThan(10_000);
  });
});
