import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 8 at the desk: « Exporter » opens a dialog (scope defaulting to the running session,
// format, names off), the file arrives as a download with its content right.

const HYPERLINK = '=HYPERLINK("http://evil","clic")';

test('the desk exports the running session’s questions as CSV, then the workbook with names', async ({ core, page }, testInfo) => {
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `export-e2e-${n++}`, command });
  expect(
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:30' }, 'Europe/Paris') } }),
  ).toMatchObject({ ok: true });
  expect(await cmd({ type: 'question.add', text: HYPERLINK, name: 'Jean-Édouard', sessionId: 'j1-seq1' })).toMatchObject({ ok: true });
  expect(await cmd({ type: 'question.add', text: 'Et les jeunes majeurs ?', name: null, sessionId: 'j1-seq1' })).toMatchObject({
    ok: true,
  });
  seat.close();

  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-scope')).toHaveValue('session:j1-seq1');
  await expect(page.getByTestId('export-names')).not.toBeChecked();
  await page.getByTestId('export-format-csv').check();
  await shot(page, testInfo, 'export-dialog');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^pupitre-questions-j1-seq1-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByTestId('export-done')).toContainText('pupitre-questions-j1-seq1');
  const rows = parse(readFileSync(await csv.path()), { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
  expect(rows.map((r) => r['texte d’origine'])).toEqual([`'${HYPERLINK}`, 'Et les jeunes majeurs ?']);
  // Pseudonymised: a question typed in at the desk is « Régie », whatever name it was typed with.
  expect(rows.map((r) => r['auteur'])).toEqual(['Régie', 'Régie']);

  await page.getByTestId('export-format-xlsx').check();
  await page.getByTestId('export-names').check();
  await expect(page.getByTestId('export-names-note')).toContainText('données personnelles');
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^pupitre-export-j1-seq1-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // The bar ends full: every byte announced by Content-Length arrived.
  const bar = page.getByTestId('export-progress-bar');
  await expect(bar).toBeVisible();
  expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
  expect(Number(await bar.getAttribute('max'))).toBe(readFileSync(await xlsx.path()).length);
  const wb = XLSX.read(readFileSync(await xlsx.path()));
  const questions = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Questions']!);
  expect(questions.map((r) => [r['texte d’origine'], r['auteur']])).toEqual([
    [HYPERLINK, 'Jean-Édouard'],
    ['Et les jeunes majeurs ?', undefined],
  ]);
  await shot(page, testInfo, 'export-dialog-done');

  // A PDF report is per session: with the whole event chosen, the desk says so and waits.
  await page.getByTestId('export-format-pdf').check();
  await page.getByTestId('export-scope').selectOption('event');
  await expect(page.getByTestId('export-pdf-session')).toBeVisible();
  await expect(page.getByTestId('export-submit')).toBeDisabled();
});
