import { mainQa } from '../../src/shared/api/room-live';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import type { ViewState } from '../../src/shared/api/state';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import { formatClockFr } from '../../src/shared/domain/french-typography';
import { epochToWall, zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { ask, row, shot, showQuestionsTab } from './question-desk';

// Issue 16: in rehearsal the times are the show clock's everywhere. The desk's clock is set to
// 10:15 on the event's first day (the real time is whatever it is); a participant's question
// received now shows « 10:15 » in the queue, the CSV, the workbook and the PDF report (« reçue à
// 10 h 15 »); a note of the logbook and a delay say 10:15 too. (The real time stays in the journal:
// src/main/engine/show-clock-times.test.ts.)

const TZ = 'Europe/Paris';
const QA_CUE = 'j1-seq1-questions-ouvrir';
const SHOW = zonedToEpoch({ date: '2021-06-24', time: '10:15' }, TZ);
const QUESTION = 'Quels moyens pour les équipes de nuit en foyer ?';
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

test('a rehearsal at 10:15 on the first day: the queue, the logbook, the CSV, the workbook and the PDF say 10:15', async ({
  page,
  core,
}, testInfo) => {
  const realWall = epochToWall(Date.now(), TZ);
  // (The real time being 10:15 too would prove nothing about the queue's minutes: the date still does.)
  testInfo.annotations.push({ type: 'real time', description: `${realWall.date} ${realWall.time}` });

  let realAsked = 0;
  const seat = connectView(core.port, core.tokens.control);
  let state: ViewState = (await nextSnapshot(seat)).state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(seat, { id: `rehearsal-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({
      ok: true,
    });
  try {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: SHOW } });
    // The poll cues of the session wait before it: confirmed out of order, as at the desk.
    await cmd({ type: 'cue.go', cueId: QA_CUE, outOfOrder: true });
    await expect.poll(() => mainQa(state).open).toBe(true);
    realAsked = Date.now();
    await ask(core, 'room', QUESTION);
    await expect.poll(() => state.audience.questions.length).toBe(1);
    const q = state.audience.questions[0]!;
    await cmd({ type: 'question.approve', questionId: q.id });
    await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 5 });
  } finally {
    seat.close();
  }

  // The desk: the queue and a note of the logbook.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('rehearsal-badge')).toBeVisible();
  await page.getByTestId('note-input').fill('Micro 2 à changer');
  await page.getByTestId('note-input').press('Enter');
  await expect(page.getByTestId('note').first()).toContainText(/10:1[56]:\d\d/); // on the show clock, seconds shown
  await expect(page.getByTestId('note').first()).toContainText('Micro 2 à changer');
  await page.locator('body').click({ position: { x: 2, y: 300 } });
  await showQuestionsTab(page);
  await page.getByTestId('tab-approved').click();
  await expect(row(page, QUESTION).locator('time')).toHaveText('10:15');
  await shot(page, testInfo, 'rehearsal-1015-queue');

  const origin = `http://127.0.0.1:${core.port}`;
  const download = async (format: string) => {
    const r = await page.request.get(`${origin}/export?scope=session:j1-seq1&format=${format}&token=${core.tokens.control}`);
    expect(r.status(), await r.text().catch(() => '')).toBe(200);
    return r.body();
  };

  // The CSV and the workbook: « reçue le » on the show clock, the event's day.
  const csv = parse(await download('csv'), { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
  expect(csv.map((r) => [r['texte d’origine'], r['reçue le']?.slice(0, 16)])).toEqual([[QUESTION, '2021-06-24 10:15']]);
  const wb = XLSX.read(await download('xlsx'));
  const sheet = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Questions']!);
  expect(sheet.map((r) => String(r['reçue le']).slice(0, 16))).toEqual(['2021-06-24 10:15']);

  // The PDF report: « reçue à 10 h 15 », the delay « saisi à 10 h 15 ».
  const pdf = testInfo.outputPath('rehearsal-1015-report.pdf');
  writeFileSync(pdf, await download('pdf'));
  if (!poppler && !process.env.CI) {
    testInfo.annotations.push({ type: 'skipped', description: 'pdftotext (poppler-utils) missing: the PDF’s text is not checked' });
    return;
  }
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  const text = out.stdout.replace(/\s+/g, ' ');
  expect(text).toContain('reçue à 10 h 15');
  expect(text).toContain('saisi à 10 h 15');
  const real = `reçue à ${formatClockFr(realAsked, TZ)}`.replace(/\s+/g, ' ');
  if (real !== 'reçue à 10 h 15') expect(text).not.toContain(real);
});
