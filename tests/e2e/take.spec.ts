import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue 7 at the desk: compose in preview, TAKE with Enter, panic with Escape, restore with
// Shift+Escape, lock. The output page is the real /output in a second tab; every wait is on a
// signal (the stage says what it shows: data-scene, data-take, data-state).

const stage = (page: Page) => page.getByTestId('output-stage');

async function settled(output: Page, kind: string, take?: number): Promise<void> {
  await expect(stage(output)).toHaveAttribute('data-scene', kind);
  if (take !== undefined) await expect(stage(output)).toHaveAttribute('data-take', String(take));
  await expect(stage(output)).toHaveAttribute('data-state', 'idle');
}

test('compose a message, TAKE with Enter, panic with Escape, restore with Shift+Escape, lock refuses TAKE', async ({ page, browser, core }, testInfo) => {
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
    await testInfo.attach(name, { path: testInfo.outputPath(`${name}.png`), contentType: 'image/png' });
  };
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');

  const output = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await output.goto(core.outputUrl);
  await settled(output, 'holding', 0);

  // Nothing in preview yet: TAKE waits, and says why.
  const preview = page.getByTestId('preview-panel');
  await expect(preview).toContainText('Aperçu vide');
  await expect(page.getByTestId('take')).toBeDisabled();
  await expect(page.getByTestId('take-reason')).toContainText('Rien en aperçu');
  await expect(page.getByTestId('onair-caption')).toContainText('À L’ANTENNE');
  await expect(page.getByTestId('onair-caption')).toContainText('Écran d’attente');

  // A cut, so that the output's checks do not wait on a fade.
  await page.getByTestId('transition-cut').click();
  await expect(page.getByTestId('transition-cut')).toHaveAttribute('aria-pressed', 'true');

  // Compose a message: it shows in the preview panel (drawn by the output's own SceneView)…
  await page.getByTestId('compose-message').click();
  await page.getByTestId('compose-title').fill('Pause café');
  await page.getByTestId('compose-text').fill('Reprise des travaux à 11 h en salle Rhône');
  await page.getByTestId('compose-text').press('Enter'); // submits the form: preview, not TAKE
  await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');
  await expect(page.getByTestId('preview-stage')).toContainText('Reprise des travaux à 11 h');
  await expect(page.getByTestId('preview-caption')).toContainText('Message');
  await expect(page.getByTestId('composer-message')).toHaveCount(0);
  // …and NOT on the output.
  await expect(stage(output)).toHaveAttribute('data-scene', 'holding');
  await expect(output.getByTestId('scene-message')).toHaveCount(0);
  await shot('take-1-preview-1366');

  // Enter (no field has the focus): TAKE.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  await settled(output, 'message', 1);
  await expect(output.getByTestId('scene-message')).toContainText('Reprise des travaux à 11');
  await expect(page.getByTestId('onair-caption')).toContainText('Message');

  // A dialog open: Escape closes it, and nothing else.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toBeVisible();
  await expect(page.getByTestId('shortcuts-help')).toContainText('Écran de secours');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-help')).toBeHidden();
  await expect(page.getByTestId('panic-banner')).toHaveCount(0);
  await expect(stage(output)).toHaveAttribute('data-scene', 'message');

  // Escape: the holding screen at once (a cut, whatever the transition), and a banner at the desk.
  // (Escape again right after the one that closed the help would be a double press, not a panic:
  // slips.spec.ts. A click in between makes it a new decision.)
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await settled(output, 'holding');
  await expect(page.getByTestId('panic-banner')).toContainText('ÉCRAN DE SECOURS');
  await expect(page.getByTestId('restore')).toBeEnabled();
  await shot('take-2-panic-1366');

  // Shift+Escape: the message is back.
  await page.keyboard.press('Shift+Escape');
  await settled(output, 'message');
  await expect(output.getByTestId('scene-message')).toContainText('Reprise des travaux à 11');
  await expect(page.getByTestId('panic-banner')).toHaveCount(0);

  // Lock: TAKE disabled with the reason; Enter is refused by the core, the output does not move.
  await page.getByTestId('compose-black').click();
  await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'black');
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('program-bar')).toHaveAttribute('data-locked', 'true');
  await expect(page.getByTestId('take')).toBeDisabled();
  await expect(page.getByTestId('take-reason')).toContainText('Sortie verrouillée');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('program-problem')).toContainText('verrouillée');
  await expect(stage(output)).toHaveAttribute('data-scene', 'message');
  await shot('take-3-locked-1366');

  // At 1920×1080, the same desk.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByTestId('preview-stage')).toBeVisible();
  await shot('take-4-locked-1920');

  // Unlocked: TAKE with the button.
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('take')).toBeEnabled();
  await page.getByTestId('take').click();
  await settled(output, 'black');
  await output.close();
});
