import type { Page, TestInfo } from '@playwright/test';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { test, expect } from './fixtures';

// Issue 4, item 6: « Préparer la conduite » in preparation mode (a poll and the cue that opens it,
// a rename the cue follows, a deletion the core refuses), locked for every seat in show mode.

const POLL = 'moyens-service';
const RENAMED = 'moyens-suffisants';
const CUE = 'j1-seq2-sondage-ouvrir';

const cueRow = (page: Page, id: string) => page.locator(`[data-testid="ed-cue-row"][data-cue-id="${id}"]`);
const pollRow = (page: Page, id: string) => page.locator(`[data-testid="ed-interaction-row"][data-interaction-id="${id}"]`);
const marker = (page: Page, id: string) => page.locator(`[data-testid="cue-marker"][data-cue-id="${id}"]`);

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function online(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('mode-switch')).toBeVisible();
}

test('prepare a poll and its cue, rename it, see a deletion refused; show mode locks every seat', async ({
  page,
  core,
  browser,
}, testInfo) => {
  await online(page, core.controlUrl);
  await expect(page.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'preparation');
  await page.getByTestId('editor-open').click();
  const editor = page.getByTestId('editor');
  await expect(editor).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Préparer la conduite' })).toBeVisible();

  // 1. A yes/no poll, in « Sondages et nuages ».
  await page.getByRole('tab', { name: /Sondages et nuages/ }).click();
  await page.getByTestId('ed-new-poll').click();
  const pollForm = page.getByTestId('interaction-form');
  await pollForm.getByLabel('Type de sondage').selectOption('yesno');
  // Saved empty: the form says what is missing, next to the field, and nothing is sent.
  await pollForm.getByTestId('interaction-save').click();
  await expect(pollForm.getByTestId('field-error').first()).toHaveText('Champ obligatoire.');
  await expect(pollForm.getByLabel('Question', { exact: true })).toBeFocused();
  await pollForm.getByLabel('Question', { exact: true }).fill('Les moyens de votre service sont-ils à la hauteur ?');
  await expect(pollForm.getByLabel('Identifiant', { exact: true })).toHaveValue(/^les-moyens-de-votre-service/);
  await pollForm.getByLabel('Identifiant', { exact: true }).fill(POLL);
  await pollForm.getByLabel('Masquer les résultats jusqu’à la révélation').check();
  await pollForm.getByTestId('interaction-save').click();
  await expect(pollRow(page, POLL)).toContainText('Sondage · Oui / non');
  await expect(pollRow(page, POLL)).toContainText('aucune réplique');
  await expect(page.getByTestId('ed-interaction-status')).toHaveText(`${POLL} enregistré.`);

  // 2. A manual cue that opens it, at +00:05 in Séquence 2 (14:00).
  await page.getByRole('tab', { name: /Répliques/ }).click();
  await page.getByTestId('ed-cue-new').click();
  const cueForm = page.getByTestId('cue-form');
  await cueForm.getByLabel('Séance', { exact: true }).selectOption('j1-seq2');
  await cueForm.getByLabel('Action', { exact: true }).selectOption('poll.open');
  await cueForm.getByLabel('Sondage', { exact: true }).selectOption(POLL);
  await cueForm.getByLabel('Décalage (± HH:MM)').fill('5');
  await cueForm.getByLabel('Décalage (± HH:MM)').blur();
  await expect(cueForm.getByLabel('Décalage (± HH:MM)')).toHaveValue('+00:05');
  await expect(cueForm.getByTestId('cue-planned')).toHaveText('prévue à 14:05');
  await expect(cueForm.getByLabel('Manuelle : attend le GO')).toBeChecked();
  await expect(cueForm.getByLabel('Identifiant', { exact: true })).toHaveValue(CUE);
  await cueForm.getByLabel('Notes pour la régie').fill('Quand la présidente de séance l’annonce.');
  await shot(page, testInfo, '1-cue-form-1920');
  await cueForm.getByTestId('cue-save').click();
  await expect(page.getByTestId('ed-cue-status')).toHaveText(`Réplique ${CUE} enregistrée.`);
  await expect(cueRow(page, CUE)).toContainText('14:05');
  await expect(cueRow(page, CUE)).toContainText('Ouvrir le sondage « Les moyens de votre service');
  await expect(cueRow(page, CUE)).toContainText('manuelle (GO)');
  // Its row has the focus; keys typed in the editor never reach the desk: Space presses the button, it is not GO.
  await expect(cueRow(page, CUE).getByTestId('ed-cue-edit')).toBeFocused();
  await page.getByTestId('ed-cue-new').focus();
  await page.keyboard.press('Space');
  await expect(cueForm.getByRole('heading', { name: 'Nouvelle réplique' })).toBeVisible();
  await expect(marker(page, 'j1-seq1-sondage-ouvrir')).toHaveAttribute('data-status', 'waiting');
  await cueForm.getByTestId('cue-cancel').click();

  // The rundown (still in view beside the drawer) shows the new cue in Séquence 2.
  const seq2 = page.locator('[data-testid="timeline-row"][data-session-id="j1-seq2"]');
  await seq2.scrollIntoViewIfNeeded();
  await expect(seq2.locator(`[data-testid="cue-marker"][data-cue-id="${CUE}"]`)).toContainText('14:05');
  await expect(marker(page, CUE)).toHaveAttribute('title', /Ouvrir le sondage «\sLes moyens/);

  // 3. The poll renamed: the cue follows.
  await page.getByRole('tab', { name: /Sondages et nuages/ }).click();
  await pollRow(page, POLL).getByTestId('ed-interaction-edit').click();
  await expect(pollForm.getByTestId('interaction-usage')).toHaveText(`Utilisé par : ${CUE}`);
  await pollForm.getByLabel('Identifiant', { exact: true }).fill(RENAMED);
  await pollForm.getByLabel('Question', { exact: true }).fill('Les moyens de votre service suffisent-ils ?');
  await pollForm.getByTestId('interaction-save').click();
  await expect(pollRow(page, RENAMED)).toContainText('utilisé par 1 réplique');
  await expect(pollRow(page, POLL)).toHaveCount(0);
  await page.getByRole('tab', { name: /Répliques/ }).click();
  await expect(cueRow(page, CUE).getByTestId('ed-cue-interaction')).toHaveText(`→ ${RENAMED}`);
  await expect(cueRow(page, CUE)).toContainText('suffisent-ils');
  await expect(marker(page, CUE)).toHaveAttribute('title', /suffisent-ils/);

  // 4. Deleting the poll while the cue uses it: the core refuses, and says why on the poll's row.
  await page.getByRole('tab', { name: /Sondages et nuages/ }).click();
  await pollRow(page, RENAMED).getByTestId('ed-interaction-delete').click();
  await pollRow(page, RENAMED).getByTestId('ed-interaction-delete-confirm').click();
  await expect(pollRow(page, RENAMED).getByTestId('editor-verdict')).toContainText(`la réplique ${CUE} lance cette interaction`);
  await expect(pollRow(page, RENAMED)).toBeVisible();
  await shot(page, testInfo, '2-delete-refused-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, testInfo, '3-delete-refused-1366');

  // 4b. Two seats at once: while this one writes a cue for the poll, another renames the poll.
  // The form's check passes; the core refuses, and its verdict shows by the field it names.
  await page.getByRole('tab', { name: /Répliques/ }).click();
  await page.locator('[data-testid="ed-session"][data-session-id="j1-seq2"]').getByTestId('ed-cue-add').click();
  await cueForm.getByLabel('Sondage', { exact: true }).selectOption(RENAMED);
  await expect(cueForm.getByLabel('Identifiant', { exact: true })).toHaveValue(`${CUE}-2`);
  const other = connectView(core.port, core.tokens.control);
  try {
    await nextSnapshot(other);
    const poll = { kind: 'poll', id: 'moyens-autre-nom', type: 'yesno', question: 'Les moyens de votre service suffisent-ils ?' };
    expect(
      await send(other, {
        id: 'editor-e2e-rename-0001',
        command: { type: 'edit.interaction.save', interaction: poll, previousId: RENAMED },
      }),
    ).toMatchObject({ ok: true });
  } finally {
    other.disconnect();
  }
  await expect(cueForm.getByLabel('Sondage', { exact: true })).toContainText(`${RENAMED} (absent du programme)`);
  await cueForm.getByTestId('cue-save').click();
  await expect(cueForm.getByTestId('editor-verdict')).toContainText(`interaction absente de « interactions » : ${RENAMED}`);
  await expect(cueForm.getByTestId('editor-issue')).toContainText('action.interaction');
  await expect(cueForm.getByTestId('field-error')).toHaveText(`interaction absente de « interactions » : ${RENAMED}`);
  await expect(cueForm.getByLabel('Sondage', { exact: true })).toBeFocused();
  await shot(page, testInfo, '3b-core-verdict-1366');
  await cueForm.getByTestId('cue-cancel').click();

  // Escape closes the drawer; the focus goes back to its launcher.
  await page.getByTestId('ed-cue-new').focus();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('editor-open')).toBeFocused();

  // 5. A second seat is writing a cue when the first switches to show mode: it is locked too. Its
  // editor closes (it must not hide the standby and GO during the show) and says its draft is kept.
  const second = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await online(second, core.controlUrl);
  await second.getByTestId('editor-open').click();
  await second.getByTestId('ed-cue-new').click();
  await second.getByTestId('cue-form').getByLabel('Action', { exact: true }).selectOption('qa.open');
  await page.getByTestId('mode-show').click();
  await expect(page.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'show');
  await expect(second.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'show');
  await expect(second.getByTestId('editor')).toBeHidden();
  await expect(second.getByTestId('editor-closed-note')).toContainText('Vos brouillons sont gardés');
  await expect(second.getByTestId('editor-open')).toHaveCount(0);
  await expect(page.getByTestId('editor-open')).toHaveCount(0);
  await expect(second.getByTestId('go-button')).toBeInViewport();
  await shot(second, testInfo, '4-second-seat-locked-1366');

  // An edit sent anyway (a seat that missed the switch, a script) is refused by the core.
  const seat = connectView(core.port, core.tokens.control);
  try {
    expect((await nextSnapshot(seat)).state.editLocked).toBe(true);
    const refused = await send(seat, {
      id: 'editor-e2e-locked-0001',
      command: {
        type: 'edit.cue.save',
        sessionId: 'j1-seq2',
        cue: { id: 'j1-seq2-tard', at: { offset: '+00:30' }, action: { type: 'qa.open' } },
      },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringContaining('programme verrouillé (mode spectacle)') },
    });
  } finally {
    seat.disconnect();
  }

  // 6. Back to preparation while a session runs: asked first, on the seat that asks. The draft is still there.
  await second.getByTestId('mode-preparation').click();
  await expect(second.getByTestId('unlock-confirm')).toContainText('est en cours');
  await shot(second, testInfo, '5-unlock-confirm-1366');
  await second.getByTestId('unlock-confirm-yes').click();
  await expect(page.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'preparation');
  await expect(second.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'preparation');
  await expect(second.getByTestId('editor-closed-note')).toHaveCount(0);
  await second.getByTestId('editor-open').click();
  await expect(second.getByTestId('cue-form').getByLabel('Action', { exact: true })).toHaveValue('qa.open');
  await expect(second.getByTestId('cue-save')).toBeEnabled();
  await expect(second.getByTestId('editor-locked')).toHaveCount(0);

  // The lock is the core's: a reload keeps it.
  await page.getByTestId('mode-show').click();
  await second.reload();
  await expect(second.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'show');
  await expect(second.getByTestId('editor-open')).toHaveCount(0);
  await second.close();
});
