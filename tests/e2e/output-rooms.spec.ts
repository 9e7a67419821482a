import type { Page } from '@playwright/test';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 17, each room its own screen (docs/rooms.md § 2): `/output?room=ID` (and its OBS mode) and
// `/stage?room=ID` show that room's bus and stage message; without `room`, the main room's. A TAKE
// in Salle 450 reaches Salle 450's projector only. The join QR code of a room's screen carries the
// room and its key of the moment.

const stageOf = (page: Page) => page.getByTestId('output-stage');

test('each room’s output and stage show that room’s bus and message, never another’s', async ({ browser, core }, testInfo) => {
  const seat = connectView(core.port, core.tokens.control);
  const stageUrl = (await nextSnapshot(seat)).access?.stageUrl ?? '';
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(seat, { id: `out-rooms-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({ ok: true });
  const viewport = { width: 960, height: 540 };
  const [main, s450, s800, obs450, stage450, stageMain] = await Promise.all(
    [0, 1, 2, 3].map(() => browser.newPage({ viewport })).concat([0, 1].map(() => browser.newPage({ viewport: { width: 1024, height: 768 } }))),
  );
  try {
    await main!.goto(core.outputUrl);
    await s450!.goto(`${core.outputUrl}&room=salle-450`);
    await s800!.goto(`${core.outputUrl}&room=salle-800`);
    await obs450!.goto(`${core.outputUrl}&mode=obs&room=salle-450`);
    await stage450!.goto(`${stageUrl}&room=salle-450`);
    await stageMain!.goto(stageUrl);
    for (const page of [main!, s450!, s800!]) await expect(stageOf(page)).toHaveAttribute('data-scene', 'holding');

    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Plénière : reprise à 14 h' } });
    await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Atelier 4B : bienvenue en Salle 450' }, room: 'salle-450' });
    await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 }, room: 'salle-450' });
    await cmd({ type: 'program.preview', scene: { kind: 'join' }, room: 'salle-800' });
    await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 }, room: 'salle-800' });
    await cmd({ type: 'stage.message', text: 'Plus que 5 minutes', room: 'salle-450' });

    await expect(main!.getByTestId('message-text')).toHaveText('Plénière : reprise à 14 h');
    await expect(s450!.getByTestId('message-text')).toHaveText('Atelier 4B : bienvenue en Salle 450');
    await expect(obs450!.getByTestId('message-text')).toHaveText('Atelier 4B : bienvenue en Salle 450');
    await expect(stageOf(s800!)).toHaveAttribute('data-scene', 'join');
    await expect(stage450!.getByTestId('stage-message')).toContainText('Plus que 5 minutes');
    await expect(stageMain!.getByTestId('stage-on-screen')).toHaveAttribute('data-scene', 'message');
    await expect(stageMain!.getByTestId('stage-message')).toHaveCount(0);
    await expect(stage450!.getByTestId('stage-on-screen')).toHaveAttribute('data-scene', 'message');
    await expect(stage450!.getByTestId('stage-on-screen')).toContainText('Atelier 4B');

    // Salle 800's join QR code: the event, the room and its key of the moment.
    const qr = s800!.getByTestId('join-qr');
    await expect(qr).toHaveAttribute('data-loaded', 'true');
    const qrText = (await qr.getAttribute('data-qr-text')) ?? '';
    const params = new URL(qrText).searchParams;
    expect(params.get('e')).toMatch(/^[A-Z2-9]{6}$/);
    expect(params.get('r')).toBe('salle-800');
    expect(params.get('k')).toMatch(/^[A-Z2-7]{10}$/);
    // The address written out stays the plain one (a key is not for typing).
    await expect(s800!.getByTestId('join-url')).not.toContainText('k=');

    // A panic in Salle 450 leaves the plenary on air.
    await cmd({ type: 'program.panic', to: 'black', room: 'salle-450' });
    await expect(stageOf(s450!)).toHaveAttribute('data-scene', 'black');
    await expect(main!.getByTestId('message-text')).toHaveText('Plénière : reprise à 14 h');

    await shot(main!, testInfo, 'output-main-room');
    await shot(s800!, testInfo, 'output-salle-800-join');
    await shot(stage450!, testInfo, 'stage-salle-450');
  } finally {
    seat.close();
    for (const page of [main, s450, s800, obs450, stage450, stageMain]) await page?.close();
  }
});

test('a room written wrong in the address is said, never shown as the main room', async ({ page, core }) => {
  await page.goto(`${core.outputUrl}&room=Salle%20450`);
  await expect(page.getByTestId('access-problem')).toHaveAttribute('data-problem', 'room');
  await expect(page.getByTestId('access-problem')).toContainText('Salle mal écrite dans l’adresse');
});
