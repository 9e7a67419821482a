import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRememberedDisplay, saveRememberedDisplay } from './display-memory';
import { crashReloadDelayMs, isCoreUrl, isPermissionAllowed, isTrustedSender, originOf, windowOpenAction } from './policy';

const core = 'http://127.0.0.1:4870';

describe('origins', () => {
  it('accepts the core pages only', () => {
    expect(isCoreUrl('http://127.0.0.1:4870/control?token=x', core)).toBe(true);
    expect(isCoreUrl('http://127.0.0.1:4871/control', core)).toBe(false);
    expect(isCoreUrl('http://localhost:4870/control', core)).toBe(false);
    expect(isCoreUrl('https://example.org/', core)).toBe(false);
    expect(isCoreUrl('file:///etc/passwd', core)).toBe(false);
    expect(isCoreUrl('data:text/html,hi', core)).toBe(false);
    expect(isCoreUrl('javascript:alert(1)', core)).toBe(false);
    expect(isCoreUrl('not a url', core)).toBe(false);
    expect(isCoreUrl(undefined, core)).toBe(false);
    expect(originOf('http://127.0.0.1:4870/output?token=y')).toBe(core);
  });

  it('turns the desk’s « open the output » link into the projector window; every other window.open is denied', () => {
    expect(windowOpenAction('http://127.0.0.1:4870/output?token=abc', core)).toBe('show-output');
    expect(windowOpenAction('http://127.0.0.1:4870/output', core)).toBe('show-output');
    expect(windowOpenAction('http://127.0.0.1:4870/output?token=abc&mode=obs', core)).toBe('show-output');
    expect(windowOpenAction('http://127.0.0.1:4870/control?token=abc', core)).toBe('deny');
    expect(windowOpenAction('http://127.0.0.1:4870/stage?token=abc', core)).toBe('deny');
    expect(windowOpenAction('http://127.0.0.1:4870/output/../control', core)).toBe('deny');
    expect(windowOpenAction('http://127.0.0.1:4870/outputs', core)).toBe('deny');
    expect(windowOpenAction('http://127.0.0.1:4871/output?token=abc', core)).toBe('deny');
    expect(windowOpenAction('https://example.org/output', core)).toBe('deny');
    expect(windowOpenAction('javascript:alert(1)', core)).toBe('deny');
    expect(windowOpenAction('', core)).toBe('deny');
  });

  it('refuses IPC from other frames', () => {
    expect(isTrustedSender('http://127.0.0.1:4870/control?token=x', core)).toBe(true);
    expect(isTrustedSender('about:blank', core)).toBe(false);
    expect(isTrustedSender(null, core)).toBe(false);
  });

  it('grants the clipboard write to the core only, and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${core}/control`, core)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', core, core)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example', core)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      expect(isPermissionAllowed(p, core, core)).toBe(false);
    }
  });
});

describe('crashReloadDelayMs', () => {
  it('reloads at once, then backs off while crashes repeat within a minute', () => {
    const now = 1_000_000;
    expect(crashReloadDelayMs([now], now)).toBe(0);
    expect(crashReloadDelayMs([now - 1000, now], now)).toBe(500);
    expect(crashReloadDelayMs([now - 2000, now - 1000, now], now)).toBe(1000);
    expect(
      crashReloadDelayMs(
        Array.from({ length: 20 }, (_, i) => now - i),
        now,
      ),
    ).toBe(30_000);
    expect(crashReloadDelayMs([now - 120_000, now - 90_000, now], now)).toBe(0);
  });
});

describe('display memory file', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips, and treats a missing or bad file as nothing remembered', () => {
    dir = mkdtempSync(join(tmpdir(), 'pupitre-display-'));
    const file = join(dir, 'output-display.json');
    expect(loadRememberedDisplay(file)).toBeNull();
    const d = { id: 2, label: 'EPSON PJ', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
    saveRememberedDisplay(file, d);
    expect(loadRememberedDisplay(file)).toEqual(d);
    writeFileSync(file, '{not json');
    expect(loadRememberedDisplay(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ version: 1, display: { id: 'x' } }));
    expect(loadRememberedDisplay(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ version: 2, display: d }));
    expect(loadRememberedDisplay(file)).toBeNull();
  });
});
