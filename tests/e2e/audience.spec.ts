import { roomPresence } from '../integration/room-presence';
import { TestParticipant } from '../../src/hub/testing/clients';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import { connectView, nextSnapshot, send, type ViewSocket } from '../integration/helpers';
import { test, expect } from './fixtures';

// The whole chain with the real régie: its embedded hub serves the participant page; a cue opens
// the poll on the phones; the phone's vote and question reach the régie's journal.

const at = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');

test('a participant sees the poll a cue opened, votes and asks; the régie receives both', async ({ browser, core }, testInfo) => {
  const joinUrl = core.joinUrls[0];
  expect(joinUrl, 'the embedded hub gives a join address').toBeTruthy();
  // A second control seat, in Node, mirrors the régie's state (snapshot, then patches).
  const seat: ViewSocket = connectView(core.port, core.tokens.control);
  let state = (await nextSnapshot(seat)).state;
  let n = 0;
  const cmd = (command: unknown) => send(seat, { id: `audience-e2e-${n++}`, command });
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  // The address the plenary's screen shows in its QR code: the room and its key of the moment.
  const { room, key } = roomPresence(core.dataDir);
  await phone.goto(`${joinUrl!}&r=${room}&k=${key}`);
  await phone.getByTestId('join-room').click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');

  // The desk's cue opens the poll: the phone shows it.
  expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('10:15') } })).toMatchObject({ ok: true });
  expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: true });
  await expect(phone.getByTestId('poll')).toContainText('Depuis la crise sanitaire');

  await phone.getByTestId('poll-option').filter({ hasText: 'un peu augmenté' }).click();
  await phone.getByTestId('poll-submit').click();
  await expect(phone.getByTestId('vote-status')).toContainText('Votre vote est enregistré');
  await expect.poll(() => state.audience.tallies['charge-de-travail']?.counts['1']?.room ?? 0).toBe(1);

  // Another participant (remote) votes too; closing the poll reveals the régie's count on the phone.
  const remote = await TestParticipant.join(core.hubPort!, core.joinUrls[0]!.split('e=')[1]!, { origin: 'remote' });
  await expect.poll(() => remote.state?.interaction?.id).toBe('charge-de-travail');
  expect(await remote.vote('charge-de-travail', [0])).toMatchObject({ ok: true });
  await expect.poll(() => state.audience.tallies['charge-de-travail']?.voters.remote ?? 0).toBe(1);
  await expect.poll(async () => (await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-fermer', outOfOrder: true })).ok, { timeout: 5000 }).toBe(true);
  await expect(phone.getByTestId('results-total')).toHaveText('2 réponses', { timeout: 15_000 }); // after the 5 s pre-wait of the reveal
  await expect(phone.getByTestId('result-row').filter({ hasText: 'un peu augmenté' })).toContainText('votre choix');

  // The Q&A opens; the phone's question reaches the régie, once, with its origin.
  await expect.poll(async () => (await cmd({ type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true })).ok, { timeout: 5000 }).toBe(true);
  const question = 'Comment sécuriser le parcours des jeunes majeurs ?';
  await phone.getByTestId('question-input').fill(question);
  await phone.getByTestId('name-input').fill('Inès');
  await phone.getByTestId('question-submit').click();
  await expect(phone.getByTestId('ask-status')).toContainText('transmise à la régie');
  await expect.poll(() => state.audience.questions.filter((q) => q.text === question).length).toBe(1);
  expect(state.audience.questions.find((q) => q.text === question)).toMatchObject({ origin: 'room', name: 'Inès', sessionId: 'j1-seq1' });

  await phone.screenshot({ path: testInfo.outputPath('participant-after.png'), fullPage: true, animations: 'disabled' });
  remote.close();
  seat.close();
  await phone.close();
});
