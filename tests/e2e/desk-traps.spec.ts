import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';

// Issue 16's small traps, at the desk in Chromium against the headless core (its hub on
// 127.0.0.1, as in every e2e test): the join address no phone can reach is said; a spreadsheet
// saved by Excel on Windows (Windows-1252) is imported; the rehearsal clock keeps to the event's days.

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/programmes', name));

/** « Importer », and « Confirmer » when a session is running (the demo's welcome, at 08:50). */
async function submitImport(page: Page) {
  await page.getByTestId('import-submit').click();
  if (await page.getByTestId('import-running').isVisible()) {
    await expect(page.getByTestId('import-submit')).toHaveText(/Confirmer/);
    await page.getByTestId('import-submit').click();
  }
}

test('the « Public » panel warns that no phone can reach 127.0.0.1', async ({ page, core }, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.keyboard.press('p');
  const panel = page.getByTestId('audience-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('join-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/\?e=/);
  await expect(panel.getByTestId('join-url')).toHaveAttribute('data-loopback', 'true');
  const warning = panel.getByTestId('join-loopback');
  await expect(warning).toContainText('Aucun téléphone ne peut joindre cette adresse : elle ne désigne que cet ordinateur.');
  await expect(warning).toContainText('Branchez l’ordinateur au réseau du lieu');
  await panel.getByTestId('join-change').click();
  await expect(panel.getByTestId('join-offered').first().locator('xpath=..')).toContainText('(cet ordinateur seulement)');
  await panel.screenshot({ path: testInfo.outputPath('public-loopback.png') });

  // A public address the phones reach: the warning goes.
  await panel.getByTestId('join-public-input').fill('https://vote.assises.example/');
  await panel.getByTestId('join-use').click();
  await expect(panel.getByTestId('join-url')).toHaveText('https://vote.assises.example/');
  await expect(panel.getByTestId('join-loopback')).toHaveCount(0);
});

test('a programme saved by Excel on Windows (Windows-1252) is imported at the desk, accents intact', async ({ page, core }, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('mode-preparation').click();
  await page.getByTestId('import-button').click();

  // Mac Roman first: refused, naming the encodings and the line.
  const mac = Buffer.from('Jour;Début;Fin;Titre\r\n24/06/2021;9h;9h45;Probl\x8Fmes\r\n'.replace('é', '\x8E'), 'latin1');
  await page.getByTestId('import-file').setInputFiles({ name: 'mac.csv', mimeType: 'text/csv', buffer: mac });
  await submitImport(page);
  await expect(page.getByTestId('import-error')).toContainText(
    'mac.csv : le fichier n’est ni en UTF-8 ni en Windows-1252 (octet 0x8F, ligne 2',
  );

  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'assises-windows-1252.csv', mimeType: 'text/csv', buffer: fixture('assises-windows-1252.csv') });
  await submitImport(page);
  await expect(page.getByTestId('import-done')).toContainText('assises-windows-1252.csv');
  await page.screenshot({ path: testInfo.outputPath('import-windows-1252.png'), animations: 'disabled' });

  const seat = connectView(core.port, core.tokens.control);
  const { state } = await nextSnapshot(seat);
  seat.close();
  expect(state.programme?.sessions.map((s) => s.title)).toContain('Séquence 1 — Ce que la crise sanitaire a fait aux enfants');
  expect(state.programme?.sessions.some((s) => s.notes?.includes('Boucle d’attente'))).toBe(true);
});

test('the rehearsal clock offers the event’s days ± 1 and the core refuses year 275760', async ({ page, core }, testInfo) => {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  const options = await page
    .getByTestId('clock-date')
    .locator('option')
    .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
  expect(options).toEqual(['2021-06-23', '2021-06-24', '2021-06-25', '2021-06-26']);
  await expect(page.getByTestId('clock-bounds')).toHaveText(/^répétition possible du mer\.? 23 juin au sam\.? 26 juin$/);
  await page.getByTestId('clock-control').screenshot({ path: testInfo.outputPath('clock-bounds.png') });

  // A command from elsewhere (a script, a remote) with the year 275760: refused in French, nothing changes.
  const seat = connectView(core.port, core.tokens.control);
  const before = (await nextSnapshot(seat)).state.clock;
  const r = await send(seat, { id: 'clock-275760', command: { type: 'clock.set', clock: { mode: 'rehearsal', at: 8.64e15 } } });
  expect(r).toMatchObject({
    ok: false,
    error: {
      code: 'rejected',
      message: expect.stringContaining(
        'hors des jours de l’événement — choisissez un moment entre le mercredi 23 juin 2021 et le samedi 26 juin 2021 inclus',
      ),
    },
  });
  seat.close();
  const again = connectView(core.port, core.tokens.control);
  expect((await nextSnapshot(again)).state.clock).toEqual(before);
  again.close();
});
