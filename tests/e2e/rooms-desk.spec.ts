import { io } from 'socket.io-client';
import type { Snapshot } from '../../src/shared/api/channel';
import { programOf } from '../../src/shared/api/room-bus';
import { qaOf } from '../../src/shared/api/room-live';
import type { ViewState } from '../../src/shared/api/state';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { TestParticipant } from '../../src/hub/testing/clients';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test, type CoreFixture } from './fixtures';
import { row, shot, showQuestionsTab } from './question-desk';

// Issue 17 § 5, the desk with rooms: a rehearsal at 16:05 on the first day, séquence 4's six
// workshops live, each having opened its Q&A (room only) by itself at 16:00. The central desk's
// overview (`o`) shows them with their sessions and counts; a question asked in Salle 450 by a
// phone holding Salle 450's key is counted in Salle 450's row, is in Salle 450's queue (its key
// in the overview) and not in the main room's; the same keyboard screens it, previews it and TAKEs
// it on Salle 450's screen; `0` is the main room again. Salle 450's moderator seat opens a desk
// with its room only.

const TZ = 'Europe/Paris';
const WORKSHOPS = ['salle-800', 'salle-450', 'salle-300', 'salle-200', 'salle-150', 'salle-100'];
const QUESTION = 'Comment coordonner le bilan de santé d’entrée avec le médecin traitant ?';
const FLAGGED = 'Rappelez-moi au 06 12 34 56 78 pour mon dossier';

/** A room's presence key of the moment, as its output receives it (the main output's seat may name the room). */
async function roomKey(core: CoreFixture, room: string): Promise<string> {
  const socket = io(`http://127.0.0.1:${core.port}`, { auth: { token: core.tokens.output, room }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    const snap = await new Promise<Snapshot>((res) => socket.once('snapshot', res));
    const key = snap.presence?.key;
    if (!key) throw new Error(`pas de clé de salle pour ${room}`);
    return key;
  } finally {
    socket.close();
  }
}

/** A seat's address, from the « Sièges » list (the régie's token). */
async function seatAddress(core: CoreFixture, seatId: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${core.port}/api/seats`, { headers: { Authorization: `Bearer ${core.tokens.control}` } });
  const body = (await res.json()) as { seats: { id: string; addresses: string[] }[] };
  const address = body.seats.find((s) => s.id === seatId)?.addresses.at(-1);
  if (!address) throw new Error(`siège inconnu : ${seatId}`);
  return address;
}

test('the central desk sees the six workshops, opens Salle 450’s queue and screen by its key; Salle 450’s seat sees its room only', async ({
  browser,
  core,
}, testInfo) => {
  test.setTimeout(120_000);
  const seat = connectView(core.port, core.tokens.control);
  let state: ViewState = (await nextSnapshot(seat)).state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(seat, { id: `rooms-desk-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({ ok: true });
  const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const roomDesk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  let phone: TestParticipant | null = null;
  try {
    // Just before 16:00: the workshops' auto cues open their Q&A at 16:00, by themselves.
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '15:59' }, TZ) + 57_000 } });
    await expect.poll(() => WORKSHOPS.filter((r) => qaOf(state, r).open), { timeout: 20_000 }).toEqual(WORKSHOPS);
    expect(WORKSHOPS.every((r) => qaOf(state, r).roomOnly)).toBe(true);
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '16:05' }, TZ) } });

    await desk.goto(core.controlUrl);
    await expect(desk.getByTestId('desk-room-label')).toHaveAttribute('data-room', 'grand-auditorium');
    await desk.keyboard.press('o');
    const overview = desk.getByTestId('rooms-overview');
    await expect(overview).toBeVisible();
    const roomRow = (room: string) => overview.locator(`[data-testid="rooms-row"][data-room="${room}"]`);
    for (const room of WORKSHOPS) {
      await expect(roomRow(room)).toHaveAttribute('data-live', 'true');
      await expect(roomRow(room).getByTestId('rooms-qa')).toHaveAttribute('data-room-only', 'true');
      await expect(roomRow(room).getByTestId('rooms-qa')).toHaveAttribute('data-open', 'true');
    }
    await expect(roomRow('salle-450').getByTestId('rooms-session')).toHaveText(/Atelier 4B/);
    await expect(roomRow('salle-800').getByTestId('rooms-session')).toHaveText(/Atelier 4A/);
    await expect(roomRow('salle-100').getByTestId('rooms-session')).toHaveText(/Atelier 4F/);
    await expect(roomRow('salle-450')).toHaveAttribute('data-incoming', '0');
    // Every row in view at 1366×768, without scrolling the dialog.
    for (const room of ['grand-auditorium', ...WORKSHOPS]) await expect(roomRow(room)).toBeInViewport({ ratio: 1 });

    // A phone that scanned Salle 450's screen asks there: « dans la salle » of Salle 450.
    const code = new URL(core.joinUrls[0] ?? '').searchParams.get('e') ?? '';
    phone = await TestParticipant.join(core.hubPort ?? 0, code, { room: 'salle-450', key: await roomKey(core, 'salle-450') });
    expect(phone.place).toMatchObject({ room: 'salle-450', origin: 'room' });
    expect((await phone.ask(QUESTION)).ok).toBe(true);
    expect((await phone.ask(FLAGGED)).ok).toBe(true);
    await expect(roomRow('salle-450')).toHaveAttribute('data-incoming', '2');
    await expect(roomRow('salle-800')).toHaveAttribute('data-incoming', '0');
    await expect(roomRow('salle-450').getByTestId('rooms-present')).toHaveText(/1 dans la salle/);
    // The flag raised in Salle 450 shows at the centre: on its row, in the overview, on the top bar.
    await expect(roomRow('salle-450')).toHaveAttribute('data-flagged', '1');
    await expect(desk.getByTestId('rooms-flag-badge')).toHaveAttribute('data-count', '1');
    await shot(desk, testInfo, 'rooms-overview-1366');

    // The main room's queue is the plenary's: Salle 450's question is not there.
    await desk.keyboard.press('o');
    await expect(overview).toHaveCount(0);
    await showQuestionsTab(desk);
    await expect(row(desk, 'bilan de santé')).toHaveCount(0);

    // Salle 450's key in the overview: its queue and its screen.
    await desk.keyboard.press('o');
    await desk.keyboard.press('2');
    await expect(overview).toHaveCount(0);
    await expect(desk.getByTestId('desk-room-label')).toHaveAttribute('data-room', 'salle-450');
    await expect(desk.getByTestId('desk-room-name')).toHaveText('Salle 450');
    await expect(row(desk, 'bilan de santé')).toHaveCount(1);
    await expect(desk.getByTestId('centre-incoming')).toHaveAttribute('data-count', '2');
    // The same keyboard: approve, preview, TAKE, on Salle 450's screen only.
    const mainOnAir = programOf(state, 'grand-auditorium').onAir;
    await row(desk, 'bilan de santé').click();
    await desk.keyboard.press('a');
    await expect.poll(() => state.audience.questions.find((q) => q.text === QUESTION)?.status).toBe('approved');
    await desk.getByTestId('tab-approved').click();
    await row(desk, 'bilan de santé').click();
    await desk.keyboard.press('v');
    await expect.poll(() => programOf(state, 'salle-450').preview?.kind).toBe('question');
    await desk.keyboard.press('Enter');
    await expect.poll(() => programOf(state, 'salle-450').onAir.kind).toBe('question');
    expect(programOf(state, 'grand-auditorium').onAir).toEqual(mainOnAir);
    await expect(desk.getByTestId('onair-caption')).toHaveAttribute('data-scene', 'question');
    await shot(desk, testInfo, 'desk-driving-salle-450');

    // `0`: the main room again, its queue and its screen.
    await desk.keyboard.press('0');
    await expect(desk.getByTestId('desk-room-label')).toHaveAttribute('data-room', 'grand-auditorium');
    await expect(row(desk, 'bilan de santé')).toHaveCount(0);
    await expect(desk.getByTestId('onair-caption')).not.toHaveAttribute('data-scene', 'question');

    // Salle 450's moderator seat: its room only, none of the central régie's panels.
    await roomDesk.goto(await seatAddress(core, 'room-salle-450'));
    await expect(roomDesk.getByTestId('room-seat-desk')).toBeVisible();
    await expect(roomDesk.getByTestId('room-seat-room')).toHaveText('Salle 450');
    await expect(roomDesk.getByTestId('room-seat-qa')).toHaveAttribute('data-open', 'true');
    await expect(roomDesk.getByTestId('desk-room-label')).toHaveAttribute('data-room', 'salle-450');
    await roomDesk.getByTestId('tab-approved').click();
    await expect(row(roomDesk, 'bilan de santé')).toHaveCount(1);
    // Its room's run of show and polls are there (rooms-seat-live.spec.ts), the central régie's panels are not.
    await expect(roomDesk.getByTestId('room-seat-cues')).toBeVisible();
    await expect(roomDesk.getByTestId('room-seat-interactions')).toBeVisible();
    for (const absent of ['rooms-button', 'centre-tab-conduite', 'cue-reset', 'moderation-lists-open', 'clock-control', 'logbook', 'as-run', 'timeline', 'current-session', 'export-button', 'desk-room-back']) {
      await expect(roomDesk.getByTestId(absent), absent).toHaveCount(0);
    }
    await expect(roomDesk.getByTestId('seat-role')).toHaveText('Salle 450 — animation');
    // Its keys: `o` opens no overview; Escape panics its own room's screen only.
    await roomDesk.keyboard.press('o');
    await expect(roomDesk.getByTestId('rooms-overview')).toHaveCount(0);
    await shot(roomDesk, testInfo, 'room-seat-desk-salle-450');
    await roomDesk.keyboard.press('Escape');
    await expect.poll(() => programOf(state, 'salle-450').panicFrom?.kind).toBe('question');
    expect(programOf(state, 'grand-auditorium').panicFrom).toBeNull();
    await expect(roomDesk.getByTestId('program-problem')).toHaveCount(0);

    // The central desk's overview sees Salle 450's tablet connected, then gone when it closes:
    // the core pushes the seats' views to the régie (no polling of /api/seats).
    await desk.keyboard.press('o');
    await expect(overview).toBeVisible();
    const tablet450 = roomRow('salle-450').locator('[data-testid="rooms-seat"][data-seat="room-salle-450"]');
    // Two connections: the tablet's desk and its program monitor (its room's screen, opened with its token).
    await expect(tablet450).toHaveAttribute('data-connected', '2');
    await roomDesk.close();
    await expect(tablet450).toHaveAttribute('data-connected', '0');
    await expect(roomRow('salle-450').locator('[data-testid="rooms-seat"][data-seat="output-salle-450"]')).toHaveAttribute('data-connected', '0');
    await shot(desk, testInfo, 'rooms-overview-seats-1366');
  } finally {
    phone?.close();
    seat.close();
    await desk.close();
    await roomDesk.close();
  }
});
