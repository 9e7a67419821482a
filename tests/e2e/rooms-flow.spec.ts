import type { CoreStatus } from '../../src/shared/api/channel';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { listSeats, qaCue, SEQUENCE_4, seatAddress, sixWorkshopsProgramme } from '../integration/rooms-harness';
import { expect, test } from './fixtures';
import { row, selectByKeys, shot } from './question-desk';

// Issue 17 in Chromium, end to end: a phone opens the address of Salle 450's QR code (read on Salle
// 450's own screen), is « dans la salle » and asks in the room-only workshop; the Salle 450 seat
// (its moderator desk, /control with its own token) approves it and TAKEs it; Salle 450's screen
// shows it, Salle 800's screen and the plenary's do not. (The central overview is rooms-desk's.)

test('a phone asks in Salle 450; the Salle 450 seat approves and TAKEs it; only Salle 450’s screen shows it', async ({ browser, core }, testInfo) => {
  test.setTimeout(120_000);
  const regie = connectView(core.port, core.tokens.control);
  const first = await nextSnapshot(regie);
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(regie, { id: `rooms-flow-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({ ok: true });
  const link = { status: first.status.link };
  regie.on('status', (s: CoreStatus) => (link.status = s.link));
  await cmd({ type: 'programme.load', programme: sixWorkshopsProgramme() });
  await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: SEQUENCE_4 } });
  await cmd({ type: 'cue.go', cueId: qaCue('salle-450'), outOfOrder: true });
  // Salle 450's screen shows its join QR code; the plenary and Salle 800 show messages of their own.
  await cmd({ type: 'program.preview', scene: { kind: 'join' }, room: 'salle-450' });
  await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 }, room: 'salle-450' });
  await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Plénière : reprise à 17 h 45' } });
  await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
  await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Atelier 4A : bienvenue en Salle 800' }, room: 'salle-800' });
  await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 }, room: 'salle-800' });
  await expect.poll(() => link.status.state === 'online' && link.status.outboxPending === 0, { timeout: 20_000 }).toBe(true);

  const seats = await listSeats(core.port, core.tokens.control);
  const screen = { viewport: { width: 960, height: 540 } };
  const [out450, out800, outMain, desk450] = await Promise.all([browser.newPage(screen), browser.newPage(screen), browser.newPage(screen), browser.newPage({ viewport: { width: 1366, height: 768 } })]);
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await out450!.goto(seatAddress(seats, 'output', 'salle-450'));
    await out800!.goto(seatAddress(seats, 'output', 'salle-800'));
    await outMain!.goto(core.outputUrl);
    await expect(outMain!.getByTestId('message-text')).toHaveText('Plénière : reprise à 17 h 45');
    await expect(out800!.getByTestId('message-text')).toHaveText('Atelier 4A : bienvenue en Salle 800');

    // The phone scans Salle 450's QR code: the address it carries, key included.
    const qr = out450!.getByTestId('join-qr');
    await expect(qr).toHaveAttribute('data-loaded', 'true');
    const address = (await qr.getAttribute('data-qr-text')) ?? '';
    expect(new URL(address).searchParams.get('r')).toBe('salle-450');
    await shot(out450!, testInfo, 'rooms-1-salle-450-join');
    await phone.goto(address);
    const join = phone.getByTestId('join-room');
    if (await join.isVisible().catch(() => false)) await join.click();
    await expect(phone.getByTestId('place')).toHaveAttribute('data-origin', 'room');
    const question = 'Atelier 4B : qui coordonne le parcours de soins quand l’enfant change de lieu d’accueil ?';
    await phone.getByTestId('question-input').fill(question);
    await phone.getByTestId('question-submit').click();
    await expect(phone.getByTestId('ask-status')).toContainText('Votre question a été transmise à la régie');
    await shot(phone, testInfo, 'rooms-2-phone-asked');

    // Salle 450's moderator desk: its own token; approve (a), then to the preview (v) and TAKE.
    await desk450!.goto(seatAddress(seats, 'room', 'salle-450'));
    await expect(desk450!.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    // The room moderator's desk opens on its room's queue, « En cours » its own workshop (Atelier 4B).
    await expect(desk450!.getByTestId('filter-session')).toHaveValue('current');
    await expect(desk450!.getByTestId('filter-session').locator('option:checked')).toContainText('Atelier 4B');
    await expect(row(desk450!, 'qui coordonne le parcours')).toHaveCount(1);
    await selectByKeys(desk450!, 'qui coordonne le parcours');
    await desk450!.keyboard.press('a');
    await desk450!.getByTestId('tab-approved').click();
    await selectByKeys(desk450!, 'qui coordonne le parcours');
    await desk450!.keyboard.press('v');
    await expect(desk450!.getByTestId('take')).toBeEnabled();
    await shot(desk450!, testInfo, 'rooms-3-salle-450-desk-preview');
    await desk450!.getByTestId('take').click();

    await expect(out450!.getByTestId('scene-question')).toBeVisible();
    await expect(out450!.getByTestId('question-text')).toContainText('qui coordonne le parcours de soins');
    await expect(outMain!.getByTestId('message-text')).toHaveText('Plénière : reprise à 17 h 45');
    await expect(out800!.getByTestId('message-text')).toHaveText('Atelier 4A : bienvenue en Salle 800');
    for (const other of [out800!, outMain!]) {
      await expect(other.getByTestId('scene-question')).toHaveCount(0);
      expect(await other.content()).not.toContain('qui coordonne le parcours');
    }
    await shot(out450!, testInfo, 'rooms-4-salle-450-on-air');
    await shot(out800!, testInfo, 'rooms-5-salle-800');
    await shot(outMain!, testInfo, 'rooms-6-plenary');
    await shot(desk450!, testInfo, 'rooms-7-salle-450-desk-taken');
  } finally {
    regie.close();
    for (const page of [out450, out800, outMain, desk450, phone]) await page?.close();
  }
});
