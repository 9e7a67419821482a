/**
 * What `npm run dist` puts in the installers, checked without building one (electron-builder
 * downloads Electron): the build steps of the `dist` script, then electron-builder.yml's `files`
 * and `asarUnpack` run through electron-builder's own file matcher (app-builder-lib) against the
 * built out/ tree and the fonts the exports draw with.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unpackedAsarPath } from '../../src/main/platform/asar-path';
import { reportFonts } from '../../src/main/report/report-fonts';
import { ensureBuilt, repoRoot } from '../electron-standin/harness';

type Filter = (file: string, stat: Stats) => boolean;
interface FileMatcherLike {
  createFilter(): Filter;
}
/** app-builder-lib's matcher module (electron-builder's own; getMainFileMatchers is internal, so typed here). */
interface FileMatcherModule {
  FileMatcher: new (from: string, to: string, macroExpander: (s: string) => string, patterns?: string[]) => FileMatcherLike;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcherLike[];
}
const load = createRequire(import.meta.url);
const matchers = load('app-builder-lib/out/fileMatcher') as FileMatcherModule;

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  directories: { output: string };
}
const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const same = (s: string) => s;

/** The files of the project that electron-builder would put in app.asar (as it walks: a folder refused is not entered). */
function packagedFiles(): string[] {
  const packager = {
    info: {
      projectDir: repoRoot,
      buildResourcesDir: join(repoRoot, 'build'),
      config,
      isPrepackedAppAsar: false,
      debugLogger: { isEnabled: false },
    },
  };
  const [main] = matchers.getMainFileMatchers(repoRoot, '/app', same, {}, packager, join(repoRoot, config.directories.output), false);
  if (!main) throw new Error('no file matcher');
  const filter = main.createFilter();
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === '.git') continue; // node_modules is added by electron-builder itself
      const path = join(dir, name);
      const stat = statSync(path);
      if (!filter(path, stat)) continue;
      if (stat.isDirectory()) walk(path);
      else out.push(relative(repoRoot, path).split(sep).join('/'));
    }
  };
  walk(repoRoot);
  return out.sort();
}

function builtFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)).split(sep).join('/'));
}

describe('npm run dist', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('builds every view: main, preload, the desk’s views, then the participant page, before packaging', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const steps = (pkg.scripts.dist ?? '').split('&&').map((s) => s.trim());
    expect(steps).toEqual([
      'electron-vite build',
      'vite build -c vite.participant.config.ts',
      'electron-builder --config electron-builder.yml',
    ]);
  });

  it('packages the participant page, the views, main and preload, and leaves sources and source maps out', () => {
    const files = packagedFiles();
    for (const dir of ['out/participant', 'out/renderer', 'out/main', 'out/preload']) {
      const built = builtFiles(dir).filter((f) => !f.endsWith('.map'));
      expect(built.length, dir).toBeGreaterThan(0);
      expect(files).toEqual(expect.arrayContaining(built));
    }
    expect(files).toContain('out/participant/index.html');
    expect(files).toContain('package.json');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => !f.startsWith('out/') && f !== 'package.json')).toEqual([]);
  });

  it('unpacks the DejaVu fonts, where the packaged app reads them (app.asar.unpacked)', () => {
    const unpack = new matchers.FileMatcher(repoRoot, '/app', same, config.asarUnpack).createFilter();
    const asar = '/opt/Pupitre/resources/app.asar';
    for (const font of [reportFonts.regular(), reportFonts.bold(), reportFonts.oblique()]) {
      const inApp = relative(repoRoot, font).split(sep).join('/');
      expect(inApp).toMatch(/^node_modules\/dejavu-fonts-ttf\/ttf\/DejaVuSans.*\.ttf$/);
      expect(unpack(font, statSync(font)), `${inApp} unpacked`).toBe(true);
      // Where electron-builder puts it, and where the packaged app looks for it.
      expect(unpackedAsarPath(`${asar}/${inApp}`)).toBe(`${asar}.unpacked/${inApp}`);
    }
    // The native modules are unpacked too; the views are not.
    const node = join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(unpack(node, statSync(node))).toBe(true);
    const page = join(repoRoot, 'out', 'participant', 'index.html');
    expect(unpack(page, statSync(page))).toBe(false);
  });
});
