import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A venue laptop's 1366×768: the desk's top bar and the program bar (TAKE, cut/fade, panic,
// restore, lock, the reason TAKE waits) wrap onto more lines rather than run off the right edge.

interface Box {
  left: number;
  right: number;
}
interface PageDoc {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(
    sel: string,
  ): Iterable<{
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
  const bar = await page.getByTestId('program-bar').boundingBox();
  expect(bar!.x + bar!.width).toBeLessThanOrEqual(1366);
});
