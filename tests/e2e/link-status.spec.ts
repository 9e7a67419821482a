import { joinPhone } from '../integration/room-presence';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { type TestParticipant } from '../../src/hub/testing/clients';
import { type CoreProcess, spawnCore } from '../integration/helpers';
import { test, expect } from './fixtures';

// Issue 3 at the desk: the link to the audience hub at a glance (« Public »), the way in for the
// audience (event code, join address and its QR code, the choice of address), a live feed of what
// arrives. Issue 4 on the projector: the holding screen shows the expected times, as the desk does.

const POLL_CUE = 'j1-seq1-sondage-ouvrir';
const QA_CUE = 'j1-seq1-questions-ouvrir';

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Sets the rehearsal clock the way an operator does it (see run-of-show.spec.ts). */
async function setRehearsalClock(page: Page, time: string) {
  await page.getByTestId('clock-time').fill(time);
  await page.getByTestId('clock-set-rehearsal').click();
  await expect(page.getByTestId('clock')).toHaveText(new RegExp(`^${time}`));
}

/** « 10:14:03 » → seconds since midnight. */
function seconds(hms: string | null): number {
  const [h = 0, m = 0, s = 0] = (hms ?? '').split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** GO with Space, once the show clock has passed a second since the last GO (the double-GO guard). */
async function go(page: Page) {
  const last = page.getByTestId('last-fired').locator('time');
  if ((await last.count()) > 0) {
    const lastGo = seconds(await last.textContent());
    await expect.poll(async () => seconds(await page.getByTestId('clock').textContent()) - lastGo).toBeGreaterThan(1);
  }
  await page.getByTestId('cue-hold').focus();
  await page.keyboard.press('Space');
}

const row = (page: Page, sessionId: string) => page.locator(`[data-testid="timeline-row"][data-session-id="${sessionId}"]`);
const marker = (page: Page, cueId: string) => page.locator(`[data-testid="cue-marker"][data-cue-id="${cueId}"]`);

test('the desk shows the hub and its audience; a new join address redraws the QR code; the projector follows a delay', async ({
  page,
  browser,
  core,
}, testInfo) => {
  const participants: TestParticipant[] = [];
  try {
    await page.goto(core.controlUrl);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');

    // The embedded hub is up, nobody has joined: calm, and it says so.
    const indicator = page.getByTestId('audience-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'online');
    await expect(indicator).toHaveAttribute('data-tone', 'ok');
    await expect(page.getByTestId('audience-link-words')).toHaveText('Hub connecté');
    await expect(indicator).toContainText(/depuis \d\d:\d\d/);
    await expect(page.getByTestId('participants-room')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('participants-remote')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('outbox-pending')).toHaveCount(0);
    await expect(page.getByTestId('hub-backlog')).toHaveCount(0);

    // The « Public » panel: the event code in big letters, the address and its QR code.
    await indicator.click();
    await expect(indicator).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByTestId('audience-panel');
    await expect(panel).toBeVisible();
    const defaultUrl = core.joinUrls[0] ?? '';
    expect(defaultUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?e=\w+$/);
    await expect(page.getByTestId('join-url')).toHaveText(defaultUrl);
    await expect(page.getByTestId('join-qr')).toHaveAttribute('data-url', defaultUrl);
    await expect(page.getByTestId('join-qr')).toHaveAttribute('src', /^data:image\/svg\+xml/);
    const code = (await page.getByTestId('event-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4,}$/);
    expect(new URL(defaultUrl).searchParams.get('e')).toBe(code);

    // Two participants join: one in the room, one remote.
    participants.push(await joinPhone(core, code, { origin: 'room' }));
    participants.push(await joinPhone(core, code, { origin: 'remote' }));
    await expect(page.getByTestId('participants-room')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('participants-remote')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('participants-room')).toHaveText('1 salle');
    await expect(page.getByTestId('participants-remote')).toHaveText('1 distance');
    await expect(page.getByTestId('panel-participants-room')).toHaveText('1');
    await expect(page.getByTestId('panel-participants-remote')).toHaveText('1');
    const [inRoom, remote] = participants as [TestParticipant, TestParticipant];

    // The panel lies over the clock and the logbook: the indicator closes it again.
    await indicator.click();
    await expect(panel).toHaveCount(0);

    // 10:14: the poll goes out (GO), both vote; then the Q&A (standby moved to it), both ask.
    await setRehearsalClock(page, '10:14');
    await expect(page.getByTestId('standby')).toHaveAttribute('data-cue-id', POLL_CUE);
    await go(page);
    await expect(marker(page, POLL_CUE)).toHaveAttribute('data-status', 'fired');
    // `p` opens the panel from the keyboard.
    await page.keyboard.press('p');
    await expect(panel).toBeVisible();
    await expect.poll(() => inRoom.state?.interaction?.id ?? null).toBe('charge-de-travail');
    expect((await inRoom.vote('charge-de-travail', [0])).ok).toBe(true);
    await expect.poll(() => remote.state?.interaction?.id ?? null).toBe('charge-de-travail');
    expect((await remote.vote('charge-de-travail', [2])).ok).toBe(true);
    const tally = page.locator('[data-testid="live-tally"][data-poll-id="charge-de-travail"]');
    await expect(tally.locator('[data-testid="tally-row"][data-key="0"]')).toHaveAttribute('data-room', '1');
    await expect(tally.locator('[data-testid="tally-row"][data-key="2"]')).toHaveAttribute('data-remote', '1');
    await expect(tally).toContainText('2 votants : salle 1 distance 1');

    await page.getByTestId('cue-hold').focus();
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect(page.getByTestId('standby')).toHaveAttribute('data-cue-id', QA_CUE);
    await go(page);
    // Arrowed past the poll's close: a GO out of order, confirmed with a deliberate click.
    await page.getByTestId('slip-confirm-yes').click();
    await expect(marker(page, QA_CUE)).toHaveAttribute('data-status', 'fired');
    await expect.poll(() => inRoom.state?.qa.open ?? false).toBe(true);
    expect((await inRoom.ask('Quels moyens pour les équipes de nuit ?')).ok).toBe(true);
    await expect.poll(() => remote.state?.qa.open ?? false).toBe(true);
    expect((await remote.ask('Comment associer les familles à distance ?', { name: 'Claire' })).ok).toBe(true);
    const feed = page.getByTestId('feed-question');
    await expect(feed).toHaveCount(2);
    // The newest first, each with where it comes from; shown as text, nothing to click.
    await expect(feed.nth(0)).toHaveAttribute('data-origin', 'remote');
    await expect(feed.nth(0)).toContainText('distance');
    await expect(feed.nth(0)).toContainText('Claire');
    await expect(feed.nth(1)).toHaveAttribute('data-origin', 'room');
    await expect(feed.nth(1)).toContainText('salle');
    await expect(feed.nth(1)).toContainText('Quels moyens pour les équipes de nuit');
    await expect(page.getByTestId('audience-feed').getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('audience-received')).toHaveText('4');
    await expect(page.getByTestId('audience-questions-count')).toHaveText('2');
    // The GO left at once: nothing waits in the outbox.
    await expect(page.getByTestId('outbox-pending')).toHaveCount(0);

    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(page.getByTestId('go-button')).toBeInViewport();
    await shot(page, testInfo, '1-desk-public-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, testInfo, '2-desk-public-1920');

    // Another address for the audience: a public one, typed in. The QR code follows.
    const publicUrl = `https://assises.example.org/?e=${code}`;
    await page.getByTestId('join-change').click();
    await expect(page.getByTestId('join-default')).toBeChecked();
    await expect(page.getByTestId('join-offered')).toHaveCount(core.joinUrls.length);
    await page.getByTestId('join-public-input').fill('pas une adresse');
    await page.getByTestId('join-use').click();
    await expect(page.getByTestId('join-error')).toContainText('adresse http(s) attendue');
    await expect(page.getByTestId('join-url')).toHaveText(defaultUrl);
    await page.getByTestId('join-public-input').fill(publicUrl);
    await expect(page.getByTestId('join-public')).toBeChecked();
    await shot(page, testInfo, '3-join-chooser-1920');
    await page.getByTestId('join-use').click();
    await expect(page.getByTestId('join-chooser')).toHaveCount(0);
    await expect(page.getByTestId('join-url')).toHaveText(publicUrl);
    await expect(page.getByTestId('join-qr')).toHaveAttribute('data-url', publicUrl);
    await expect(page.getByTestId('event-code')).toHaveText(code);
    await shot(page, testInfo, '4-join-public-1920');

    // Back to the default: the hub's own address again.
    await page.getByTestId('join-change').click();
    await expect(page.getByTestId('join-public')).toBeChecked();
    await expect(page.getByTestId('join-public-input')).toHaveValue(publicUrl);
    await page.getByTestId('join-default').check();
    await page.getByTestId('join-use').click();
    await expect(page.getByTestId('join-qr')).toHaveAttribute('data-url', defaultUrl);

    // Escape closes the panel; the indicator stays.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('audience-panel')).toHaveCount(0);
    await expect(indicator).toHaveAttribute('aria-expanded', 'false');

    // 10:40, Séquence 1 runs 10 minutes late: the break after it is expected at 11:10, on the desk
    // and on the projector alike.
    await setRehearsalClock(page, '10:40');
    await row(page, 'j1-seq1').getByTestId('delay-button').click();
    await row(page, 'j1-seq1').getByTestId('delay-10').click();
    await expect(row(page, 'j1-seq1').getByTestId('offset-badge')).toHaveText('+10 min');
    await expect(page.getByTestId('next-session')).toHaveAttribute('data-session-id', 'j1-pause-matin');
    await expect(page.getByTestId('next-session')).toContainText('11:10');

    const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await output.goto(core.outputUrl);
    await expect(output.getByTestId('clock')).toHaveText(/^10\s?h\s?4\d/);
    await expect(output.getByTestId('current-session')).toContainText('Séquence 1');
    await expect(output.getByTestId('current-session')).toContainText(/9\sh\s55\s–\s11\sh\s10/);
    await expect(output.getByTestId('next-session')).toContainText('Pause');
    await expect(output.getByTestId('next-start')).toHaveText(/^11\sh\s10$/);
    await shot(output, testInfo, '5-output-delay-1920');

    // The delay taken back: the projector is back on the plan.
    const clear = row(page, 'j1-seq1').getByTestId('delay-clear');
    if (!(await clear.isVisible())) await row(page, 'j1-seq1').getByTestId('delay-button').click();
    await clear.click();
    await expect(output.getByTestId('next-start')).toHaveText(/^11\sh\s00$/);
    await output.close();
  } finally {
    participants.forEach((p) => p.close());
  }
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('a hub that cannot be reached, or that refuses the régie, is unmissable', async ({ page, core }, testInfo) => {
  // Three more cores than the fixture's, each started from the sources: on a busy 2-core CI machine
  // that alone can take most of the default minute.
  test.slow();
  const cores: { core: CoreProcess; dir: string }[] = [];
  const start = async (args: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'pupitre-e2e-link-'));
    const c = await spawnCore(dir, args);
    cores.push({ core: c, dir });
    return `http://127.0.0.1:${c.port}/control?token=${c.tokens.control}`;
  };
  try {
    // A remote hub that is not there: amber, in words, with the last error; commands wait.
    await page.goto(await start(['--hub-url', `http://127.0.0.1:${await closedPort()}`, '--hub-token', 'jeton-du-hub-distant-0123456789']));
    const indicator = page.getByTestId('audience-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'offline');
    await expect(indicator).toHaveAttribute('data-tone', 'warn');
    await expect(page.getByTestId('audience-link-words')).toHaveText('Hub injoignable');
    await expect(indicator).toContainText('nouvelle tentative…');
    await expect(indicator).toHaveAttribute('title', /^Public — Hub injoignable — nouvelle tentative… depuis \d\d:\d\d/);
    // The hub's counts are not shown while it cannot be reached.
    await expect(page.getByTestId('participants-room')).toHaveCount(0);
    await expect(indicator).toHaveAttribute('title', /Dernière erreur : hub injoignable/);
    await setRehearsalClock(page, '10:14');
    // The standby settles on the poll at the scheduler's next tick (until then it is still the welcome
    // screen's cue, left from the first start, whose GO would now ask for a confirmation).
    await expect(page.getByTestId('standby')).toHaveAttribute('data-cue-id', POLL_CUE);
    await go(page);
    await expect(marker(page, POLL_CUE)).toHaveAttribute('data-status', 'fired');
    // The rooms and the event's look for the phones (sent since the demo loaded) and the poll the GO opened.
    await expect(page.getByTestId('outbox-pending')).toHaveText('3 commandes en attente d’envoi');
    await indicator.click();
    await expect(page.getByTestId('audience-link-problem')).toContainText('Dernière erreur : hub injoignable');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, testInfo, '6-desk-hub-unreachable-1366');

    // The test core's embedded hub, with the wrong token: red, « jeton refusé ».
    const refused = await page.context().newPage();
    await refused.setViewportSize({ width: 1366, height: 768 });
    await refused.goto(await start(['--hub-url', `http://127.0.0.1:${core.hubPort ?? 0}`, '--hub-token', 'pas-le-bon-jeton-0123456789']));
    await expect(refused.getByTestId('audience-indicator')).toHaveAttribute('data-state', 'refused');
    await expect(refused.getByTestId('audience-indicator')).toHaveAttribute('data-tone', 'alert');
    await expect(refused.getByTestId('audience-link-words')).toHaveText('Hub : jeton refusé');
    await shot(refused, testInfo, '7-desk-hub-refused-1366');

    // No hub at all: said quietly, no alarm.
    const none = await page.context().newPage();
    await none.goto(await start(['--no-hub']));
    await expect(none.getByTestId('audience-indicator')).toHaveAttribute('data-state', 'off');
    await expect(none.getByTestId('audience-indicator')).toHaveAttribute('data-tone', 'quiet');
    await expect(none.getByTestId('audience-link-words')).toHaveText('Sans public');
    await expect(none.getByTestId('participants-room')).toHaveCount(0);
  } finally {
    // All three stopped together (each bounded), then their folders removed.
    await Promise.all(cores.map(({ core: c }) => c.stop()));
    for (const { dir } of cores) rmSync(dir, { recursive: true, force: true });
  }
});
