import { test, expect } from './fixtures';

/** What the check reads of the page (this project is typed without the DOM library). */
type Styled = { getComputedStyle(e: unknown): { backgroundColor: string } };

// The buttons that act on air must look like what they do: TAKE green, the panic button red, never
// the plain grey of every other button. (A stylesheet loaded in the wrong order drew both grey.)

test('TAKE is green and the panic button red, apart from the plain buttons', async ({ page, core }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  const background = (testId: string) => page.getByTestId(testId).evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).backgroundColor);
  const rgb = async (testId: string) => (await background(testId)).match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];
  const plain = await page.getByRole('button', { name: 'Exporter' }).evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).backgroundColor);

  const [tr, tg, tb] = await rgb('take');
  expect(await background('take')).not.toBe(plain);
  expect(tg).toBeGreaterThan(tr + 40);
  expect(tg).toBeGreaterThan(tb + 40);
  const [pr, pg, pb] = await rgb('panic');
  expect(await background('panic')).not.toBe(plain);
  expect(pr).toBeGreaterThan(pg + 80);
  expect(pr).toBeGreaterThan(pb + 80);
});
