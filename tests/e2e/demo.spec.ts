import { test, expect } from './fixtures';

// The acceptance: `npm run serve`, then /control and /output in Chromium show the demo programme.

test('the control desk shows the demo programme of the Assises', async ({ page, core }, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('event-name')).toContainText('Assises');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('rehearsal-badge')).toBeVisible();
  const rows = page.getByTestId('timeline-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('timeline-row').filter({ hasText: 'Ouverture' }).first()).toBeVisible();
  await expect(page.getByTestId('day-tab')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('control-desk.png'), fullPage: true, animations: 'disabled' });
  await testInfo.attach('control-desk', { path: testInfo.outputPath('control-desk.png'), contentType: 'image/png' });
});

test('the output shows the holding screen: event, clock, current and next session', async ({ page, core }, testInfo) => {
  await page.goto(core.outputUrl);
  await expect(page.getByTestId('event-name')).toContainText('Assises');
  // The demo's rehearsal clock starts at 08:50 on 24 June 2021: welcome is on, the opening is next.
  await expect(page.getByTestId('clock')).toHaveText(/^8\s?h\s?5\d|^08\s?h\s?5\d/);
  await expect(page.getByTestId('current-session')).toContainText('ccueil');
  await expect(page.getByTestId('next-session')).toContainText('Ouverture');
  await page.screenshot({ path: testInfo.outputPath('output-holding.png'), animations: 'disabled' });
  await testInfo.attach('output-holding', { path: testInfo.outputPath('output-holding.png'), contentType: 'image/png' });
});

test('a note written at one seat shows at another seat live, and after a reload', async ({ browser, core }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await a.goto(core.controlUrl);
  await b.goto(core.controlUrl);
  await expect(b.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  const text = 'Micro HF 2 à changer avant la séquence 2';
  await a.getByTestId('note-input').fill(text);
  await a.getByTestId('note-input').press('Enter');
  await expect(b.getByTestId('note-list')).toContainText(text);
  await a.reload();
  await expect(a.getByTestId('note-list')).toContainText(text);
  await a.close();
  await b.close();
});

test('hostile text is shown as text, never run', async ({ page, core }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto(core.controlUrl);
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> \u202Eevil\u202C';
  await page.getByTestId('note-input').fill(hostile);
  await page.getByTestId('note-input').press('Enter');
  await expect(page.getByTestId('note-list')).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('[data-testid="note-list"] img, [data-testid="note-list"] script').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a wrong token gets a clear refusal instead of a broken desk', async ({ page, core }) => {
  await page.goto(core.controlUrl.replace(/token=[^&]+/, 'token=not-the-token'));
  await expect(page.getByTestId('access-problem')).toBeVisible();
  await expect(page.getByTestId('access-problem')).toContainText(/jeton/i);
});
