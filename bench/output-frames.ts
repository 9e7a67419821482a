/**
 * When an /output page paints a take, on Node's clock: shared by bench/take and bench/standby.
 * The page records the first requestAnimationFrame callback after a DOM change (a MutationObserver
 * arms it) in which the layer of a take is on air (not building) — the frame that paints it — on
 * its own clock; `clockOffset` ties that clock to Node's.
 */
import type { Page } from '@playwright/test';

export const nodeNow = () => performance.timeOrigin + performance.now();

/** Runs in the output page: for each take, the time of the first frame that paints it, reported to Node. */
export const FRAME_WATCH = `(() => {
  const seen = new Set();
  let armed = false;
  const check = () => {
    armed = false;
    const t = performance.timeOrigin + performance.now();
    for (const el of document.querySelectorAll('.program-layer')) {
      const take = Number(el.dataset.take);
      if (el.dataset.layerPhase !== 'building' && !seen.has(take)) {
        seen.add(take);
        window.reportFrame(take, t);
      }
    }
  };
  new MutationObserver(() => {
    if (!armed) { armed = true; requestAnimationFrame(check); }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-layer-phase', 'data-take'] });
})()`;

/** A page's clock against Node's: page = node + offset (the midpoint of the fastest round trip). */
export async function clockOffset(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity };
  for (let i = 0; i < 30; i += 1) {
    const t0 = nodeNow();
    const t = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = nodeNow();
    if (t1 - t0 < best.rtt) best = { offset: t - (t0 + t1) / 2, rtt: t1 - t0 };
  }
  return best;
}

/**
 * Opens `url` (an /output page) and watches its frames: `frameOf(take)` resolves with the time, on
 * the page's clock, of the first frame that paints that take (`offset` turns it into Node's).
 */
export async function watchOutput(
  page: Page,
  url: string,
): Promise<{ frameOf(take: number): Promise<number>; offset: number; rtt: number }> {
  const frames = new Map<number, (t: number) => void>();
  const early = new Map<number, number>();
  await page.exposeFunction('reportFrame', (take: number, t: number) => {
    const waiting = frames.get(take);
    if (waiting) waiting(t);
    else early.set(take, t);
  });
  await page.goto(url);
  await page.getByTestId('output-stage').and(page.locator('[data-state="idle"]')).waitFor();
  await page.evaluate(FRAME_WATCH);
  const { offset, rtt } = await clockOffset(page);
  return {
    offset,
    rtt,
    frameOf: (take) =>
      new Promise<number>((resolve) => {
        const t = early.get(take);
        if (t !== undefined) return resolve(t);
        frames.set(take, resolve);
      }),
  };
}
