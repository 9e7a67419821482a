import { mainQa } from '../../src/shared/api/room-live';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send, type ViewSocket } from '../integration/helpers';
import { test, expect } from './fixtures';
import { ask, row, rows, selectByKeys, shot, showQuestionsTab } from './question-desk';

// Issue 5 on stage: the facilitator's tablet (/stage) shows the shortlist in the moderators'
// order, follows a reorder at the desk, shows the régie's message, the session clock with the
// delays, and never a flagged question before a moderator has cleared it.

const QA_CUE = 'j1-seq1-questions-ouvrir';
const at = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');

test('the stage shows the shortlist in order, follows a reorder, shows the régie’s message and the session clock', async ({
  page,
  browser,
  core,
}, testInfo) => {
  const seat: ViewSocket = connectView(core.port, core.tokens.control);
  const snapshot = await nextSnapshot(seat);
  let state: ViewState = snapshot.state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `stage-e2e-${n++}`, command });
  const stage = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  try {
    expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('10:30') } })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'cue.go', cueId: QA_CUE, outOfOrder: true })).toMatchObject({ ok: true });
    await expect.poll(() => mainQa(state).open).toBe(true);

    // The stage seat: read-only, its own token.
    const stageUrl = snapshot.access?.stageUrl ?? '';
    expect(stageUrl).toMatch(/\/stage\?token=/);
    await stage.goto(stageUrl);
    await expect(stage.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    await expect(stage.getByTestId('stage-empty')).toBeVisible();
    await expect(stage.getByTestId('stage-session-title')).toContainText('Séquence 1');
    await expect(stage.getByTestId('stage-left')).toContainText(/Reste\s*(30:00|29:\d\d)/);

    await page.goto(core.controlUrl);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    await showQuestionsTab(page);

    await ask(core, 'room', 'Quels moyens pour les équipes de nuit en foyer ?', 'Inès');
    await ask(core, 'remote', 'Comment associer les familles au projet pour l’enfant ?', 'Claire');
    await ask(core, 'room', 'Quel budget pour la protection de l’enfance en 2025 ?');
    await ask(core, 'remote', 'Ma fille Zoé est placée depuis deux ans, que puis-je faire ?');
    await expect(rows(page)).toHaveCount(4);
    // Display names that are given names are flagged like a name in a text: none reaches the stage
    // before a moderator has read it. Here the moderator reads « Inès » and « Claire », asker names
    // they chose, and clears them (c); « Zoé », a child named in a text, stays flagged.
    for (const text of ['Quels moyens', 'Comment associer']) {
      await expect(row(page, text)).toHaveAttribute('data-flagged', 'true');
      await selectByKeys(page, text);
      await page.keyboard.press('c');
      await expect(row(page, text)).toHaveAttribute('data-flagged', 'false');
    }

    // The moderator stars them from « À trier » (s approves and stars), in this order.
    for (const text of ['Comment associer', 'Quels moyens', 'Quel budget', 'Ma fille Zoé']) {
      await selectByKeys(page, text);
      await page.keyboard.press('s');
      await expect(row(page, text)).toHaveCount(0);
    }
    const onStage = stage.getByTestId('stage-question');
    await expect(onStage).toHaveCount(3); // the flagged one is not there
    await expect(onStage.nth(0)).toContainText('Comment associer les familles au projet pour l’enfant ?');
    await expect(onStage.nth(0)).toContainText('Claire');
    await expect(onStage.nth(0)).toContainText('à distance');
    await expect(onStage.nth(1)).toContainText('Quels moyens pour les équipes de nuit en foyer ?');
    await expect(onStage.nth(2)).toContainText('Quel budget');
    await expect(onStage.nth(2)).toContainText('anonyme');
    await expect(stage.getByText('Ma fille Zoé')).toHaveCount(0);

    // Reordered at the desk (Alt+↑ in « Sélection »): the stage follows.
    await page.keyboard.press('3');
    await selectByKeys(page, 'Quel budget');
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(onStage.nth(0)).toContainText('Quel budget');
    await expect(onStage.nth(1)).toContainText('Comment associer');
    await expect(onStage.nth(2)).toContainText('Quels moyens');

    // The flagged one reaches the stage only once a moderator has read it and cleared the flag.
    await selectByKeys(page, 'Ma fille Zoé');
    await page.keyboard.press('c');
    await expect(onStage).toHaveCount(4);
    await expect(onStage.nth(3)).toContainText('Ma fille Zoé');

    // The régie's message, in a banner on top; then cleared.
    await page.getByTestId('stage-message-input').fill('Plus que 5 minutes : une dernière question !');
    await page.keyboard.press('Enter');
    await expect(stage.getByTestId('stage-message')).toContainText(/Plus que 5\s+minutes\s*: une dernière question\s*!/);
    await expect(page.getByTestId('stage-message-current')).toHaveText('Plus que 5 minutes : une dernière question !');

    // Answered: it leaves the list for « Déjà répondues ».
    await selectByKeys(page, 'Quel budget');
    await page.keyboard.press('d');
    await expect(onStage).toHaveCount(3);
    await expect(stage.getByTestId('stage-answered')).toContainText('Quel budget');

    // Running late: +10 min on the session; the time left follows.
    expect(await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 10 })).toMatchObject({ ok: true });
    await expect(stage.getByTestId('stage-delay')).toHaveText('+10 min');
    await expect(stage.getByTestId('stage-left')).toContainText(/Reste\s*(40:00|39:\d\d)/);

    await expect.poll(() => stage.evaluate(() => (globalThis as unknown as { scrollX: number }).scrollX)).toBe(0);
    await shot(stage, testInfo, '1-stage-1024x768');
    await stage.setViewportSize({ width: 768, height: 1024 });
    await shot(stage, testInfo, '2-stage-768x1024');

    await page.getByTestId('stage-message-clear').click();
    await expect(stage.getByTestId('stage-message')).toHaveCount(0);
    await shot(stage, testInfo, '3-stage-portrait-no-message');
  } finally {
    seat.close();
    await stage.close();
  }
});
