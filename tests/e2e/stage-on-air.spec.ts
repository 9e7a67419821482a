import { mainQa } from '../../src/shared/api/room-live';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { ask, shot } from './question-desk';
import { programOf } from '../../src/shared/api/room-bus';

// Issue 16 on stage: the facilitator's tablet says what the projector shows, from the core's
// program bus: the holding screen, then a question taken on air (approved, not shortlisted: it
// was « Pas encore de question sélectionnée par la régie » before), the panic screen; never what
// the régie is composing in preview.

const QA_CUE = 'j1-seq1-questions-ouvrir';
const QUESTION = 'Comment associer les familles au projet pour l’enfant ?';

test('the stage shows what is on the projector: a question on air in full, the panic screen, never the preview', async ({
  browser,
  core,
}, testInfo) => {
  const seat = connectView(core.port, core.tokens.control);
  const snapshot = await nextSnapshot(seat);
  let state: ViewState = snapshot.state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(seat, { id: `stage-air-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({
      ok: true,
    });
  const stage = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  try {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:30' }, 'Europe/Paris') } });
    // The poll cues of the session wait before it: confirmed out of order, as at the desk.
    await cmd({ type: 'cue.go', cueId: QA_CUE, outOfOrder: true });
    await expect.poll(() => mainQa(state).open).toBe(true);

    await stage.goto(snapshot.access?.stageUrl ?? '');
    await expect(stage.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
    const screen = stage.getByTestId('stage-on-screen');
    await expect(screen).toHaveAttribute('data-scene', 'holding');
    await expect(screen).toContainText('Écran d’attente');
    await expect(stage.getByTestId('stage-empty')).toHaveText('Pas encore de question sélectionnée par la régie.');

    // A participant's question, approved (not starred) and taken on air.
    await ask(core, 'remote', QUESTION, 'Claire');
    await expect.poll(() => state.audience.questions.length).toBe(1);
    const id = state.audience.questions[0]!.id;
    // « Claire » is a given name: flagged until the moderator reads it and clears it (c).
    await expect.poll(() => state.audience.questions[0]!.flags.map((f) => f.field)).toEqual(['name']);
    await cmd({ type: 'question.clear-flags', questionId: id });
    await cmd({ type: 'question.approve', questionId: id });
    await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } });
    await expect(screen).toHaveAttribute('data-scene', 'holding'); // in preview: not on the projector yet
    await cmd({ type: 'program.take' });
    await expect(screen).toHaveAttribute('data-scene', 'question');
    await expect(screen).toHaveAttribute('data-question-id', id);
    await expect(stage.getByTestId('stage-on-screen-text')).toHaveText(/^Comment associer les familles au projet pour l’enfant\s\?$/);
    await expect(screen).toContainText('Claire');
    await expect(screen).toContainText('à distance');
    // The shortlist is empty, and says so without denying what is on the projector.
    await expect(stage.getByTestId('stage-empty')).toHaveText('Aucune autre question dans la liste de la régie pour l’instant.');

    // The régie composes the next scene: the stage is not told.
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Brouillon : ne pas afficher' } });
    await expect.poll(() => programOf(state).preview?.kind).toBe('message');
    await expect(stage.getByText('Brouillon')).toHaveCount(0);
    await shot(stage, testInfo, 'stage-question-on-air-1024x768');

    // Panic: the stage says the projection was cut, and what was there.
    await cmd({ type: 'program.panic' });
    await expect(screen).toHaveAttribute('data-panic', 'true');
    await expect(screen).toContainText('ÉCRAN DE SECOURS');
    await expect(screen).toContainText('la régie a coupé la projection');
    await shot(stage, testInfo, 'stage-panic-1024x768');
    await cmd({ type: 'program.restore' });
    await expect(screen).toHaveAttribute('data-scene', 'question');
    await expect(screen).toHaveAttribute('data-panic', 'false');
  } finally {
    seat.close();
    await stage.close();
  }
});
