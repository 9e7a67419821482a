import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { spawnCore } from '../integration/helpers';
import { expect, test } from './fixtures';

// Issue 18 at the desk: a standby follows the primary (banner, read-only, a TAKE refused with the
// reason), its output shows the primary's program bus, and « Prendre la main » makes it lead; the
// desk and output pages opened on the primary move to it by themselves and drive it.

const stage = (page: Page) => page.getByTestId('output-stage');

test('the standby’s desk follows read-only, its output follows the TAKE, and « Prendre la main » makes it lead', async ({
  page,
  browser,
  core,
}, testInfo) => {
  const shot = async (p: Page, name: string) => {
    await p.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
    await testInfo.attach(name, { path: testInfo.outputPath(`${name}.png`), contentType: 'image/png' });
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'pupitre-e2e-standby-'));
  const standby = await spawnCore(dataDir, ['--follow', `http://127.0.0.1:${core.port}`, '--follow-token', core.followToken, '--no-hub']);
  try {
    const origin = `http://127.0.0.1:${standby.port}`;
    // The standby copies the primary's seats with their tokens: the primary's addresses, on the standby's origin.
    const onStandby = (url: string) => url.replace(`http://127.0.0.1:${core.port}`, origin);
    // The primary's desk: its standby is up to date.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(core.controlUrl);
    await expect(page.getByTestId('standby-pill')).toHaveAttribute('data-state', 'synced');
    await expect(page.getByTestId('standby-pill')).toHaveText('Secours\u00a0: à jour');
    // The pages are opened (here: reloaded) once the standby is connected: their CSP then lets them
    // open a socket to it (docs/standby.md § « Les vues »), which a page served before cannot.
    await page.reload();
    await expect(page.getByTestId('standby-pill')).toHaveAttribute('data-state', 'synced');
    await page.getByTestId('transition-cut').click();
    await page.getByTestId('compose-message').click();
    await page.getByTestId('compose-title').fill('Pause café');
    await page.getByTestId('compose-text').fill('Reprise des travaux à 11 h en salle Rhône');
    await page.getByTestId('compose-text').press('Enter');
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');

    // Both outputs side by side.
    const primaryOutput = await browser.newPage({ viewport: { width: 640, height: 360 } });
    await primaryOutput.goto(core.outputUrl);
    const standbyOutput = await browser.newPage({ viewport: { width: 640, height: 360 } });
    await standbyOutput.goto(onStandby(core.outputUrl));
    await expect(stage(standbyOutput)).toHaveAttribute('data-scene', 'holding');

    // The standby's desk: the banner, the same preview, and a TAKE refused with the reason.
    const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await desk.goto(onStandby(core.controlUrl));
    await expect(desk.getByTestId('standby-banner')).toContainText('Régie de secours — suit la régie principale (retard');
    await expect(desk.getByTestId('standby-banner')).toHaveAttribute('data-state', 'following');
    await expect(desk.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');
    await expect(desk.getByTestId('standby-pill')).toHaveCount(0);
    await desk.getByTestId('take').click();
    await expect(desk.getByTestId('program-problem')).toContainText('Régie de secours');
    await expect(stage(standbyOutput)).toHaveAttribute('data-scene', 'holding');
    await shot(desk, 'standby-1-follower-desk-1366');

    // TAKE on the primary: both outputs show it, the same scene and the same take.
    await page.getByTestId('take').click();
    await expect(stage(primaryOutput)).toHaveAttribute('data-scene', 'message');
    await expect(stage(standbyOutput)).toHaveAttribute('data-scene', 'message');
    await expect(stage(standbyOutput)).toHaveAttribute('data-take', (await stage(primaryOutput).getAttribute('data-take')) ?? '');
    await expect(standbyOutput.getByTestId('scene-message')).toContainText('Reprise des travaux à 11');

    // The primary dies; the banner says so; « Prendre la main », confirmed.
    core.child.kill('SIGKILL');
    await expect(desk.getByTestId('standby-banner')).toHaveAttribute('data-state', 'offline');
    await desk.getByTestId('take-over').click();
    await expect(desk.getByTestId('take-over-confirm')).toBeVisible();
    await shot(desk, 'standby-2-take-over-confirm-1366');
    await desk.getByTestId('take-over-confirm-yes').click();
    await expect(desk.getByTestId('standby-banner')).toHaveCount(0);
    await expect(desk.getByTestId('standby-pill')).toHaveText('Pas de régie de secours');

    // It leads: a TAKE there reaches its output.
    await desk.getByTestId('compose-black').click();
    await expect(desk.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'black');
    await desk.getByTestId('take').click();
    await expect(stage(standbyOutput)).toHaveAttribute('data-scene', 'black');
    await shot(desk, 'standby-3-after-take-over-1366');

    // The desk page that was open on the primary moved to the standby by itself, and drives it.
    await expect(page.getByTestId('standby-banner')).toHaveCount(0);
    await expect(page.getByTestId('standby-pill')).toHaveText('Pas de régie de secours');
    await expect(page.getByTestId('onair-caption')).toHaveAttribute('data-scene', 'black');
    await page.getByTestId('compose-message').click();
    await page.getByTestId('compose-title').fill('Reprise');
    await page.getByTestId('compose-text').fill('La régie de secours a pris la main');
    await page.getByTestId('compose-text').press('Enter');
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');
    await page.getByTestId('take').click();
    await expect(stage(standbyOutput)).toHaveAttribute('data-scene', 'message');
    await expect(standbyOutput.getByTestId('scene-message')).toContainText('La régie de secours a pris la main');
    // The primary's output page moved too: it shows the standby's program.
    await expect(stage(primaryOutput)).toHaveAttribute('data-scene', 'message');
    await expect(primaryOutput.getByTestId('scene-message')).toContainText('La régie de secours a pris la main');
    await shot(page, 'standby-4-primary-desk-drives-the-standby-1366');
  } finally {
    await standby.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a desk page opened on the primary presses « Prendre la main » on the standby it moved to', async ({ page, core }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pupitre-e2e-standby-moved-'));
  const standby = await spawnCore(dataDir, ['--follow', `http://127.0.0.1:${core.port}`, '--follow-token', core.followToken, '--no-hub']);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(core.controlUrl);
    await expect(page.getByTestId('standby-pill')).toHaveAttribute('data-state', 'synced');
    // Opened once the standby is connected: its CSP lets it reach the standby (docs/standby.md § « Les vues »).
    await page.reload();
    await expect(page.getByTestId('standby-pill')).toHaveAttribute('data-state', 'synced');

    core.child.kill('SIGKILL');
    // The page moved to the standby, which still follows: its banner, its « Prendre la main ».
    await expect(page.getByTestId('standby-banner')).toHaveAttribute('data-state', 'offline');
    await page.getByTestId('take-over').click();
    await page.getByTestId('take-over-confirm-yes').click();
    // The request went to the standby (cross-origin, allowed for the primary's pages): it leads, the page drives it.
    await expect(page.getByTestId('standby-banner')).toHaveCount(0);
    await expect(page.getByTestId('standby-pill')).toHaveText('Pas de régie de secours');
    const health = (await (await fetch(`http://127.0.0.1:${standby.port}/health`)).json()) as { seq: number };
    await page.getByTestId('compose-black').click();
    await page.getByTestId('take').click();
    await expect(page.getByTestId('onair-caption')).toHaveAttribute('data-scene', 'black');
    const after = (await (await fetch(`http://127.0.0.1:${standby.port}/health`)).json()) as { seq: number };
    expect(after.seq).toBeGreaterThan(health.seq);
  } finally {
    await standby.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
