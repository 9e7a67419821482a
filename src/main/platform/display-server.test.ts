import { describe, expect, it } from 'vitest';
import { displayServerPlan } from './display-server';

const argv = ['/opt/Pupitre/pupitre', '.'];

describe('displayServerPlan', () => {
  it('restarts under X11 when Chromium chose Wayland on Linux', () => {
    expect(displayServerPlan({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, argv, ozonePlatform: 'wayland' })).toEqual({
      kind: 'relaunch-x11',
      args: ['.', '--ozone-platform=x11'],
    });
  });

  it('keeps the arguments the app was given (data folder, flags)', () => {
    const plan = displayServerPlan({ platform: 'linux', env: {}, argv: ['/usr/bin/electron', '.', '--no-demo'], ozonePlatform: 'wayland' });
    expect(plan).toEqual({ kind: 'relaunch-x11', args: ['.', '--no-demo', '--ozone-platform=x11'] });
  });

  it('an AppImage starts itself again (its mount goes away with the first process)', () => {
    const plan = displayServerPlan({
      platform: 'linux',
      env: { APPIMAGE: '/home/regie/Pupitre-0.1.0-linux-x86_64.AppImage' },
      argv: ['/tmp/.mount_PupitrAbC/pupitre'],
      ozonePlatform: 'wayland',
    });
    expect(plan).toEqual({
      kind: 'relaunch-x11',
      args: ['--ozone-platform=x11'],
      execPath: '/home/regie/Pupitre-0.1.0-linux-x86_64.AppImage',
    });
  });

  it('does nothing in an X11 session', () => {
    expect(displayServerPlan({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' }, argv, ozonePlatform: 'x11' })).toEqual({
      kind: 'keep',
      reason: 'x11',
    });
    expect(displayServerPlan({ platform: 'linux', env: {}, argv, ozonePlatform: '' })).toEqual({ kind: 'keep', reason: 'x11' });
  });

  it('keeps Wayland when the operator asks for it', () => {
    expect(displayServerPlan({ platform: 'linux', env: { PUPITRE_WAYLAND: '1' }, argv, ozonePlatform: 'wayland' })).toEqual({
      kind: 'keep',
      reason: 'operator-wayland',
    });
    expect(
      displayServerPlan({ platform: 'linux', env: {}, argv: [...argv, '--ozone-platform=wayland'], ozonePlatform: 'wayland' }),
    ).toEqual({
      kind: 'keep',
      reason: 'explicit-switch',
    });
  });

  it('never relaunches twice (the relaunched process has the switch)', () => {
    const first = displayServerPlan({ platform: 'linux', env: {}, argv, ozonePlatform: 'wayland' });
    if (first.kind !== 'relaunch-x11') throw new Error('expected a relaunch');
    expect(displayServerPlan({ platform: 'linux', env: {}, argv: [argv[0] ?? '', ...first.args], ozonePlatform: 'x11' }).kind).toBe('keep');
  });

  it('does nothing on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(displayServerPlan({ platform, env: { XDG_SESSION_TYPE: 'wayland' }, argv, ozonePlatform: 'wayland' })).toEqual({
        kind: 'keep',
        reason: 'not-linux',
      });
    }
  });
});
