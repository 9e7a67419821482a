import type { Page } from '@playwright/test';
import type { CoreStatus } from '../../src/shared/api/channel';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import { qaOf } from '../../src/shared/api/room-live';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import type { TestParticipant } from '../../src/hub/testing/clients';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { joinPhone } from '../integration/room-presence';
import { listSeats, seatAddress } from '../integration/rooms-harness';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 17, the room moderator's seat live, in Chromium at 1366×768: Salle 450's seat makes and
// opens its own poll, a phone that scanned Salle 450's key votes, the seat shows the results and
// TAKEs them to Salle 450's screen (Salle 800's and the plenary's show nothing of it), then GOes
// its room's « fermer les questions » cue with the central desk's slip guards; its program monitor
// is Salle 450's own screen, opened with the seat's own token.

const TZ = 'Europe/Paris';
const at = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, TZ);
const CLOSE_CUE = 'j1-atelier-4b-questions-fermer';
const QUESTION = 'Le bilan de santé d’entrée est-il fait dans votre service ?';

const ixRow = (page: Page, text: string) => page.getByTestId('ix-row').filter({ hasText: text });

test('the Salle 450 seat runs its own poll, TAKEs its results to its screen only, GOes its room’s cue and watches its screen', async ({ browser, core }, testInfo) => {
  test.setTimeout(150_000);
  const regie = connectView(core.port, core.tokens.control);
  const first = await nextSnapshot(regie);
  let state: ViewState = first.state;
  regie.on('patch', (p: { ops: Parameters<typeof applyPatchOps>[1] }) => (state = applyPatchOps(state, p.ops)));
  const link = { status: first.status.link };
  regie.on('status', (s: CoreStatus) => (link.status = s.link));
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(regie, { id: `seat-live-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({ ok: true });

  // The rehearsal clock just before 16:00 on day 1: the workshops' own auto cues open their Q&A.
  await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('15:59') + 57_000 } });
  await expect.poll(() => qaOf(state, 'salle-450').open, { timeout: 20_000 }).toBe(true);
  await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('16:05') } });
  // The plenary's and Salle 800's screens show messages of their own.
  await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Plénière : reprise à 17 h 45' } });
  await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
  await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Atelier 4A : bienvenue en Salle 800' }, room: 'salle-800' });
  await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 }, room: 'salle-800' });
  await expect.poll(() => link.status.state === 'online' && link.status.outboxPending === 0, { timeout: 20_000 }).toBe(true);

  const seats = await listSeats(core.port, core.tokens.control);
  const screen = { viewport: { width: 960, height: 540 } };
  const [out450, out800, outMain] = await Promise.all([browser.newPage(screen), browser.newPage(screen), browser.newPage(screen)]);
  const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  let phone: TestParticipant | null = null;
  try {
    await out450!.goto(seatAddress(seats, 'output', 'salle-450'));
    await out800!.goto(seatAddress(seats, 'output', 'salle-800'));
    await outMain!.goto(core.outputUrl);
    await expect(outMain!.getByTestId('message-text')).toHaveText('Plénière : reprise à 17 h 45');

    // Salle 450's desk, its own token. Its run of show and its polls beside its queue and its bus.
    await desk.goto(seatAddress(seats, 'room', 'salle-450'));
    await expect(desk.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    await expect(desk.getByTestId('room-seat-room')).toHaveText('Salle 450');
    await expect(desk.getByTestId('standby')).toHaveAttribute('data-cue-id', CLOSE_CUE);
    for (const id of ['questions-panel', 'program-monitor', 'preview-panel', 'cue-panel', 'room-seat-interactions']) {
      await expect(desk.getByTestId(id).first(), id).toBeInViewport({ ratio: 0.9 });
    }
    // Its monitor is Salle 450's own screen: the output page, opened with the seat's own token.
    const monitor = desk.frameLocator('[data-testid="program-monitor"] iframe');
    await expect(monitor.getByTestId('output-stage')).toBeVisible();
    const monitorSrc = new URL((await desk.locator('[data-testid="program-monitor"] iframe').getAttribute('src'))!);
    expect(monitorSrc.pathname).toBe('/output');
    expect(monitorSrc.searchParams.get('room')).toBe('salle-450');
    expect(monitorSrc.searchParams.get('token')).toBe(new URL(seatAddress(seats, 'room', 'salle-450')).searchParams.get('token'));

    // A poll made on the spot for its room, opened at once.
    await desk.getByTestId('ix-new-poll').click();
    const dialog = desk.getByTestId('ix-create');
    await dialog.getByTestId('poll-type').selectOption('single');
    await dialog.getByTestId('poll-question').fill(QUESTION);
    await dialog.getByTestId('poll-option').nth(0).fill('Toujours');
    await dialog.getByTestId('poll-option').nth(1).fill('Parfois');
    await shot(desk, testInfo, 'seat-live-1-create-dialog');
    await dialog.getByTestId('ix-create-open').click();
    await expect(dialog).toHaveCount(0);
    const row = ixRow(desk, QUESTION);
    await expect(row).toHaveAttribute('data-phase', 'open');
    const pollId = (await row.getAttribute('data-interaction-id'))!;
    expect(state.live.interactions[pollId]).toMatchObject({ status: 'open', room: 'salle-450' });
    expect(state.programme?.interactions?.find((i) => i.id === pollId)?.room).toBe('salle-450');

    // A phone in Salle 450 (it scanned the room's key on its screen) votes.
    const code = new URL(core.joinUrls[0] ?? '').searchParams.get('e') ?? '';
    phone = await joinPhone(core, code, { inRoom: 'salle-450' });
    await expect.poll(() => phone!.state?.interaction?.id ?? null, { timeout: 15_000 }).toBe(pollId);
    expect((await phone.vote(pollId, [0])).ok).toBe(true);
    await expect(row.getByTestId('ix-count')).toHaveAttribute('data-count', '1');
    expect(state.audience.tallies[pollId]?.voters.room).toBe(1);

    // Its results to the preview, then TAKE: Salle 450's screen and the seat's monitor show them.
    await row.getByTestId('ix-close').click();
    await expect(row).toHaveAttribute('data-phase', 'closed');
    await row.getByTestId('ix-preview').click();
    await expect(desk.getByTestId('take')).toBeEnabled();
    await desk.getByTestId('take').click();
    await expect(out450!.getByTestId('scene-poll')).toBeVisible();
    await expect(out450!.getByTestId('poll-question')).toContainText('bilan de santé');
    await expect(monitor.getByTestId('scene-poll')).toBeVisible();
    await expect(monitor.getByTestId('poll-question')).toContainText('bilan de santé');
    for (const other of [out800!, outMain!]) {
      await expect(other.getByTestId('scene-poll')).toHaveCount(0);
      expect(await other.content()).not.toContain('bilan de santé');
    }
    await expect(out800!.getByTestId('message-text')).toHaveText('Atelier 4A : bienvenue en Salle 800');
    await expect(outMain!.getByTestId('message-text')).toHaveText('Plénière : reprise à 17 h 45');
    await shot(desk, testInfo, 'seat-live-2-desk-poll-on-air');
    await shot(out450!, testInfo, 'seat-live-3-salle-450');
    await shot(out800!, testInfo, 'seat-live-4-salle-800');
    await shot(outMain!, testInfo, 'seat-live-5-plenary');

    // 16:05: Space on « fermer les questions » (17:30) is out of order: asked, Escape, nothing sent.
    await desk.locator('body').click({ position: { x: 5, y: 5 } });
    await desk.keyboard.press('Space');
    await expect(desk.getByTestId('slip-confirm')).toBeVisible();
    await shot(desk, testInfo, 'seat-live-6-out-of-order');
    await desk.keyboard.press('Escape');
    await expect(desk.getByTestId('slip-confirm')).toHaveCount(0);
    expect(qaOf(state, 'salle-450').open).toBe(true);

    // 17:27, the régie's rehearsal clock: the cue is due. Space GOes it; a second Space is a double press.
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('17:27') } });
    await expect(desk.getByTestId('standby')).toHaveAttribute('data-out-of-order', 'false');
    await desk.keyboard.press('Space');
    await desk.keyboard.press('Space');
    await expect(desk.getByTestId('cue-feedback')).toContainText('GO ignoré');
    await expect(desk.getByTestId('room-seat-qa')).toHaveAttribute('data-open', 'false');
    await expect.poll(() => qaOf(state, 'salle-450').open).toBe(false);
    // Only its room: the other workshops' Q&A stay open.
    expect(qaOf(state, 'salle-800').open).toBe(true);
    // Ctrl+Z undoes its GO (`u` is the queue's undo there, unless the focus is in the run of show).
    await desk.keyboard.press('Control+z');
    await expect(desk.getByTestId('cue-feedback')).toContainText('GO annulé');
    await expect.poll(() => qaOf(state, 'salle-450').open).toBe(true);
    await desk.waitForTimeout(1100); // a GO within a second of the last is a double press, for the core too
    await desk.getByTestId('go-button').click();
    await expect.poll(() => qaOf(state, 'salle-450').open).toBe(false);
    // With the focus in its run of show (a click there), `u` is the GO's undo.
    await desk.getByTestId('cue-panel').locator('.panel-head').click();
    await desk.keyboard.press('u');
    await expect(desk.getByTestId('cue-feedback')).toContainText('GO annulé');
    await expect.poll(() => qaOf(state, 'salle-450').open).toBe(true);
    await desk.waitForTimeout(1100); // a GO within a second of the last is a double press, for the core too
    await desk.getByTestId('go-button').click();
    await expect.poll(() => qaOf(state, 'salle-450').open).toBe(false);
    expect(state.asRun.filter((e) => e.cueId === CLOSE_CUE && e.kind === 'cue.fired').at(-1)).toMatchObject({ room: 'salle-450' });
    await expect(monitor.getByTestId('scene-poll')).toBeVisible();
    await shot(desk, testInfo, 'seat-live-7-desk-cue-fired');
  } finally {
    phone?.close();
    regie.close();
    for (const page of [out450, out800, outMain, desk]) await page?.close();
  }
});
