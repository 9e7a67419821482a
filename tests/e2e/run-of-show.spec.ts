import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue 4's acceptance at the desk: load the demo, move the clock to a plenary, see the cue go to
// standby, press Space, see the poll open; then a delay that a break absorbs, and a double GO refused.

const POLL_CUE = 'j1-seq1-sondage-ouvrir';

/** Sets the rehearsal clock the way an operator does it: a time in the clock panel, then « Régler ». */
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

const row = (page: Page, sessionId: string) => page.locator(`[data-testid="timeline-row"][data-session-id="${sessionId}"]`);
const marker = (page: Page, cueId: string) => page.locator(`[data-testid="cue-marker"][data-cue-id="${cueId}"]`);

test('at 10:14 the poll cue stands by; Space opens the poll (on a phone too); +10 min moves what follows; a double GO is refused', async ({ page, browser, core }, testInfo) => {
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
    await testInfo.attach(name, { path: testInfo.outputPath(`${name}.png`), contentType: 'image/png' });
  };
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('rehearsal-badge')).toBeVisible();

  // The demo's rehearsal clock starts at 08:50 on 24 June; Séquence 1 runs 09:45–11:00. The first
  // start alarms nobody: the Join screen (auto, 08:50, just passed) waits for a GO, not « manquée ».
  await expect(page.getByTestId('standby')).toHaveAttribute('data-cue-id', 'j1-ouverture-participation');
  await expect(page.getByTestId('missed-cues')).toHaveCount(0);
  await setRehearsalClock(page, '10:14');
  await expect(row(page, 'j1-seq1')).toHaveAttribute('data-status', 'current');
  // At 10:14 its session is over: left behind, never fired late, never flagged by itself.
  await expect(marker(page, 'j1-ouverture-participation')).toHaveAttribute('data-status', 'waiting');
  await expect(page.getByTestId('missed-cues')).toHaveCount(0);

  // The poll of Séquence 1 (10:15, manual) is on standby, with its notes and a countdown.
  const standby = page.getByTestId('standby');
  await expect(standby).toHaveAttribute('data-cue-id', POLL_CUE);
  await expect(page.getByTestId('standby-action')).toContainText('Ouvrir le sondage « Depuis la crise sanitaire');
  await expect(page.getByTestId('standby-notes')).toContainText('présidente de séance');
  await expect(page.getByTestId('standby-countdown')).toContainText(/^dans 0[01]:\d\d$/);
  await expect(page.getByTestId('live-indicator')).toContainText('Rien d’ouvert au public');
  await shot('1-standby');

  // A participant's phone, joined through the embedded hub: nothing to vote on yet.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(core.joinUrls[0]!);
  await phone.getByTestId('join-room').click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await expect(phone.getByTestId('poll')).toHaveCount(0);

  // GO with Space. The focus is on a button (not in a field): Space is GO, and only GO.
  await page.getByTestId('cue-hold').focus();
  await page.keyboard.press('Space');
  await expect(marker(page, POLL_CUE)).toHaveAttribute('data-status', 'fired');
  await expect(page.getByTestId('last-fired')).toHaveAttribute('data-cue-id', POLL_CUE);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-open-interactions', 'charge-de-travail');
  await expect(page.getByTestId('live-indicator')).toContainText('Depuis la crise sanitaire');
  await expect(page.locator(`[data-testid="as-run-row"][data-kind="cue.fired"][data-cue-id="${POLL_CUE}"]`)).toContainText('Réplique lancée');
  // The focused button was not pressed by the same key: no hold.
  await expect(page.getByTestId('hold-banner')).toHaveCount(0);
  await expect(standby).toHaveAttribute('data-cue-id', 'j1-seq1-sondage-fermer');
  // …and the phone shows the poll the cue opened.
  await expect(phone.getByTestId('poll')).toContainText('Depuis la crise sanitaire');
  await phone.close();
  await shot('2-poll-open');

  // « We are running 10 minutes late » on Séquence 1: it and the break after it show +10 min;
  // the break absorbs the delay and the table ronde stays on time.
  await row(page, 'j1-seq1').getByTestId('delay-button').click();
  await row(page, 'j1-seq1').getByTestId('delay-10').click();
  await expect(row(page, 'j1-seq1').getByTestId('offset-badge')).toHaveText('+10 min');
  await expect(row(page, 'j1-seq1').getByTestId('tl-start-moved')).toContainText('09:55');
  await expect(row(page, 'j1-pause-matin').getByTestId('offset-badge')).toHaveText('+10 min');
  await expect(row(page, 'j1-pause-matin').getByTestId('absorbed-badge')).toHaveText('absorbe 10 min');
  await expect(row(page, 'j1-seq1-table-ronde').getByTestId('offset-badge')).toHaveCount(0);
  await expect(page.getByTestId('current-session-offset')).toHaveText('+10 min');
  // The cues at an offset from the session's start follow it: the poll closes at 10:35 now.
  await expect(page.getByTestId('standby')).toContainText('attendue 10:35');
  await expect(page.getByTestId('standby-offset')).toHaveText('+10 min');
  await expect(page.locator('[data-testid="as-run-row"][data-kind="delay.set"]')).toContainText('+10 min');
  await shot('3-delay');

  // A double press: the first GO goes, the second is refused and says why. The close is due at
  // 10:35 now: at 10:34 it is the cue due next (no confirmation). (Playwright is quicker than any
  // operator: first let the show clock pass a second since the last GO, or the first press of the
  // pair would already be refused.)
  await setRehearsalClock(page, '10:34');
  const lastGo = seconds(await page.getByTestId('last-fired').locator('time').textContent());
  await expect.poll(async () => seconds(await page.getByTestId('clock').textContent()) - lastGo).toBeGreaterThan(1);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cue-feedback')).toContainText('GO ignoré');
  await expect(page.getByTestId('slip-confirm')).toHaveCount(0);
  await expect(marker(page, 'j1-seq1-sondage-fermer')).toHaveAttribute('data-status', 'fired');
  await expect(marker(page, 'j1-seq1-questions-ouvrir')).toHaveAttribute('data-status', 'waiting');
  await shot('4-double-go');

  // The as-run log can be exported for the organisers (with this seat's token).
  await expect(page.getByTestId('as-run-export')).toHaveAttribute('href', /^\/export\/as-run\.csv\?token=[\w-]+$/);

  // Rehearsal, preparation mode: the run of show can be reset, after a confirmation.
  await page.getByTestId('cue-reset-button').click();
  await page.getByTestId('cue-reset-confirm').click();
  await expect(marker(page, POLL_CUE)).toHaveAttribute('data-status', 'waiting');
  await expect(page.getByTestId('standby')).toHaveAttribute('data-cue-id', POLL_CUE);

  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByTestId('go-button')).toBeInViewport();
  await shot('5-laptop-1366');
});

test('h holds the automation, unmistakably, and h releases it', async ({ page, core }, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('h');
  await expect(page.getByTestId('hold-banner')).toContainText('Automatismes suspendus');
  await expect(page.getByTestId('hold-pill')).toBeVisible();
  await expect(page.getByTestId('cue-hold')).toHaveText(/Reprendre/);
  await page.screenshot({ path: testInfo.outputPath('hold.png'), animations: 'disabled' });
  await page.keyboard.press('h');
  await expect(page.getByTestId('hold-banner')).toHaveCount(0);
  await expect(page.getByTestId('hold-pill')).toHaveCount(0);
});

test('a broken programme file is refused with its line and field; show mode locks the import', async ({ page, core }, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('mode-preparation').click();
  await page.getByTestId('import-button').click();
  const broken = [
    'event:',
    '  name: Assises de test',
    'days:',
    '  - date: "2021-06-24"',
    'sessions:',
    '  - id: s1',
    '    day: "2021-06-24"',
    '    start: "10:00"',
    '    end: "09:00"',
    '    kind: plenary',
    '    title: Ouverture',
    '',
  ].join('\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'programme-casse.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
  // At 08:50 the welcome is running: replacing the programme asks for a confirmation first.
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-running')).toContainText('Accueil des participants');
  await expect(page.getByTestId('import-submit')).toHaveText(/Confirmer/);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-error')).toContainText('rien n’a été importé');
  await expect(page.getByTestId('import-issue').first()).toContainText(/ligne \d+/);
  await expect(page.getByTestId('import-issue').first()).toContainText('end');
  await page.screenshot({ path: testInfo.outputPath('import-errors.png'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  // Nothing was half-imported: the demo is still there.
  await expect(page.getByTestId('event-name')).toContainText('Assises nationales');

  await page.getByTestId('mode-show').click();
  await expect(page.getByTestId('import-button')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'show');
  await expect(page.getByTestId('import-button')).toHaveCount(0);
});
