import { describe, expect, it } from 'vitest';
import type { InteractionRun, LiveState } from '../../../shared/api/state';
import type { Interaction } from '../../../shared/domain/interaction';
import { programmeSchema } from '../../../shared/domain/programme';
import { deskInteractions, liveCommand, liveControls, resultsVisibility, roomInteractions } from './live-controls';

const poll: Interaction = { kind: 'poll', id: 'p', type: 'yesno', question: 'Q ?', hideResultsUntilReveal: false };
const waitingPoll: Interaction = { ...poll, id: 'w', hideResultsUntilReveal: true };
const cloud: Interaction = { kind: 'wordcloud', id: 'c', prompt: 'Un mot ?', maxWordsPerParticipant: 3, maxWordLength: 25 };

const open: InteractionRun = { status: 'open', openedAt: 1, closedAt: null, revealed: false, room: 'salle' };
const closed: InteractionRun = { status: 'closed', openedAt: 1, closedAt: 2, revealed: false, room: 'salle' };
const revealed = (run: InteractionRun): InteractionRun => ({ ...run, revealed: true, hidden: false });
const hidden = (run: InteractionRun): InteractionRun => ({ ...run, revealed: false, hidden: true });

describe('the desk’s live controls of a poll or a word cloud', () => {
  it('offers to open a draft, to prepare it on the projector, nothing about results yet', () => {
    expect(liveControls(poll, undefined, false)).toEqual({
      phase: 'draft',
      visibility: 'shown',
      revealed: false,
      actions: ['open', 'preview'],
    });
    expect(liveControls(waitingPoll, undefined, false).visibility).toBe('waiting');
    expect(liveControls(cloud, undefined, false).actions).toEqual(['open', 'preview']);
  });

  it('offers to close an open poll, reveal it, hide results the projector shows, reset (the core refuses it while open)', () => {
    expect(liveControls(poll, open, true).actions).toEqual(['close', 'reveal', 'hide', 'reset', 'preview']);
    // Results waiting for the reveal are already off the projector: nothing to hide.
    expect(liveControls(waitingPoll, open, true).actions).toEqual(['close', 'reveal', 'reset', 'preview']);
  });

  it('follows reveal and hide: revealed results can be hidden, hidden ones revealed again', () => {
    const shown = liveControls(waitingPoll, revealed(closed), true);
    expect(shown).toMatchObject({ phase: 'closed', visibility: 'shown', revealed: true });
    expect(shown.actions).toEqual(['open', 'hide', 'reset', 'preview']);
    const off = liveControls(waitingPoll, hidden(closed), true);
    expect(off).toMatchObject({ phase: 'closed', visibility: 'hidden', revealed: false });
    expect(off.actions).toEqual(['open', 'reveal', 'reset', 'preview']);
  });

  it('never offers a reset for a word cloud; hides and reveals its words', () => {
    expect(liveControls(cloud, open, true).actions).toEqual(['close', 'reveal', 'hide', 'preview']);
    expect(liveControls(cloud, hidden(closed), true)).toMatchObject({ visibility: 'hidden', actions: ['open', 'reveal', 'preview'] });
    expect(resultsVisibility(cloud, revealed(open))).toBe('shown');
  });

  it('sends the interaction’s command, or its scene to the preview', () => {
    expect(liveCommand('reveal', poll)).toEqual({ type: 'interaction.reveal', interactionId: 'p' });
    expect(liveCommand('reset', poll)).toEqual({ type: 'interaction.reset', interactionId: 'p' });
    expect(liveCommand('preview', poll)).toEqual({ type: 'program.preview', scene: { kind: 'poll', interactionId: 'p' } });
    expect(liveCommand('preview', cloud)).toEqual({ type: 'program.preview', scene: { kind: 'wordcloud', interactionId: 'c' } });
  });

  it('offers a reset to a draft poll only when votes are still counted', () => {
    expect(liveControls(poll, undefined, true).actions).toContain('reset');
    expect(liveControls(poll, undefined, false).actions).not.toContain('reset');
  });
});

describe('the interactions the desk lists', () => {
  const programme = programmeSchema.parse({
    event: { name: 'Assises', timeZone: 'Europe/Paris' },
    days: [{ date: '2021-06-24' }],
    interactions: [
      { kind: 'poll', id: 'matin', type: 'yesno', question: 'Matin ?' },
      { kind: 'poll', id: 'soir', type: 'yesno', question: 'Soir ?' },
      { kind: 'wordcloud', id: 'nuage-soir', prompt: 'Un mot ?' },
      { kind: 'poll', id: 'a-la-main', type: 'yesno', question: 'Sans réplique ?' },
    ],
    sessions: [
      {
        id: 'seq1',
        day: '2021-06-24',
        start: '09:00',
        end: '11:00',
        kind: 'plenary',
        title: 'Matin',
        cues: [{ id: 'c1', at: { offset: '+00:10' }, action: { type: 'poll.open', interaction: 'matin' } }],
      },
      {
        id: 'seq2',
        day: '2021-06-24',
        start: '14:00',
        end: '16:00',
        kind: 'plenary',
        title: 'Soir',
        cues: [
          { id: 'c2', at: { offset: '+00:10' }, action: { type: 'poll.open', interaction: 'soir' } },
          { id: 'c3', at: { offset: '+00:20' }, action: { type: 'scene', scene: 'wordcloud', interaction: 'nuage-soir' } },
        ],
      },
    ],
  });
  const quiet: LiveState = { interactions: {}, qa: {} };
  const ids = (list: Interaction[]) => list.map((i) => i.id);

  it('keeps the current session’s, the ones no cue uses, in programme order', () => {
    expect(ids(deskInteractions(programme, quiet, 'seq2', false))).toEqual(['soir', 'nuage-soir', 'a-la-main']);
    expect(ids(deskInteractions(programme, quiet, 'seq1', false))).toEqual(['matin', 'a-la-main']);
  });

  it('keeps one still live from another session (open or closed)', () => {
    const live: LiveState = { ...quiet, interactions: { matin: closed } };
    expect(ids(deskInteractions(programme, live, 'seq2', false))).toEqual(['matin', 'soir', 'nuage-soir', 'a-la-main']);
  });

  it('shows every interaction without a current session, or when asked', () => {
    const every = ['matin', 'soir', 'nuage-soir', 'a-la-main'];
    expect(ids(deskInteractions(programme, quiet, null, false))).toEqual(every);
    expect(ids(deskInteractions(programme, quiet, 'seq1', true))).toEqual(every);
    expect(deskInteractions(null, quiet, 'seq1', false)).toEqual([]);
  });
});

describe('a room seat’s interactions', () => {
  const programme = programmeSchema.parse({
    event: { name: 'Assises', timeZone: 'Europe/Paris' },
    days: [{ date: '2021-06-24' }],
    rooms: [{ id: 'grand', name: 'Grand', main: true }, { id: 'salle-450', name: 'Salle 450' }, { id: 'salle-800', name: 'Salle 800' }],
    interactions: [
      { kind: 'poll', id: 'pleniere', type: 'yesno', question: 'Plénière ?' },
      { kind: 'poll', id: 'prepare-450', type: 'yesno', question: 'Atelier ?' },
      { kind: 'poll', id: 'vif-450', type: 'yesno', question: 'Sur le vif ?', room: 'salle-450' },
      { kind: 'wordcloud', id: 'vif-800', prompt: 'Un mot ?', room: 'salle-800' },
      { kind: 'poll', id: 'lance-ici', type: 'yesno', question: 'Lancé ici ?' },
    ],
    sessions: [
      { id: 'plen', day: '2021-06-24', start: '09:00', end: '11:00', kind: 'plenary', title: 'P', room: 'Grand' },
      {
        id: 'at-450',
        day: '2021-06-24',
        start: '16:00',
        end: '17:30',
        kind: 'workshop',
        title: 'A',
        room: 'Salle 450',
        cues: [{ id: 'c', at: { offset: '+00:10' }, action: { type: 'poll.open', interaction: 'prepare-450' } }],
      },
    ],
  });
  it('keeps its room’s only: prepared by its cues, made for it, or running there', () => {
    const live: LiveState = { qa: {}, interactions: { 'lance-ici': open } };
    const all = programme.interactions ?? [];
    expect(roomInteractions(all, programme, live, 'salle-450').map((i) => i.id)).toEqual(['prepare-450', 'vif-450']);
    expect(roomInteractions(all, programme, { qa: {}, interactions: { 'lance-ici': { ...open, room: 'salle-450' } } }, 'salle-450').map((i) => i.id)).toEqual([
      'prepare-450',
      'vif-450',
      'lance-ici',
    ]);
    expect(roomInteractions(all, programme, live, 'salle-800').map((i) => i.id)).toEqual(['vif-800']);
  });
});
