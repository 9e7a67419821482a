import { newParticipantId, participantSocket, TestParticipant } from '../../src/hub/testing/clients';
import { CODE_TAKEN } from '../../src/hub/join-decision';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 17 § 3 at the desk, on a venue laptop's 1366×768: « Sièges » → « Codes personnels… »; a
// small CSV from the registration tool (names and e-mails beside the codes) is read and reported
// (a duplicate, a malformed line, with their numbers), imported; a phone joins with a code, a
// second phone with the same code is refused until the desk releases it.

const CSV = [
  'Nom;Prénom;Courriel;Code personnel',
  'Durand;Léa;lea.durand@exemple.fr;AB12-CD34',
  'Martin;Paul;paul.martin@exemple.fr;EF56-GH78',
  'Bernard;Inès;ines.bernard@exemple.fr;IJ90-KL12',
  'Durand;Léa;lea.durand@exemple.fr;ab12cd34',
  'Petit;Hugo;hugo.petit@exemple.fr;hugo.petit@exemple.fr',
].join('\r\n');

test('the Codes personnels dialog at 1366×768: import a CSV, one phone per code, release a code', async ({ core, page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const closers: { close(): void }[] = [];
  const phone = (code: string) => {
    const eventCode = new URL(core.joinUrls[0] ?? '').searchParams.get('e') ?? '';
    const p = new TestParticipant(participantSocket(core.hubPort ?? 0), newParticipantId(), 'remote', eventCode);
    p.joinWith = { code };
    closers.push(p);
    return p;
  };
  try {
    await page.goto(core.controlUrl);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    await page.getByTestId('seat-role').click();
    await page.getByTestId('seats-codes').click();
    const dialog = page.getByTestId('codes-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('codes-status')).toHaveText('Aucune liste importée.');
    await expect(dialog).toContainText('seuls les codes, hachés, quittent le fichier');

    // The file: read and reported before anything changes.
    await dialog.getByTestId('codes-file').setInputFiles({ name: 'inscrits.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    const report = dialog.getByTestId('codes-report');
    await expect(report).toContainText('3 codes valides');
    await expect(report).toContainText('colonne «\u00a0Code personnel\u00a0»');
    await expect(report.getByTestId('codes-duplicates')).toHaveText('1 doublon ignoré\u00a0: ligne 5.');
    await expect(report.getByTestId('codes-malformed')).toContainText('ligne 6\u00a0: une adresse e-mail, pas un code');
    // Within the screen: nothing runs off the edges, the dialog scrolls inside itself.
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await shot(page, testInfo, 'codes-dialog-report-1366x768');

    await dialog.getByTestId('codes-import').click();
    await expect(dialog.getByTestId('codes-import-notice')).toContainText('Liste importée\u00a0: 3 codes en vigueur');
    await expect(dialog.getByTestId('codes-status')).toContainText('3 codes en vigueur — importés le');
    await expect(dialog.getByTestId('codes-status')).toContainText('par Régie — modération');

    // A phone with a code is an identified remote attendee; a second phone with it is refused.
    const first = phone('ab12-cd34');
    await expect.poll(async () => (await first.rejoin()).ok, { timeout: 15_000 }).toBe(true);
    expect(first.place).toMatchObject({ origin: 'remote', identified: true });
    const second = phone('AB12CD34');
    expect(await second.rejoin()).toEqual({ ok: false, error: { code: 'already_done', message: CODE_TAKEN, field: 'code' } });

    // The accueil: « she changed phones ». A code not in the list is said so.
    const input = dialog.getByTestId('codes-release-input');
    await input.fill('ZZ99-ZZ99');
    await dialog.getByTestId('codes-release').click();
    await expect(dialog.getByTestId('codes-release-notice')).toContainText('Code inconnu');
    await input.fill('ab12 cd34');
    await dialog.getByTestId('codes-release').click();
    await expect(dialog.getByTestId('codes-release-notice')).toContainText('Code libéré\u00a0: le prochain téléphone qui le donne le prendra');
    await expect(dialog.getByTestId('codes-recent')).toContainText('par Régie — modération (trace ');
    await expect(input).toHaveValue('');
    await expect.poll(async () => (await second.rejoin()).ok, { timeout: 15_000 }).toBe(true);
    expect(second.place).toMatchObject({ identified: true });
    await shot(page, testInfo, 'codes-dialog-released-1366x768');

    // « Effacer la liste », confirmed.
    await dialog.getByTestId('codes-clear').click();
    await dialog.getByTestId('codes-clear-confirm').click();
    await expect(dialog.getByTestId('codes-status')).toContainText('Aucun code en vigueur — liste effacée le');
  } finally {
    closers.forEach((c) => c.close());
  }
});
