import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (no browser download here); Playwright's own elsewhere.
const debianChromium = '/usr/bin/chromium';
const launchOptions = {
  ...(existsSync(debianChromium) && !process.env.PUPITRE_PLAYWRIGHT_BROWSER ? { executablePath: debianChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Each test starts its own core (and hub) beside Chromium: on a 2-core CI machine one worker at a time keeps timing honest.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.cache/test-results/playwright.json' }]],
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: { browserName: 'chromium', launchOptions, viewport: { width: 1920, height: 1080 } },
    },
    {
      // Runs the real app with Playwright's _electron where the Electron binary exists; skipped (with the reason) elsewhere.
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
});
