import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { paintedContrast } from './painted-contrast';

// The phones in the event's look (issue 16): the real core with the demo programme, its embedded
// hub serving the participant page; the demo's name, plum, gold and logo go régie → hub → phone.
// axe (WCAG 2 A/AA) on the join screen, the live page and a poll; screenshots in test-results/.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const NAME = '14es Assises nationales de la protection de l’enfance';

async function audit(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const low: string[] = [];
  for (const node of results.incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes)) {
    const ratio = await paintedContrast(page, page.locator(node.target.map(String).join(' ')).first());
    if (ratio < 4.5) low.push(`${node.target.join(' ')}: ${ratio.toFixed(2)}:1`);
  }
  const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect([...summary, ...low], `${name}: WCAG violations`).toEqual([]);
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A computed style of an element, in the page (the Node project has no DOM types). */
const css = (page: Page, testId: string, property: string) =>
  page.getByTestId(testId).evaluate((el, p) => {
    const w = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } };
    return w.getComputedStyle(el).getPropertyValue(p);
  }, property);

test('the phone wears the event’s name, colours and logo from the join screen on; axe clean', async ({ browser, core }, testInfo) => {
  const joinUrl = core.joinUrls[0];
  expect(joinUrl, 'the embedded hub gives a join address').toBeTruthy();
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2 });
  const phone = await context.newPage();
  await phone.goto(joinUrl!);

  // The join screen already: branding.json, before any socket.
  await expect(phone.getByTestId('brand-name')).toHaveText(NAME);
  await expect(phone.getByTestId('brand-name').locator('sup')).toHaveText('es'); // « 14es », the suffix raised
  await expect(phone.getByTestId('topbar')).toHaveAttribute('data-branded', 'true');
  expect(await css(phone, 'topbar', 'background-color')).toBe('rgb(38, 31, 58)'); // #261f3a
  expect(await css(phone, 'brand-name', 'color')).toBe('rgb(240, 192, 90)'); // #f0c05a
  const logo = phone.getByTestId('brand-logo');
  await expect(logo).toHaveAttribute('alt', 'Assises nationales de la protection de l’enfance');
  await expect(logo).toHaveAttribute('src', /\/branding\/logo-[0-9a-f]{16}\.svg$/);
  await expect.poll(() => logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  expect(await phone.title()).toBe(`Participer · ${NAME}`);
  expect(await phone.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#261f3a');
  await shot(phone, testInfo, 'phone-1-join');
  await audit(phone, testInfo, 'phone-join');

  // Joined: the same look; the buttons in the event's colour.
  await phone.getByTestId('join-room').click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await expect(phone.getByTestId('brand-name')).toHaveText(NAME);
  await shot(phone, testInfo, 'phone-2-live');
  await audit(phone, testInfo, 'phone-live');

  // A poll from the desk's cue: chosen answers on the event's pale tint, the button in its plum.
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `brand-e2e-${n++}`, command });
  expect(
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } }),
  ).toMatchObject({ ok: true });
  expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: true });
  await expect(phone.getByTestId('poll')).toContainText('Depuis la crise sanitaire');
  await phone.getByTestId('poll-option').filter({ hasText: 'un peu augmenté' }).click();
  expect(await css(phone, 'poll-submit', 'background-color')).toBe('rgb(38, 31, 58)');
  await shot(phone, testInfo, 'phone-3-poll');
  await audit(phone, testInfo, 'phone-poll');
  seat.close();
  await context.close();
});

test('a colour the phones cannot use is left out there, and the desk says why at the import and in « Public »', async ({
  page,
  browser,
  core,
}, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  // The demo: everything goes to the phones.
  await page.keyboard.press('p');
  await expect(page.getByTestId('phone-look')).toHaveText('Les téléphones portent le nom, les couleurs et le logo de l’événement.');
  await page.keyboard.press('Escape');

  // An accent light enough for the projector's dark background, not for the phone's blue bar.
  const programme = [
    'version: 1',
    'event:',
    '  name: "Journée d’étude : l’enfant placé"',
    '  timeZone: Europe/Paris',
    '  branding:',
    '    accent: "#5a8fd6"',
    'days:',
    '  - date: "2021-06-24"',
    'sessions:',
    '  - id: s1',
    '    day: "2021-06-24"',
    '    start: "09:00"',
    '    end: "10:00"',
    '    kind: plenary',
    '    title: Ouverture',
    '',
  ].join('\n');
  await page.getByTestId('mode-preparation').click();
  await page.getByTestId('import-button').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'journee.yaml', mimeType: 'application/yaml', buffer: Buffer.from(programme) });
  await page.getByTestId('import-submit').click();
  if (await page.getByTestId('import-running').isVisible()) await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const why = 'accent #5a8fd6 non utilisé sur les téléphones : sur la barre du haut (#1c3d8c) il donne 3:1, il faut 4,5:1 (WCAG AA)';
  await expect(page.getByTestId('import-phone-notes')).toHaveText(why);
  await page.getByTestId('import-dialog').screenshot({ path: testInfo.outputPath('desk-import-phone-notes.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await expect(page.getByTestId('phone-look-notes')).toContainText(why);

  // The régie's outbox brings the new look to the hub; then a phone opens the page.
  const hubLook = async () =>
    ((await (await fetch(new URL('branding.json', core.joinUrls[0]!))).json()) as { branding: { name: string } | null }).branding?.name;
  await expect.poll(hubLook).toBe('Journée d’étude\u00a0: l’enfant placé');
  const context = await browser.newContext({ viewport: PHONE });
  const phone = await context.newPage();
  await phone.goto(core.joinUrls[0]!);
  await expect(phone.getByTestId('brand-name')).toHaveText('Journée d’étude\u00a0: l’enfant placé');
  expect(await css(phone, 'topbar', 'background-color')).toBe('rgb(28, 61, 140)'); // the page's own blue
  expect(await css(phone, 'brand-name', 'color')).toBe('rgb(255, 255, 255)'); // not the refused accent
  await expect(phone.getByTestId('brand-logo')).toHaveCount(0);
  await shot(phone, testInfo, 'phone-accent-left-out');
  await audit(phone, testInfo, 'phone-accent-left-out');
  await context.close();
});
