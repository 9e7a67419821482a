import { joinPhone } from '../integration/room-presence';
import { mainQa } from '../../src/shared/api/room-live';
import type { Locator, Page } from '@playwright/test';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send, type ViewSocket } from '../integration/helpers';
import { test, expect, type CoreFixture } from './fixtures';
import { ask, row, rows, selectByKeys, selected, shot, showQuestionsTab, tabCount } from './question-desk';
import { programOf } from '../../src/shared/api/room-bus';
import { cuesOf } from '../../src/shared/api/room-cues';

// Issue 5 at the desk: questions from simulated participants reach the « Questions » tab; a
// moderator screens them with the keyboard (approve, edit, merge, star, reorder, undo); a second
// seat sees each change; a flagged question cannot go to preview until its flag is cleared;
// hostile text stays text, on the desk and on the stage.

const QA_CUE = 'j1-seq1-questions-ouvrir';
const at = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');

/** A control seat in Node (the core's own client): sets the rehearsal clock to 10:30 and fires the Q&A cue. */
async function openQa(core: CoreFixture): Promise<{ seat: ViewSocket; state: () => ViewState; stageUrl: string }> {
  const seat = connectView(core.port, core.tokens.control);
  const snapshot = await nextSnapshot(seat);
  let state = snapshot.state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `questions-e2e-${n++}`, command });
  expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('10:30') } })).toMatchObject({ ok: true });
  expect(await cmd({ type: 'cue.go', cueId: QA_CUE, outOfOrder: true })).toMatchObject({ ok: true });
  await expect.poll(() => mainQa(state).open).toBe(true);
  const stageUrl = snapshot.access?.stageUrl ?? '';
  expect(stageUrl).toMatch(/\/stage\?token=/);
  return { seat, state: () => state, stageUrl };
}

async function openQuestions(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await showQuestionsTab(page);
  await expect(page.getByTestId('questions-panel')).toBeVisible();
}

test('questions arrive; a moderator approves, edits, merges, stars and reorders with the keyboard; a second seat sees each change', async ({
  page,
  browser,
  core,
}, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { seat, state } = await openQa(core);
  const seatB = await browser.newPage();
  try {
    await openQuestions(page, core.controlUrl);
    // The second moderator has a seat of their own (« Régie — conduite »): each sees who did what.
    const seats = (await (await page.request.get(`http://127.0.0.1:${core.port}/api/seats`, { headers: { Authorization: `Bearer ${core.tokens.control}` } })).json()) as {
      seats: { name: string; addresses: string[] }[];
    };
    await openQuestions(seatB, seats.seats.find((s) => s.name === 'Régie — conduite')!.addresses[0]!);

    await ask(core, 'room', 'Quels moyens pour les équipes de nuit en foyer ?', 'Inès');
    await ask(core, 'remote', 'Équipes de nuit en foyer : quels moyens ??');
    await ask(core, 'remote', 'Comment associer les familles au projet pour l’enfant ?', 'Claire');
    await ask(core, 'room', 'Quel budget pour la protection de l’enfance en 2025 ?');

    // They arrive in both seats, oldest first, with their origin and name (or « anonyme »).
    for (const p of [page, seatB]) {
      await expect(rows(p)).toHaveCount(4);
      await expect(tabCount(p, 'incoming')).toHaveText('4');
    }
    await expect(row(page, 'Quels moyens pour').getByTestId('origin-badge')).toHaveText('salle');
    await expect(row(page, 'Quels moyens pour')).toContainText('Inès');
    await expect(row(page, 'foyer : quels moyens')).toContainText('anonyme');
    await expect(page.getByTestId('balance-words')).toHaveText('salle 50 % · distance 50 %');
    await expect(page.getByTestId('filter-origin-remote')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('centre-incoming')).toHaveText('4');

    // Approve (a): it leaves « À trier » in both seats; the other seat sees who did it.
    await selectByKeys(page, 'Quels moyens pour');
    await page.keyboard.press('a');
    for (const p of [page, seatB]) {
      await expect(tabCount(p, 'incoming')).toHaveText('3');
      await expect(tabCount(p, 'approved')).toHaveText('1');
    }
    await expect(page.getByTestId('questions-feedback')).toContainText('Approuvée');
    // Undo (u) puts it back; approve again.
    await page.keyboard.press('u');
    await expect(tabCount(seatB, 'incoming')).toHaveText('4');
    await expect(page.getByTestId('questions-feedback')).toContainText('Annulé');
    await selectByKeys(page, 'Quels moyens pour');
    await page.keyboard.press('a');
    await expect(tabCount(seatB, 'approved')).toHaveText('1');
    await seatB.keyboard.press('2');
    const approvedInB = row(seatB, 'Quels moyens pour');
    await expect(approvedInB).toHaveAttribute('data-status', 'approved');
    await expect(approvedInB.getByTestId('question-by')).toHaveText('par Régie — modération');
    const byA = await approvedInB.getByTestId('question-by').textContent();

    // Edit (e): inline, Enter saves; the other seat sees the new text and « modifiée »; the original on demand (o).
    await selectByKeys(page, 'Comment associer');
    await page.keyboard.press('e');
    const editor = page.getByTestId('question-editor');
    await expect(editor).toBeFocused();
    await editor.fill('Comment associer les familles au projet pour l’enfant, dès l’accueil ?');
    await page.keyboard.press('Enter');
    await expect(editor).toHaveCount(0);
    await seatB.keyboard.press('1');
    await expect(row(seatB, 'dès l’accueil').getByTestId('edited-marker')).toHaveText('modifiée');
    await expect(row(page, 'dès l’accueil').getByTestId('edited-marker')).toBeVisible();
    await page.keyboard.press('i');
    await expect(page.getByTestId('original-text')).toHaveText('Comment associer les familles au projet pour l’enfant ?');
    // Escape cancels an edit.
    await page.keyboard.press('e');
    await page.getByTestId('question-editor').fill('Ne pas garder');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('question-editor')).toHaveCount(0);
    await expect(row(seatB, 'dès l’accueil')).toHaveCount(1);

    // Merge (m): the duplicate (other accents, case and word order) is offered first; Enter merges.
    await selectByKeys(page, 'foyer : quels moyens');
    await page.keyboard.press('m');
    await expect(page.getByTestId('merge-search')).toBeFocused();
    await expect(page.getByTestId('merge-choice').first()).toContainText('Quels moyens pour les équipes de nuit en foyer ?');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('questions-feedback')).toContainText('Une fusion ne s’annule pas simplement');
    await page.keyboard.press('u');
    await expect(page.getByTestId('questions-feedback')).toContainText('Une fusion ne s’annule pas simplement');
    await expect(tabCount(seatB, 'incoming')).toHaveText('2');
    await expect(row(seatB, 'foyer : quels moyens')).toHaveCount(0);
    await seatB.keyboard.press('2');
    await expect(approvedInB.getByTestId('question-askers')).toHaveText('×2');

    // Star (s) two questions; the shortlist keeps the order; Alt+↑ moves one up; both seats see it.
    // Each step waits for the core's answer on the row, as an operator waits for the star to show.
    await page.keyboard.press('2');
    await selectByKeys(page, 'Quels moyens pour');
    await page.keyboard.press('s');
    await expect(row(page, 'Quels moyens pour')).toHaveAttribute('data-starred', 'true');
    await page.keyboard.press('1');
    await selectByKeys(page, 'Quel budget');
    await page.keyboard.press('s'); // starring from « À trier » approves it as well
    await expect(row(page, 'Quel budget')).toHaveCount(0); // approved: it leaves « À trier »
    await page.keyboard.press('3');
    await seatB.keyboard.press('3');
    for (const p of [page, seatB]) {
      await expect(rows(p)).toHaveCount(2);
      await expect(rows(p).nth(0)).toContainText('Quels moyens pour');
      await expect(rows(p).nth(1)).toContainText('Quel budget');
    }
    await selectByKeys(page, 'Quel budget');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(rows(seatB).nth(0)).toContainText('Quel budget');
    await expect(rows(seatB).nth(0).getByTestId('question-rank')).toHaveText('★ 1');
    // Shift+↓ too; neither moved the cue standby (the arrows alone are the run of show's).
    const standby = cuesOf(state()).standby;
    await page.keyboard.press('Shift+ArrowDown');
    await expect(rows(seatB).nth(1)).toContainText('Quel budget');
    expect(cuesOf(state()).standby).toBe(standby);
    await page.keyboard.press('u'); // the move back
    await expect(rows(seatB).nth(0)).toContainText('Quel budget');

    // The second seat acts too: the first sees who did it.
    await selectByKeys(seatB, 'Quels moyens pour');
    await seatB.keyboard.press('d');
    await page.keyboard.press('4');
    await expect(row(page, 'Quels moyens pour')).toHaveAttribute('data-status', 'answered');
    const byB = await row(page, 'Quels moyens pour').getByTestId('question-by').textContent();
    expect(byB).toBe('par Régie — conduite');
    expect(byB).not.toBe(byA);

    // Type a question in (t): origin « régie », in the current session.
    await page.keyboard.press('t');
    await expect(page.getByTestId('add-question-text')).toBeFocused();
    await page.getByTestId('add-question-text').fill('Question du carton : et les jeunes majeurs ?');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('questions-feedback')).toContainText('Question saisie');
    await page.keyboard.press('Escape');
    await page.keyboard.press('1');
    await expect(row(seatB, 'Question du carton')).toHaveCount(0); // B still shows the shortlist
    await seatB.keyboard.press('1');
    await expect(row(seatB, 'Question du carton').getByTestId('origin-badge')).toHaveText('régie');

    // The keys are in the desk's help.
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-questions')).toContainText('Lever le signalement');
    await page.keyboard.press('Escape');

    await page.keyboard.press('2');
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(page.getByTestId('centre-go')).toBeInViewport();
    await shot(page, testInfo, '1-desk-questions-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, testInfo, '2-desk-questions-1920');
    expect(dialogs).toEqual([]);
  } finally {
    seat.close();
    await seatB.close();
  }
});

test('a flagged question shows what matched and cannot go to preview until a moderator clears the flag', async ({
  page,
  core,
}, testInfo) => {
  const { seat, state } = await openQa(core);
  try {
    await openQuestions(page, core.controlUrl);
    await ask(core, 'room', 'Ma fille Zoé est placée depuis deux ans, que puis-je faire ?');
    const flagged = row(page, 'Ma fille Zoé');
    await expect(flagged).toHaveAttribute('data-flagged', 'true');
    await expect(flagged.getByTestId('row-flag')).toHaveText('prénom : Zoé');
    await expect(page.getByTestId('filter-flagged')).toHaveAttribute('data-count', '1');
    await selectByKeys(page, 'Ma fille Zoé');
    await expect(page.getByTestId('flag-badge')).toHaveText('prénom : Zoé');
    await expect(page.getByTestId('not-projectable')).toContainText('ne peut pas aller à l’écran');

    // Approved, it is still flagged: preview (v) is refused, with what matched.
    await page.keyboard.press('a');
    await page.keyboard.press('2');
    await selectByKeys(page, 'Ma fille Zoé');
    await page.keyboard.press('v');
    const feedback = page.getByTestId('questions-feedback');
    await expect(feedback).toHaveAttribute('data-tone', 'error');
    await expect(feedback).toContainText('Aperçu refusé : question signalée (prénom : Zoé)');
    expect(programOf(state()).preview).toBeNull();
    await shot(page, testInfo, '3-flag-refused');

    // « Lever le signalement » (c): recorded with the seat; now the core decides on the scene itself.
    await page.keyboard.press('c');
    await expect(page.getByTestId('flags-cleared')).toContainText('Signalement levé par Régie — modération');
    await expect(row(page, 'Ma fille Zoé')).toHaveAttribute('data-flagged', 'false');
    await page.keyboard.press('v');
    // Cleared by a moderator: the question goes to preview, with its text copied into the scene.
    await expect(feedback).toContainText(/En aperçu : « Ma fille Zoé/);
    await expect.poll(() => programOf(state()).preview).toMatchObject({ kind: 'question', text: expect.stringContaining('Ma fille Zoé') });
    await shot(page, testInfo, '4-flag-cleared-preview');
  } finally {
    seat.close();
  }
});

/** What a script injected by a question would have set (nothing, if the text stayed text). */
const pwned = () => (globalThis as unknown as { __pwned?: number }).__pwned;
/** No horizontal overflow: the content is as wide as the box. */
const fitsWidth = (l: Locator) => l.evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth <= el.clientWidth + 1);

const HOSTILE = {
  html: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>gras</b> ?',
  rtl: 'Début \u202Eenrevne étircé\u202C fin',
  zeroWidth: 'Zé\u200Bro\u200D lar\uFEFFgeur Z\u0351\u0352\u0353\u0354a\u0355\u0356\u0357l\u0358\u0359go\u035A',
  emoji: '🙂🙂🙂🎉👍🏽',
  long: `${'Quelle place pour la parole des enfants placés dans les décisions qui les concernent, '.repeat(6)}`.slice(0, 499) + '?',
};

test('hostile text stays inert text on the desk and on the stage, and the layout holds', async ({ page, browser, core }, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { seat, state, stageUrl } = await openQa(core);
  const stage = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  stage.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await openQuestions(page, core.controlUrl);
    await page.setViewportSize({ width: 1366, height: 768 });
    await ask(core, 'room', HOSTILE.html, '<i>Mallory</i>');
    await ask(core, 'remote', HOSTILE.rtl);
    await ask(core, 'room', HOSTILE.zeroWidth);
    await ask(core, 'remote', HOSTILE.emoji);
    await ask(core, 'room', HOSTILE.long);
    expect([...HOSTILE.long].length).toBe(500); // the hub's limit, the longest allowed
    // 5,000 characters: refused by the hub, nothing reaches the desk.
    const code = new URL(core.joinUrls[0] ?? '').searchParams.get('e') ?? '';
    const flooder = await joinPhone(core, code, { origin: 'remote' });
    try {
      await expect.poll(() => flooder.state?.qa.open ?? false).toBe(true);
      expect((await flooder.ask('Pourquoi '.repeat(556).slice(0, 5000))).ok).toBe(false);
    } finally {
      flooder.close();
    }
    // Counted by the queue's tab: the list draws only the rows in view (a flagged question selected
    // on a laptop's screen leaves the queue one row).
    await expect(tabCount(page, 'incoming')).toHaveText('5');
    // The hub took out the invisible characters (bidi override, zero-width) and kept the rest as typed.
    const texts = state().audience.questions.map((q) => q.text);
    expect(texts).toContain(HOSTILE.html);
    expect(texts.some((t) => t.includes('\u202E') || t.includes('\u200B') || t.includes('\uFEFF'))).toBe(false);

    // The régie may type one in with a bidi override: the core keeps it, the views isolate it.
    await page.keyboard.press('t');
    await page.getByTestId('add-question-text').fill(`Carton ${HOSTILE.rtl}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('questions-feedback')).toContainText('Question saisie');
    await page.keyboard.press('Escape');
    await expect(tabCount(page, 'incoming')).toHaveText('6');

    // Everything approved and starred, for the stage; flags (the long text is one) read and cleared.
    for (let i = 0; i < 6; i++) {
      await expect(tabCount(page, 'incoming')).toHaveText(String(6 - i));
      await page.keyboard.press('s');
    }
    await expect(tabCount(page, 'shortlist')).toHaveText('6');
    await page.keyboard.press('3');
    const stillFlagged = page.locator('[data-testid="question-row"][data-flagged="true"]');
    for (let i = 0; i < 6 && (await stillFlagged.count()) > 0; i++) {
      const id = await stillFlagged.first().getAttribute('data-question-id');
      await stillFlagged.first().click();
      await expect(selected(page)).toHaveAttribute('data-question-id', id ?? '');
      await page.keyboard.press('c');
      await expect(page.locator(`[data-testid="question-row"][data-question-id="${id}"]`)).toHaveAttribute('data-flagged', 'false');
    }

    // Inert on the desk: the markup is text, nothing injected, nothing ran.
    const list = page.getByTestId('question-list');
    await expect(list.locator('img, script, b, i')).toHaveCount(0);
    await expect(row(page, '<img src=x').getByTestId('question-text')).toHaveText(HOSTILE.html);
    await expect(row(page, '<img src=x')).toContainText('<i>Mallory</i>');
    expect(await page.evaluate(pwned)).toBeUndefined();
    // The longest text: two lines in its row (fixed height), all of it in the detail, wrapped.
    await selectByKeys(page, 'Quelle place pour la parole');
    const heights = await rows(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(new Set(heights).size).toBe(1);
    const detail = page.getByTestId('detail-text');
    await expect(detail).toHaveText(HOSTILE.long);
    expect(await fitsWidth(page.getByTestId('questions-panel'))).toBe(true);
    expect(await fitsWidth(detail)).toBe(true);
    expect(await fitsWidth(page.locator('html'))).toBe(true);
    await expect(page.getByTestId('centre-go')).toBeInViewport();
    await shot(page, testInfo, '5-hostile-desk-1366');
    // The override typed in at the desk reorders nothing on screen: it is not drawn.
    await selectByKeys(page, 'Carton');
    await expect(row(page, 'Carton').getByTestId('question-text')).toHaveText('Carton Début enrevne étircé fin');
    await expect(page.getByTestId('detail-text')).toHaveText('Carton Début enrevne étircé fin');
    await shot(page, testInfo, '6-hostile-desk-rtl-1366');

    // Inert on the stage too: the six questions, as text, and a layout that holds.
    await stage.goto(stageUrl);
    await expect(stage.getByTestId('stage-question')).toHaveCount(6);
    await expect(stage.getByTestId('stage-shortlist').locator('img, script, b, i')).toHaveCount(0);
    await expect(stage.getByTestId('stage-question').filter({ hasText: '<img src=x' })).toContainText('<i>Mallory</i>');
    await expect(stage.getByTestId('stage-question-text').filter({ hasText: 'Carton' })).toHaveText('Carton Début enrevne étircé fin');
    expect(await stage.evaluate(pwned)).toBeUndefined();
    expect(await fitsWidth(stage.locator('html'))).toBe(true);
    await shot(stage, testInfo, '7-hostile-stage-1024');
    await stage.getByTestId('stage-question').filter({ hasText: 'Quelle place' }).scrollIntoViewIfNeeded();
    await shot(stage, testInfo, '8-hostile-stage-1024-long');
    expect(dialogs).toEqual([]);
  } finally {
    seat.close();
    await stage.close();
  }
});
