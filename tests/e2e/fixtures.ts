import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { spawnCore, type CoreProcess } from '../integration/helpers';

export interface CoreFixture extends CoreProcess {
  dataDir: string;
  controlUrl: string;
  outputUrl: string;
}

/** Each test gets its own headless core (a real child process) on a fresh database with the demo. */
export const test = base.extend<{ core: CoreFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  core: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pupitre-e2e-'));
    const core = await spawnCore(dataDir);
    const origin = `http://127.0.0.1:${core.port}`;
    await use({ ...core, dataDir, controlUrl: `${origin}/control?token=${core.tokens.control}`, outputUrl: `${origin}/output?token=${core.tokens.output}` });
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
