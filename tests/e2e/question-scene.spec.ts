import { connectView, nextSnapshot, send } from '../integration/helpers';
import { test, expect } from './fixtures';

// A screened question on the projector (issue 5 × 7): composed in preview, TAKE, read from the
// back of the hall; hostile text stays text there too.

test('a screened question goes to the projector as text, with its asker and origin', async ({ page, core }, testInfo) => {
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `qscene-${n++}`, command });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto(core.outputUrl);
  await expect(page.getByTestId('event-name')).toBeVisible();

  const hostile = '<img src=x onerror="window.__pwned=1">Comment protéger\u202E les fratries ? <script>window.__pwned=2</script>';
  expect(await cmd({ type: 'question.add', text: hostile, name: 'Inès', sessionId: null })).toMatchObject({ ok: true });
  await cmd({ type: 'clock.set', clock: { mode: 'live' } }); // a patch after the add, so the id is known below
  const id = await (async () => {
    const snap = await (seat.emit('resync'), nextSnapshot(seat));
    return snap.state.audience.questions.at(-1)!.id;
  })();
  // « Inès » is a given name: the question arrives flagged and the core refuses it on the projector…
  expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } })).toMatchObject({ ok: false });
  // …until the moderator has read it and cleared the flag (key c): the asker chose to be named.
  expect(await cmd({ type: 'question.clear-flags', questionId: id })).toMatchObject({ ok: true });
  await cmd({ type: 'question.approve', questionId: id });
  expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } })).toMatchObject({ ok: true });
  expect(await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } })).toMatchObject({ ok: true });

  await expect(page.getByTestId('scene-question')).toBeVisible();
  await expect(page.getByTestId('question-asker')).toContainText('Inès');
  await expect(page.getByTestId('question-asker')).toContainText('au micro');
  await expect(page.getByTestId('question-text')).toContainText('<img src=x onerror=');
  await expect(page.getByTestId('question-text')).not.toContainText('\u202E');
  expect(await page.locator('[data-testid="scene-question"] img, [data-testid="scene-question"] script').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('question-on-air.png'), animations: 'disabled' });
  await testInfo.attach('question-on-air', { path: testInfo.outputPath('question-on-air.png'), contentType: 'image/png' });
  seat.close();
});
