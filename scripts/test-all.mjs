#!/usr/bin/env node
// `npm test`: every gate and every test runner, then one closing line "N passed, N failed, N skipped".
// Lint, typecheck and the build are gates (a failing gate counts as one failure); vitest runs the
// unit and integration tests, Playwright the end-to-end tests in Chromium (and Electron where it exists).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
const node = process.execPath;

function step(name, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const r = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

function gate(name, args) {
  const ok = step(name, args);
  if (!ok) {
    results.failed += 1;
    notes.push(`${name} failed`);
  }
  return ok;
}

mkdirSync('.cache/test-results', { recursive: true });
for (const f of ['vitest.json', 'playwright.json']) rmSync(`.cache/test-results/${f}`, { force: true });

if (!gate('native module (better-sqlite3 for Node)', ['scripts/native-node.mjs'])) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
gate('lint (eslint)', ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
gate('typecheck (node)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.node.json']);
gate('typecheck (web)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.web.json']);
const builtApp = gate('build (electron-vite)', ['node_modules/electron-vite/bin/electron-vite.js', 'build']);
// The participant page is built on its own (served alone by a hub on a remote server).
const builtPage = gate('build (participant page)', ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.participant.config.ts']);
const built = builtApp && builtPage;

step('unit + integration tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/test-results/vitest.json']);
if (existsSync('.cache/test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('.cache/test-results/vitest.json', 'utf8'));
  results.passed += v.numPassedTests;
  results.failed += v.numFailedTests;
  results.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  // A test file that failed to load has no tests: count it as a failure.
  const broken = (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0);
  results.failed += broken.length;
  broken.forEach((f) => notes.push(`vitest could not run ${f.name}: ${(f.message ?? '').split('\n')[0]}`));
} else {
  results.failed += 1;
  notes.push('vitest produced no report');
}

if (built) {
  step('end-to-end tests (Playwright)', ['node_modules/@playwright/test/cli.js', 'test']);
  if (existsSync('.cache/test-results/playwright.json')) {
    const p = JSON.parse(readFileSync('.cache/test-results/playwright.json', 'utf8'));
    results.passed += p.stats.expected + (p.stats.flaky ?? 0);
    results.failed += p.stats.unexpected;
    results.skipped += p.stats.skipped;
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status === 'skipped') {
            const reason = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'skipped';
            notes.push(`skipped: ${spec.title} [${t.projectName}]: ${reason}`);
          }
        }
      }
      (suite.suites ?? []).forEach(walk);
    };
    (p.suites ?? []).forEach(walk);
    (p.errors ?? []).forEach((e) => {
      results.failed += 1;
      notes.push(`playwright error: ${(e.message ?? '').split('\n')[0]}`);
    });
  } else {
    results.failed += 1;
    notes.push('playwright produced no report');
  }
} else {
  results.failed += 1;
  notes.push('end-to-end tests not run: the build failed');
}

console.log('\n━━ summary ━━');
notes.forEach((n) => console.log(`  ${n}`));
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
