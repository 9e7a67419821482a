import { joinPhone } from '../integration/room-presence';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 15 at the desk: « Exporter », then « purger les données personnelles » — refused while the
// show mode lock is on, done after typing « EFFACER »; the questions stay, without their authors.

test('the desk purges the participants’ personal data after the event, not during it', async ({ core, page }, testInfo) => {
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `purge-e2e-${n++}`, command });
  const code = new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';
  const phone = await joinPhone(core, code);
  expect(
    await cmd({
      type: 'question.add',
      text: 'Posée au micro : et les jeunes majeurs ?',
      name: 'Dr Hélène Marchalot',
      sessionId: 'j1-seq1',
    }),
  ).toMatchObject({ ok: true });
  expect(await cmd({ type: 'edit.lock', locked: true })).toMatchObject({ ok: true });

  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('export-button').click();
  await page.getByTestId('purge-open').click();
  const dialog = page.getByTestId('purge-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('purge-blockers')).toContainText('mode spectacle');
  await expect(page.getByTestId('purge-confirm')).toBeDisabled();
  await expect(page.getByTestId('purge-submit')).toBeDisabled();
  await shot(page, testInfo, 'purge-dialog-refused');

  // The event is over: back to preparation (from another seat, as a colleague would).
  expect(await cmd({ type: 'edit.lock', locked: false })).toMatchObject({ ok: true });
  await expect(page.getByTestId('purge-blockers')).toHaveCount(0);
  await page.getByTestId('purge-confirm').fill('effac');
  await expect(page.getByTestId('purge-submit')).toBeDisabled();
  await page.getByTestId('purge-confirm').fill('EFFACER');
  await shot(page, testInfo, 'purge-dialog-ready');
  await page.getByTestId('purge-submit').click();
  await expect(page.getByTestId('purge-done')).toContainText('Purge terminée', { timeout: 30_000 });
  await expect(page.getByTestId('purge-done')).toContainText('Base de la régie');
  await expect(page.getByTestId('purge-done')).toContainText('Base du hub');
  await shot(page, testInfo, 'purge-dialog-done');

  // The desk shows the purged state: the question stays, the name it was typed with is gone.
  const after = await nextSnapshot(connectView(core.port, core.tokens.control));
  const q = after.state.audience.questions.find((x) => x.text.startsWith('Posée au micro'));
  expect(q?.name).toBeNull();
  expect(after.state.notes.at(-1)?.text).toMatch(/^Purge RGPD/);
  phone.close();
  seat.close();
});
