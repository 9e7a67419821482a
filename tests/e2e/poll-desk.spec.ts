import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { newParticipantId, participantSocket, TestParticipant } from '../../src/hub/testing/clients';
import { type CoreFixture, expect, test } from './fixtures';

// Polls and word clouds from the desk's « Public » panel, by mouse and keyboard: a poll made on
// the spot and opened, simulated participants vote, reset refused while open (the core's words
// shown beside the button), close, prepare on the projector, TAKE with Enter, reveal, hide,
// reset after the close (counts back to zero). A word cloud hidden on the projector shows its
// prompt and the count, not the words. Every wait is on a signal (data attributes).

const stage = (page: Page) => page.getByTestId('output-stage');

async function shot(page: Page | Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function participants(core: CoreFixture, count: number): Promise<TestParticipant[]> {
  const code = new URL(core.joinUrls[0]!).searchParams.get('e')!;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const p = new TestParticipant(participantSocket(core.hubPort!), newParticipantId(), i === 0 ? 'remote' : 'room', code);
      const ack = await p.rejoin();
      if (!ack.ok) throw new Error(`join refusé : ${ack.error.message}`);
      return p;
    }),
  );
}

async function openDesk(page: Page, core: CoreFixture): Promise<Page> {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  // A cut: the projector's checks do not wait on a fade.
  await page.getByTestId('transition-cut').click();
  // The indicator rather than `p`: a key pressed before the desk's keys are wired would be lost.
  await page.getByTestId('audience-indicator').click();
  await expect(page.getByTestId('interactions-panel')).toBeVisible();
  return page;
}

/** The row of the interaction whose question or prompt is `text`. */
const rowOf = (page: Page, text: string) => page.getByTestId('ix-row').filter({ hasText: text });

test('a flash poll from the desk: create and open, votes, reset refused while open, close, project, reveal, hide, reset', async ({
  page,
  browser,
  core,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDesk(page, core);
  const output = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await output.goto(core.outputUrl);
  await expect(stage(output)).toHaveAttribute('data-state', 'idle');
  const people = await participants(core, 3);

  // « Nouveau sondage »: the editor's fields in a dialog; a blank question is refused here, field by field.
  await page.getByTestId('ix-new-poll').click();
  const dialog = page.getByTestId('ix-create');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('poll-type').selectOption('single');
  await dialog.getByTestId('ix-create-open').click();
  await expect(dialog.getByTestId('field-error').first()).toBeVisible();
  const question = 'Quel format pour la prochaine plénière ?';
  await dialog.getByTestId('poll-question').fill(question);
  await dialog.getByTestId('poll-option').nth(0).fill('Table ronde');
  await dialog.getByTestId('poll-option').nth(1).fill('Conférence');
  await dialog.getByTestId('poll-option-add').click();
  await dialog.getByTestId('poll-option').nth(2).fill('Ateliers');
  await dialog.getByTestId('poll-hide-results').check();
  await shot(dialog, testInfo, 'poll-desk-1-create');
  await dialog.getByTestId('ix-create-open').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('ix-note')).toContainText('créé et ouvert');

  const row = rowOf(page, question);
  await expect(row).toHaveAttribute('data-phase', 'open');
  await expect(row.getByTestId('ix-phase')).toHaveText('Ouvert');
  await expect(row.getByTestId('ix-results')).toHaveText('À révéler');
  const pollId = (await row.getAttribute('data-interaction-id'))!;
  expect(pollId).toBe('quel-format-pour-la-prochaine-pleniere');

  // The phones receive it; three votes (one changed).
  await Promise.all(people.map((p) => expect.poll(() => p.state?.interaction?.id).toBe(pollId)));
  expect(await people[0]!.vote(pollId, [1])).toMatchObject({ ok: true });
  expect(await people[1]!.vote(pollId, [1])).toMatchObject({ ok: true });
  expect(await people[2]!.vote(pollId, [0])).toMatchObject({ ok: true });
  expect(await people[2]!.vote(pollId, [2])).toMatchObject({ ok: true });
  await expect(row.getByTestId('ix-count')).toHaveAttribute('data-count', '3');
  await shot(page.getByTestId('audience-panel'), testInfo, 'poll-desk-2-open-panel');

  // Reset while open: confirmed, then refused by the core, in its words, beside the buttons.
  await row.getByTestId('ix-reset').click();
  await expect(page.getByTestId('ix-reset-confirm')).toContainText('Réinitialiser le sondage');
  await page.getByTestId('ix-reset-confirm-yes').click();
  await expect(row.getByTestId('ix-refusal')).toContainText('fermez d’abord le sondage');
  await expect(row.getByTestId('ix-count')).toHaveAttribute('data-count', '3');

  // Close, by keyboard: Tab reaches the button, Enter presses it (not TAKE).
  await row.getByTestId('ix-close').focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-phase', 'closed');
  await expect(row.getByTestId('ix-phase')).toHaveText('Clos');
  await expect(row.getByTestId('ix-refusal')).toHaveCount(0);
  await expect(stage(output)).toHaveAttribute('data-scene', 'holding');

  // « Préparer au projecteur »: the poll scene in the preview, not on the output; then Enter is TAKE.
  await row.getByTestId('ix-preview').click();
  await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'poll');
  await expect(row.getByTestId('ix-previewed')).toBeVisible();
  await expect(stage(output)).toHaveAttribute('data-scene', 'holding');
  await expect(row.getByTestId('ix-on-air')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(stage(output)).toHaveAttribute('data-scene', 'poll');
  await expect(stage(output)).toHaveAttribute('data-state', 'idle');
  // The row says what the bus says: after the TAKE the preview is empty and the poll on air.
  await expect(row.getByTestId('ix-previewed')).toHaveCount(0);
  await expect(row.getByTestId('ix-on-air')).toHaveText('À l’antenne.');
  await expect(output.getByTestId('poll-question')).toContainText('Quel format pour la prochaine plénière');
  await expect(output.getByTestId('poll-hidden')).toHaveText('Résultats à venir');
  await expect(output.getByTestId('poll-voters')).toHaveText('3\u00a0réponses');
  const take = await stage(output).getAttribute('data-take');

  // Reveal, by keyboard: the bars with the counts (0, 2, 1); no TAKE on the way.
  await row.getByTestId('ix-reveal').focus();
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('ix-results')).toHaveText('Révélé');
  const bars = output.getByTestId('poll-row');
  await expect(bars).toHaveCount(3);
  for (const [i, count] of [0, 2, 1].entries()) await expect(bars.nth(i)).toHaveAttribute('data-count', String(count));
  await expect(stage(output)).toHaveAttribute('data-take', take!);
  await shot(output, testInfo, 'poll-desk-3-output-revealed');

  // Hide: off the projector again, the count stays.
  await row.getByTestId('ix-hide').click();
  await expect(row.getByTestId('ix-results')).toHaveText('Masqué');
  await expect(row).toHaveAttribute('data-results', 'hidden');
  await expect(output.getByTestId('poll-hidden')).toHaveText('Résultats à venir');
  await expect(output.getByTestId('poll-bars')).toHaveCount(0);
  await shot(page.getByTestId('audience-panel'), testInfo, 'poll-desk-4-hidden-panel');

  // Reset once closed: the counts go back to zero, the poll is a draft again, the phones too.
  await row.getByTestId('ix-reset').click();
  await expect(page.getByTestId('ix-reset-confirm')).toContainText('3 votants');
  await page.getByTestId('ix-reset-confirm-yes').click();
  await expect(row).toHaveAttribute('data-phase', 'draft');
  await expect(row.getByTestId('ix-count')).toHaveAttribute('data-count', '0');
  await expect(row.getByTestId('ix-reset')).toHaveCount(0);
  await expect(output.getByTestId('poll-voters')).toHaveText('0\u00a0réponse');

  // At 1366×768, the panel still holds the row and its actions.
  await page.setViewportSize({ width: 1366, height: 768 });
  await row.getByTestId('ix-open').scrollIntoViewIfNeeded();
  await expect(row.getByTestId('ix-open')).toBeVisible();
  await shot(page, testInfo, 'poll-desk-5-desk-1366');

  // WCAG on the panel and on the creation dialog.
  const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const panelAudit = await new AxeBuilder({ page }).withTags(wcag).include('[data-testid="interactions-panel"]').analyze();
  expect(panelAudit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await page.getByTestId('ix-new-cloud').click();
  await expect(page.getByTestId('ix-create')).toBeVisible();
  const dialogAudit = await new AxeBuilder({ page }).withTags(wcag).include('[data-testid="ix-create"]').analyze();
  expect(dialogAudit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await shot(page, testInfo, 'poll-desk-6-cloud-dialog-1366');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ix-create')).toHaveCount(0);

  people.forEach((p) => p.close());
  await output.close();
});

test('a word cloud made on the spot: opened from its row, hidden on the projector shows the prompt and the count, not the words', async ({
  page,
  browser,
  core,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDesk(page, core);
  const output = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await output.goto(core.outputUrl);
  await expect(stage(output)).toHaveAttribute('data-state', 'idle');
  const people = await participants(core, 2);

  // Show mode locks the programme's edits, not a cloud made on the spot (the core allows it: it only adds).
  await page.getByTestId('mode-show').click();
  await expect(page.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'show');
  const prompt = 'En un mot, cette journée ?';
  await page.getByTestId('ix-new-cloud').click();
  const dialog = page.getByTestId('ix-create');
  await dialog.getByTestId('cloud-prompt').fill(prompt);
  await dialog.getByTestId('cloud-max-words').fill('2');
  await dialog.getByTestId('ix-create-draft').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('ix-note')).toContainText('créé (brouillon)');
  const row = rowOf(page, prompt);
  await expect(row).toHaveAttribute('data-phase', 'draft');
  await expect(row.getByTestId('ix-reset')).toHaveCount(0);
  const cloudId = (await row.getAttribute('data-interaction-id'))!;

  await row.getByTestId('ix-open').click();
  await expect(row).toHaveAttribute('data-phase', 'open');
  await Promise.all(people.map((p) => expect.poll(() => p.state?.interaction?.id).toBe(cloudId)));
  expect(await people[0]!.words(cloudId, ['Bienveillance', 'écoute'])).toMatchObject({ ok: true });
  expect(await people[1]!.words(cloudId, ['bienveillance'])).toMatchObject({ ok: true });
  await expect(row.getByTestId('ix-count')).toHaveAttribute('data-count', '3');

  await row.getByTestId('ix-preview').click();
  await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'wordcloud');
  await page.keyboard.press('Enter');
  await expect(stage(output)).toHaveAttribute('data-scene', 'wordcloud');
  await expect(output.getByTestId('cloud-word')).toHaveCount(2);
  await expect(output.getByTestId('scene-wordcloud')).toHaveAttribute('data-results', 'shown');

  await row.getByTestId('ix-hide').click();
  await expect(row.getByTestId('ix-results')).toHaveText('Masqué');
  await expect(output.getByTestId('scene-wordcloud')).toHaveAttribute('data-results', 'hidden');
  await expect(output.getByTestId('cloud-hidden')).toHaveText('Résultats à venir');
  await expect(output.getByTestId('cloud-prompt')).toContainText('En un mot, cette journée');
  await expect(output.getByTestId('cloud-total')).toHaveText('3\u00a0mots envoyés');
  await expect(output.getByTestId('cloud-word')).toHaveCount(0);
  await shot(output, testInfo, 'poll-desk-7-cloud-hidden');

  await row.getByTestId('ix-reveal').click();
  await expect(output.getByTestId('scene-wordcloud')).toHaveAttribute('data-results', 'shown');
  await expect(output.getByTestId('cloud-word')).toHaveCount(2);
  await shot(page.getByTestId('audience-panel'), testInfo, 'poll-desk-8-cloud-panel-1366');

  // The current session (the demo's welcome, a break) uses none of the prepared ones: « Toutes les séances » shows them.
  await expect(page.locator('[data-testid="ix-row"][data-interaction-id="charge-de-travail"]')).toHaveCount(0);
  await page.getByTestId('ix-all').click();
  await expect(page.getByTestId('ix-all')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-testid="ix-row"][data-interaction-id="charge-de-travail"]')).toHaveAttribute('data-phase', 'draft');
  await expect(page.getByTestId('ix-row')).toHaveCount(5);

  people.forEach((p) => p.close());
  await output.close();
});
