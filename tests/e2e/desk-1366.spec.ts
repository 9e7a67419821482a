import type { Page } from '@playwright/test';
import { busAndBar, checkBothTabs, deskInShow, expectSeen, runOfShow } from './desk-fit';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// A venue laptop's 1366×768: every control of the show in view without scrolling, on both centre
// tabs (the monitors, the scene buttons, TAKE and panic, the standby with its whole note, the
// missed and the next cues, the hub's state); the top bar and the program bar never run off the
// right edge. At 1920×1080 nothing is lost. (1280×720: desk-1280.spec.ts.)

test('at 1366×768 every control of the show is in view on both tabs, the hold too', async ({ page, core }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await deskInShow(page, core);
  await checkBothTabs(page, testInfo, '1366x768');
});

test('at 1920×1080 the same controls are in view, the monitors large', async ({ page, core }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await deskInShow(page, core);
  await shot(page, testInfo, 'desk-1920x1080-run-of-show');
  await expectSeen(page, [...busAndBar(page), ...runOfShow(page), ['event name', page.getByTestId('event-name')]]);
  // A monitor as large as the room allows: at least 400 px wide at 1080p.
  const box = await page.locator('[data-testid="program-monitor"] .monitor-box').boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(400);
  // Every next cue of the session is listed in full.
  await expect(page.getByTestId('upcoming-cues').locator('.cue-line')).not.toHaveCount(0);
  for (const line of await page.getByTestId('upcoming-cues').locator('.cue-line').all()) await expectSeen(page, [['next cue', line]]);
});

interface Box {
  left: number;
  right: number;
}
interface PageDoc {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(sel: string): Iterable<{
    getBoundingClientRect(): Box;
    className: string;
    textContent: string | null;
    closest(sel: string): { getBoundingClientRect(): Box } | null;
  }>;
}

/** Elements of `container` that stick out of it on the left or the right (a 1 px tolerance). */
async function overflowing(page: Page, container: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const d = (globalThis as unknown as { document: PageDoc }).document;
    const out: string[] = [];
    for (const el of d.querySelectorAll(`${sel} *`)) {
      const box = el.closest(sel)!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1)
        out.push(
          `${el.className || '?'} « ${(el.textContent ?? '').trim().slice(0, 30)} » ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
    }
    return out;
  }, container);
}

test('at 1366×768 the top bar and the program bar wrap, nothing runs off the edge', async ({ page, core }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  // The longest states of the bar: locked with its reason, a refusal shown.
  await page.getByTestId('compose-black').click();
  await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'black');
  await page.getByTestId('transition-cut').click();
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('take-reason')).toContainText('Sortie verrouillée');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('program-problem')).toContainText('verrouillée');

  const path = testInfo.outputPath('desk-1366x768.png');
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach('desk-1366x768', { path, contentType: 'image/png' });

  expect(
    await page.evaluate(() => (globalThis as unknown as { document: PageDoc }).document.documentElement.scrollWidth),
  ).toBeLessThanOrEqual(1366);
  expect(await overflowing(page, '.topbar')).toEqual([]);
  expect(await overflowing(page, '[data-testid="program-bar"]')).toEqual([]);
  // Locked, with the core's refusal shown: the bar's longest words, each whole and in view.
  await expectSeen(page, [
    ['lock, locked', page.getByTestId('lock'), { text: true }],
    ['restore', page.getByTestId('restore'), { text: true }],
    ['TAKE', page.getByTestId('take'), { text: true }],
    ['panic', page.getByTestId('panic'), { text: true }],
    ['why TAKE waits', page.getByTestId('take-reason')],
    ['the refusal', page.getByTestId('program-problem')],
  ]);
  const bar = await page.getByTestId('program-bar').boundingBox();
  expect(bar!.x + bar!.width).toBeLessThanOrEqual(1366);
});
