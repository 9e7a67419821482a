import { checkBothTabs, deskInShow } from './desk-fit';
import { test } from './fixtures';

// A projector-side laptop at 1280×720: the same controls of the show in view without scrolling,
// on both centre tabs, the monitors compact (a flagged question's « Lever » and « Caviarder » may be a
// scroll away in its detail: the keys c and x act without it).

test('at 1280×720 every control of the show is in view on both tabs, the hold too', async ({ page, core }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await deskInShow(page, core);
  await checkBothTabs(page, testInfo, '1280x720', false);
});
