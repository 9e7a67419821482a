import type { Browser, Page } from '@playwright/test';
import { REMOTE_PREFIX } from '../../src/main/server/remote-api';
import { selectByKeys, showQuestionsTab } from './question-desk';
import { type CoreFixture, expect, test } from './fixtures';
import { approvedQuestion, Audience, confirmation, focusPage, openDesk, openSeat, rehearseAt, type Seat, shot, stage } from './slip-helpers';
import { programOf } from '../../src/shared/api/room-bus';
import { cuesOf } from '../../src/shared/api/room-cues';

// Issue 16: the slips a stressed operator makes, on the demo, in Chromium. Each test makes one
// slip at the desk and checks what the projector (the real /output page, every scene it showed
// recorded) and a phone (a participant on the embedded hub, every patch kept) received, and
// whether the desk asked for a confirmation. None of them changes the projector or the audience
// without a deliberate confirmation.

const POLL = 'charge-de-travail';
const POLL_OPEN = 'j1-seq1-sondage-ouvrir';
const QA_OPEN = 'j1-seq1-questions-ouvrir';
const QA_CLOSE = 'j1-seq1-questions-fermer';
const BREAK_RESULTS = 'j1-pause-matin-resultats';
const JOIN = 'j1-ouverture-participation';

interface Slip {
  seat: Seat;
  audience: Audience;
}

/** The desk, a control seat in Node, the projector and a phone; the rehearsal clock at `time` if given. */
async function setUp(page: Page, browser: Browser, core: CoreFixture, time?: string): Promise<Slip> {
  const seat = await openSeat(core);
  if (time) await rehearseAt(seat, time);
  await openDesk(page, core);
  if (time) await expect(page.getByTestId('clock')).toHaveText(new RegExp(`^${time}`));
  const audience = await Audience.watch(browser, core, seat);
  return { seat, audience };
}

const standby = (page: Page) => page.getByTestId('standby');

/** The standby moved with ↓, `n` times, and the desk shows it there. */
async function arrowDown(page: Page, n: number, to: string): Promise<void> {
  for (let i = 0; i < n; i += 1) await page.keyboard.press('ArrowDown');
  await expect(standby(page)).toHaveAttribute('data-cue-id', to);
}

/** A message put on air deliberately (preview, TAKE), so that a slip could bring something back. */
async function messageOnAir(seat: Seat, audience: Audience, text = 'Bienvenue aux Assises'): Promise<void> {
  await seat.ok({ type: 'program.preview', scene: { kind: 'message', text } });
  await seat.ok({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
  await expect(stage(audience.output)).toHaveAttribute('data-scene', 'message');
  await audience.record();
}

test.describe('slips at the desk', () => {
  test('1. Space Space on the cue due next: one GO, the second refused as a double press; no confirmation needed', async ({ page, browser, core }, testInfo) => {
    const { seat, audience } = await setUp(page, browser, core, '10:15');
    await expect(standby(page)).toHaveAttribute('data-cue-id', POLL_OPEN);
    await expect(standby(page)).toHaveAttribute('data-out-of-order', 'false');
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('cue-feedback')).toContainText('GO ignoré');
    await expect(confirmation(page)).toHaveCount(0);
    await expect.poll(() => seat.state().cues.runs[POLL_OPEN]?.status).toBe('fired');
    await seat.synced();
    expect(seat.state().cues.runs[POLL_OPEN]).toMatchObject({ status: 'fired', trigger: 'go' });
    expect(seat.state().cues.runs['j1-seq1-sondage-fermer']).toBeUndefined();
    // The phone got the poll once; the projector nothing.
    await expect.poll(() => audience.phone.state?.interaction?.id ?? null).toBe(POLL);
    expect(audience.phoneOps().filter((o) => o.op === 'interaction')).toHaveLength(1);
    expect(await audience.shown()).toEqual([]);
    await shot(page, testInfo, 'slip-01-space-space');
  });

  test('2. ↓ ↓ ↓ ↓ then Space (a cue 41 min early, over four of its session): a confirmation; Esc fires nothing; the session’s cues stay in sight', async ({
    page,
    browser,
    core,
  }, testInfo) => {
    const { seat, audience } = await setUp(page, browser, core, '10:14');
    await expect(standby(page)).toHaveAttribute('data-cue-id', POLL_OPEN);
    await arrowDown(page, 4, QA_CLOSE);
    // Before any key: the card says the GO is out of order, and the passed cues stay listed.
    await expect(standby(page)).toHaveAttribute('data-out-of-order', 'true');
    await expect(page.getByTestId('standby-out-of-order')).toContainText('plus de 5 min d’avance');
    const behind = page.getByTestId('behind-cues').getByTestId('cue-line');
    await expect(behind).toHaveCount(4);
    await expect(behind.first()).toContainText('Ouvrir le sondage');
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toBeVisible();
    await expect(page.getByTestId('slip-confirm-reasons')).toContainText(/prévue à 10:55, dans 41 min/);
    await expect(page.getByTestId('slip-confirm-reasons')).toContainText('ni lancées ni sautées : 4');
    await expect(page.getByTestId('slip-confirm-reasons')).toContainText('10:15 Ouvrir le sondage');
    await expect(page.getByTestId('slip-confirm-no')).toBeFocused();
    await shot(page, testInfo, 'slip-02-confirm-out-of-order');
    // Esc closes the confirmation, and only that (no panic).
    await page.keyboard.press('Escape');
    await expect(confirmation(page)).toHaveCount(0);
    await expect(page.getByTestId('panic-banner')).toHaveCount(0);
    await audience.expectUntouched();
    expect(seat.state().cues.runs).toEqual({});
  });

  test('3. Space, then Space and Enter again in the confirmation: they cancel it, never confirm', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core, '10:14');
    await arrowDown(page, 4, QA_CLOSE);
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toBeVisible();
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toHaveCount(0);
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(confirmation(page)).toHaveCount(0);
    await audience.expectUntouched();
    expect(seat.state().cues.runs).toEqual({});
  });

  test('4. Space held down (auto-repeat) on a cue out of order: one confirmation, still open, never a GO', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core, '10:14');
    await arrowDown(page, 4, QA_CLOSE);
    for (let i = 0; i < 6; i += 1) await page.keyboard.down(' ');
    await page.keyboard.up(' ');
    await expect(confirmation(page)).toBeVisible();
    await expect(confirmation(page)).toHaveCount(1);
    await page.getByTestId('slip-confirm-no').click();
    await expect(confirmation(page)).toHaveCount(0);
    await audience.expectUntouched();
    expect(seat.state().cues.runs).toEqual({});
  });

  test('5. « Lancer » on a cue of a session that is over, and GO from the Stream Deck out of order: a confirmation at the desk, a 409 for the remote', async ({
    page,
    browser,
    core,
  }, testInfo) => {
    // 11:40: the Q&A close of Séquence 1 (auto, 10:55) passed while the clock jumped: missed.
    const { seat, audience } = await setUp(page, browser, core, '11:40');
    const missed = page.getByTestId('missed-cues').getByTestId('cue-line').filter({ hasText: 'Fermer les questions' });
    await expect(missed).toBeVisible();
    await missed.getByTestId('cue-fire').click();
    await expect(confirmation(page)).toBeVisible();
    await expect(page.getByTestId('slip-confirm-reasons')).toContainText('est terminée');
    await shot(page, testInfo, 'slip-05-past-session');
    await page.getByTestId('slip-confirm-no').click();
    // The remote control (Companion) has no dialog: the core refuses, with the reason, in French.
    const r = await fetch(`http://127.0.0.1:${core.port}${REMOTE_PREFIX}go?token=${core.tokens.control}`, { method: 'POST' });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: string }).error).toMatch(/GO hors ordre refusé sans confirmation/);
    await audience.expectUntouched();
    expect(Object.values(seat.state().cues.runs).filter((run) => run.status === 'fired')).toEqual([]);
  });

  test('6. ↓ into the next session, q, Space on the questions tab: confirmed, the poll scene only reaches the preview', async ({ page, browser, core }, testInfo) => {
    const { seat, audience } = await setUp(page, browser, core, '10:14');
    await arrowDown(page, 5, BREAK_RESULTS);
    await expect(page.getByTestId('standby-destination')).toHaveAttribute('data-destination', 'preview');
    await expect(page.getByTestId('standby-destination')).toContainText('Scène → aperçu');
    await showQuestionsTab(page);
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toBeVisible();
    await expect(page.getByTestId('slip-confirm')).toContainText('Sa scène ira dans l’aperçu');
    // A deliberate click confirms: the scene goes to the preview, not to the projector.
    await page.getByTestId('slip-confirm-yes').click();
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'poll');
    await expect(page.getByTestId('preview-caption')).toContainText('mise en aperçu par la réplique');
    await expect.poll(() => seat.state().cues.runs[BREAK_RESULTS]).toMatchObject({ status: 'fired', outOfOrder: true });
    // Back on the run of show: the cue fired out of order stays in sight, to re-arm.
    await page.keyboard.press('q');
    const fired = page.getByTestId('out-of-order-cues').getByTestId('cue-line');
    await expect(fired).toContainText('Afficher le sondage');
    await expect(fired.getByTestId('cue-rearm')).toBeVisible();
    await shot(page, testInfo, 'slip-06-out-of-order-in-preview');
    await audience.expectUntouched();
  });

  test('7. u after a mistaken GO: the poll closes, its vote set aside; the next routine Space pushes no result to the phones', async ({
    page,
    browser,
    core,
  }, testInfo) => {
    const { seat, audience } = await setUp(page, browser, core, '09:30');
    await expect(standby(page)).toHaveAttribute('data-cue-id', JOIN);
    await arrowDown(page, 1, POLL_OPEN);
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toBeVisible();
    await page.getByTestId('slip-confirm-yes').click();
    await expect.poll(() => audience.phone.state?.interaction?.id ?? null).toBe(POLL);
    expect((await audience.phone.vote(POLL, [0])).ok).toBe(true);
    // Counted in the room: the test phone joined with the room's key, as one that scanned the screen's QR code.
    await expect.poll(() => seat.state().audience.tallies[POLL]?.voters.room ?? 0).toBe(1);
    await focusPage(page);
    await page.keyboard.press('u');
    await expect(page.getByTestId('cue-feedback')).toContainText('GO annulé');
    await expect(page.getByTestId('cue-feedback')).toContainText('votes écartés : 1');
    await expect.poll(() => audience.phone.state?.interaction ?? null).toBeNull();
    await expect.poll(() => seat.state().live.interactions[POLL]).toBeUndefined();
    await expect.poll(() => seat.state().audience.tallies[POLL]).toBeUndefined();
    await expect(standby(page)).toHaveAttribute('data-cue-id', POLL_OPEN);
    await shot(page, testInfo, 'slip-07-undo');
    // The next routine Space: the poll's cue is still 45 min early: asked again, nothing sent.
    await page.keyboard.press('Space');
    await expect(confirmation(page)).toBeVisible();
    await page.keyboard.press('Escape');
    expect(audience.phoneOps().filter((o) => o.op === 'results' && o.value !== null)).toEqual([]);
    expect(await audience.shown()).toEqual([]);
  });

  test('8. Ctrl+Z after a scene GO straight to air: what was on air before is back', async ({ page, browser, core }, testInfo) => {
    const { audience, seat } = await setUp(page, browser, core);
    await messageOnAir(seat, audience);
    await expect(standby(page)).toHaveAttribute('data-cue-id', JOIN);
    await expect(page.getByTestId('standby-destination')).toHaveAttribute('data-destination', 'air');
    await focusPage(page);
    await page.keyboard.press('Space'); // the cue due now: no confirmation; its scene goes straight to air
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'join');
    await expect(confirmation(page)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'message');
    await expect(page.getByTestId('cue-feedback')).toContainText('remis à l’antenne');
    await expect(page.getByTestId('cue-feedback')).toContainText('la scène a déjà été vue');
    expect((await audience.shown()).map((s) => s.scene)).toEqual(['join', 'message']);
    await shot(page, testInfo, 'slip-08-ctrl-z');
  });

  test('9. Enter Enter: one TAKE; the second finds the preview empty, never the scene that was on air', async ({ page, browser, core }, testInfo) => {
    const { seat, audience } = await setUp(page, browser, core);
    await seat.ok({ type: 'program.transition', transition: { kind: 'cut', durationMs: 250 } });
    await seat.ok({ type: 'program.preview', scene: { kind: 'message', text: 'Pause café' } });
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'message');
    await expect(page.getByTestId('program-problem')).toContainText('rien en aperçu');
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'none');
    await expect(page.getByTestId('previous-scene')).toContainText('Déjà à l’antenne avant : Écran d’attente');
    expect((await audience.shown()).map((s) => s.scene)).toEqual(['message']);
    expect(audience.phoneOps()).toEqual([]);
    await shot(page, testInfo, 'slip-09-enter-enter');
  });

  test('10. Enter after `v` was refused on a flagged question: nothing goes on air', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core, '10:30');
    await seat.ok({ type: 'cue.go', cueId: QA_OPEN, outOfOrder: true });
    await approvedQuestion(seat, 'Ma fille Zoé attend une famille depuis un an');
    await messageOnAir(seat, audience);
    await showQuestionsTab(page);
    await page.getByTestId('tab-approved').click();
    await selectByKeys(page, 'Ma fille');
    await page.keyboard.press('v');
    await expect(page.getByTestId('questions-feedback')).toHaveAttribute('data-tone', 'error');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('program-problem')).toContainText('rien en aperçu');
    await audience.expectUntouched();
  });

  test('11. Enter after `q` while composing a message: no TAKE of anything', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core);
    await messageOnAir(seat, audience);
    await page.getByTestId('compose-message').click();
    await page.getByTestId('compose-text').fill('Reprise à 14 h');
    await focusPage(page); // the focus left the field
    await page.keyboard.press('q');
    await expect(page.getByTestId('centre-tab-questions')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('program-problem')).toContainText('rien en aperçu');
    await audience.expectUntouched();
  });

  test('12. Enter in a form, twice in a row: the message goes to the preview, the second Enter is not a TAKE', async ({ page, browser, core }) => {
    const { audience } = await setUp(page, browser, core);
    await page.getByTestId('compose-message').click();
    await page.getByTestId('compose-text').fill('Reprise des travaux à 11 h');
    await page.getByTestId('compose-text').press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'holding');
    await audience.expectUntouched();
  });

  test('13. Esc while typing a note: it only leaves the field; Esc again at once is not a panic', async ({ page, browser, core }, testInfo) => {
    const { audience } = await setUp(page, browser, core);
    const note = page.getByTestId('note-input');
    await note.click();
    await page.keyboard.type('Micro HF 2 en panne');
    await page.keyboard.press('Escape');
    await expect(note).not.toBeFocused();
    await expect(note).toHaveValue('Micro HF 2 en panne');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('key-ignored')).toHaveAttribute('data-key', 'Escape');
    await expect(page.getByTestId('panic-banner')).toHaveCount(0);
    await shot(page, testInfo, 'slip-13-escape-in-note');
    await audience.expectUntouched();
  });

  test('14. Esc, Esc to leave the questions’ search field: no panic', async ({ page, browser, core }) => {
    const { audience } = await setUp(page, browser, core);
    await showQuestionsTab(page);
    await page.keyboard.press('f');
    await expect(page.getByTestId('filter-search')).toBeFocused();
    await page.keyboard.type('moyens');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('filter-search')).not.toBeFocused();
    await expect(page.getByTestId('key-ignored')).toHaveAttribute('data-key', 'Escape');
    await expect(page.getByTestId('panic-banner')).toHaveCount(0);
    await audience.expectUntouched();
  });

  test('15. Esc, Esc to close the help: no panic', async ({ page, browser, core }) => {
    const { audience } = await setUp(page, browser, core);
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-help')).toBeVisible();
    await expect(page.getByTestId('shortcuts-rules')).toContainText('Échap dans un champ ne fait que le quitter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-help')).toBeHidden();
    await expect(page.getByTestId('panic-banner')).toHaveCount(0);
    await audience.expectUntouched();
    // A deliberate Escape (after a click) still panics at once: the rule takes nothing from panic.
    await focusPage(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('panic-banner')).toBeVisible();
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'holding');
  });

  test('16. Enter held down (auto-repeat): one TAKE only', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core);
    await seat.ok({ type: 'program.preview', scene: { kind: 'message', text: 'Pause café' } });
    await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'message');
    for (let i = 0; i < 6; i += 1) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'message');
    await expect.poll(() => programOf(seat.state()).take).toBe(1);
    expect((await audience.shown()).map((s) => s.scene)).toEqual(['message']);
    await expect(page.getByTestId('program-problem')).toHaveCount(0); // no second TAKE even tried
    expect(audience.phoneOps()).toEqual([]);
  });

  test('17. h held down: the automation is held once (not toggled back and forth); h releases it; nothing fires', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core);
    for (let i = 0; i < 5; i += 1) await page.keyboard.down('h');
    await page.keyboard.up('h');
    await expect(page.getByTestId('hold-banner')).toBeVisible();
    await expect.poll(() => cuesOf(seat.state()).held).toBe(true);
    await page.keyboard.press('h');
    await expect(page.getByTestId('hold-banner')).toHaveCount(0);
    await audience.expectUntouched();
    expect(seat.state().cues.runs).toEqual({});
  });

  test('18. Enter right after `v`: the question goes on air, and the banner says so (not « TAKE pour la mettre à l’écran »)', async ({ page, browser, core }) => {
    const { seat, audience } = await setUp(page, browser, core, '10:30');
    await seat.ok({ type: 'cue.go', cueId: QA_OPEN, outOfOrder: true });
    await approvedQuestion(seat, 'Quels moyens pour les équipes de nuit en foyer ?');
    await audience.record();
    await showQuestionsTab(page);
    await page.getByTestId('tab-approved').click();
    await selectByKeys(page, 'équipes de nuit');
    await page.keyboard.press('v');
    await expect(page.getByTestId('questions-feedback')).toContainText('TAKE pour la mettre à l’écran');
    await page.keyboard.press('Enter');
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'question');
    await expect(page.getByTestId('questions-feedback')).toContainText('À l’antenne : « Quels moyens pour les équipes de nuit');
    await expect(page.getByTestId('questions-feedback')).not.toContainText('TAKE');
  });

  test('19. The first start of the demo alarms nobody: no missed cue, nothing in the as-run log, the projector on its holding screen', async ({
    page,
    browser,
    core,
  }, testInfo) => {
    const { audience } = await setUp(page, browser, core);
    await expect(standby(page)).toHaveAttribute('data-cue-id', JOIN);
    await expect(page.getByTestId('missed-cues')).toHaveCount(0);
    await expect(page.locator('[data-testid="as-run-row"][data-kind="cue.missed"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="cue-marker"][data-status="missed"]')).toHaveCount(0);
    await expect(stage(audience.output)).toHaveAttribute('data-scene', 'holding');
    await shot(page, testInfo, 'slip-19-first-start');
  });
});
