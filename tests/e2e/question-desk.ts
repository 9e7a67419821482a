import { joinPhone } from '../integration/room-presence';
import type { Page, TestInfo } from '@playwright/test';
import { expect, type CoreFixture } from './fixtures';

// What the questions and stage specs share: a participant asking through the hub, the desk's
// question rows, moving the selection with the keyboard, switching the desk to its questions.

export async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A participant asks, once the Q&A is open on its phone. */
export async function ask(core: CoreFixture, origin: 'room' | 'remote', text: string, name?: string): Promise<void> {
  const code = new URL(core.joinUrls[0] ?? '').searchParams.get('e') ?? '';
  const p = await joinPhone(core, code, { origin });
  try {
    await expect.poll(() => p.state?.qa.open ?? false).toBe(true);
    const ack = await p.ask(text, name ? { name } : {});
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
  } finally {
    p.close();
  }
}

export const rows = (page: Page) => page.getByTestId('question-row');
export const row = (page: Page, text: string) => rows(page).filter({ hasText: text });
export const selected = (page: Page) => page.locator('[data-testid="question-row"][aria-selected="true"]');
export const tabCount = (page: Page, tab: string) => page.getByTestId(`tab-${tab}`).locator('.qtab-count');

/** Moves the selection with j / k to the row that shows `text` (every row of these short lists is drawn). */
export async function selectByKeys(page: Page, text: string) {
  await expect(row(page, text)).toHaveCount(1);
  const states = await rows(page).evaluateAll(
    (els, wanted) =>
      els.map((e) => ({ selected: e.getAttribute('aria-selected') === 'true', has: (e.textContent ?? '').includes(wanted) })),
    text,
  );
  const from = states.findIndex((s) => s.selected);
  const to = states.findIndex((s) => s.has);
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'j' : 'k');
  await expect(selected(page)).toContainText(text);
}

/**
 * q switches the desk to its questions. Under load the desk's keys may be wired a moment after it
 * shows: press again only while the tab is not selected (a second press would switch back).
 */
export async function showQuestionsTab(page: Page): Promise<void> {
  const tab = page.getByTestId('centre-tab-questions');
  await expect(tab).toBeVisible();
  await expect(async () => {
    if ((await tab.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('q');
    await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}
