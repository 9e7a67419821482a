import { describe, expect, it } from 'vitest';
import { unpackedAsarPath } from './asar-path';

describe('unpackedAsarPath', () => {
  it('maps the packaged fonts to their unpacked copy (Linux, AppImage or deb)', () => {
    expect(unpackedAsarPath('/opt/Pupitre/resources/app.asar/node_modules/dejavu-fonts-ttf/ttf')).toBe(
      '/opt/Pupitre/resources/app.asar.unpacked/node_modules/dejavu-fonts-ttf/ttf',
    );
    expect(unpackedAsarPath('/tmp/.mount_PupitrXyZ/resources/app.asar/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).toBe(
      '/tmp/.mount_PupitrXyZ/resources/app.asar.unpacked/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    );
  });

  it('maps a Windows path, keeping its backslashes', () => {
    expect(
      unpackedAsarPath('C:\\Users\\régie\\AppData\\Local\\Programs\\Pupitre\\resources\\app.asar\\node_modules\\dejavu-fonts-ttf\\ttf'),
    ).toBe('C:\\Users\\régie\\AppData\\Local\\Programs\\Pupitre\\resources\\app.asar.unpacked\\node_modules\\dejavu-fonts-ttf\\ttf');
  });

  it('maps a macOS bundle path', () => {
    expect(unpackedAsarPath('/Applications/Pupitre.app/Contents/Resources/app.asar/node_modules/dejavu-fonts-ttf/ttf')).toBe(
      '/Applications/Pupitre.app/Contents/Resources/app.asar.unpacked/node_modules/dejavu-fonts-ttf/ttf',
    );
  });

  it('leaves a path outside an archive, or already unpacked, as it is', () => {
    for (const p of [
      '/work/pupitre/node_modules/dejavu-fonts-ttf/ttf',
      '/opt/Pupitre/resources/app.asar.unpacked/node_modules/dejavu-fonts-ttf/ttf',
      '/home/me/my-app.asar-notes/ttf',
      '/home/me/app.asarx/ttf',
    ]) {
      expect(unpackedAsarPath(p)).toBe(p);
    }
  });
});
