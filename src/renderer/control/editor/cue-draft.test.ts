import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../shared/domain/cue';
import { translate } from '../../lib/i18n';
import { cueFromDraft, draftFromCue, emptyCueDraft, normaliseClock, normaliseOffset, plannedClock, suggestCueId } from './cue-draft';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
const none = new Set<string>();

describe('the cue form’s draft', () => {
  it('reads offsets and clock times as operators type them', () => {
    expect(normaliseOffset('+00:05')).toBe('+00:05');
    expect(normaliseOffset('5')).toBe('+00:05');
    expect(normaliseOffset('-5')).toBe('-00:05');
    expect(normaliseOffset('1:30')).toBe('+01:30');
    expect(normaliseOffset('1h30')).toBe('+01:30');
    expect(normaliseOffset('90')).toBe('+01:30');
    expect(normaliseOffset('0:75')).toBeNull();
    expect(normaliseOffset('demain')).toBeNull();
    expect(normaliseClock('9:30')).toBe('09:30');
    expect(normaliseClock('14h')).toBe('14:00');
    expect(normaliseClock('14h05')).toBe('14:05');
    expect(normaliseClock('25:00')).toBeNull();
  });

  it('shows the planned clock time of a cue', () => {
    expect(plannedClock('14:00', { offset: '+00:05' })).toBe('14:05');
    expect(plannedClock('14:00', { offset: '-00:15' })).toBe('13:45');
    expect(plannedClock('23:50', { offset: '+00:20' })).toBe('00:10');
    expect(plannedClock('14:00', { time: '15:00' })).toBe('15:00');
  });

  it('makes the id from the session and the action, unique', () => {
    const d = { sessionId: 'j1-seq2', actionType: 'poll.open' as const, scene: 'message' as const };
    expect(suggestCueId(d, none)).toBe('j1-seq2-sondage-ouvrir');
    expect(suggestCueId(d, new Set(['j1-seq2-sondage-ouvrir']))).toBe('j1-seq2-sondage-ouvrir-2');
    expect(suggestCueId({ ...d, actionType: 'scene', scene: 'black' }, none)).toBe('j1-seq2-ecran-black');
  });

  it('gives a cue the core can check, with only the fields that are set', () => {
    const d = { ...emptyCueDraft('j1-seq2'), id: 'j1-seq2-sondage-ouvrir', offset: '5', interaction: 'moyens' };
    const r = cueFromDraft(d, t, none);
    expect(r).toEqual({
      ok: true,
      cue: { id: 'j1-seq2-sondage-ouvrir', at: { offset: '+00:05' }, action: { type: 'poll.open', interaction: 'moyens' }, mode: 'manual' },
    });
  });

  it('says what is missing, field by field, in the desk’s language', () => {
    const d = { ...emptyCueDraft('j1-seq2'), id: 'J1 !', offset: 'demain', preWait: '-3' };
    const r = cueFromDraft(d, t, none);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.id).toContain('Minuscules');
    expect(r.errors.at).toContain('Décalage attendu');
    expect(r.errors['action.interaction']).toBe('Choisissez lequel.');
    expect(r.errors.preWaitSeconds).toContain('secondes');
    const taken = cueFromDraft({ ...emptyCueDraft('s'), id: 'a', interaction: 'x' }, t, new Set(['a']));
    expect(!taken.ok && taken.errors.id).toContain('déjà');
    const note = cueFromDraft({ ...emptyCueDraft('s'), id: 'a', actionType: 'note', note: '  ' }, t, none);
    expect(!note.ok && note.errors['action.note']).toBe('Champ obligatoire.');
  });

  it('goes back and forth between a cue and its draft', () => {
    const cues: Cue[] = [
      {
        id: 'a',
        at: { time: '10:45' },
        action: { type: 'scene', scene: 'message', text: 'Pause' },
        mode: 'auto',
        preWaitSeconds: 5,
        autoContinue: true,
        notes: 'n',
      },
      { id: 'b', at: { offset: '-00:05' }, action: { type: 'scene', scene: 'poll', interaction: 'p' }, mode: 'manual' },
      { id: 'b2', at: { offset: '-00:10' }, action: { type: 'scene', scene: 'join', straightToAir: true }, mode: 'auto' },
      { id: 'c', at: { offset: '+01:20' }, action: { type: 'note', note: 'Annoncer les ateliers' }, mode: 'manual' },
      { id: 'd', at: { offset: '+00:00' }, action: { type: 'qa.open' }, mode: 'manual' },
      { id: 'e', at: { offset: '+00:10' }, action: { type: 'wordcloud.reveal', interaction: 'w' }, mode: 'manual' },
    ];
    for (const cue of cues) expect(cueFromDraft(draftFromCue('s', cue), t, none)).toEqual({ ok: true, cue });
  });

  it('drops fields that do not belong to the chosen action', () => {
    const d = {
      ...emptyCueDraft('s'),
      id: 'x',
      actionType: 'scene' as const,
      scene: 'black' as const,
      sceneText: 'reste',
      interaction: 'p',
    };
    expect(cueFromDraft(d, t, none)).toMatchObject({ ok: true, cue: { action: { type: 'scene', scene: 'black' } } });
    // « Directement à l'antenne » belongs to scenes only.
    const poll = cueFromDraft({ ...d, actionType: 'poll.open', straightToAir: true }, t, none);
    expect(poll.ok && poll.cue.action).toEqual({ type: 'poll.open', interaction: 'p' });
    const scene = cueFromDraft({ ...d, straightToAir: true }, t, none);
    expect(scene.ok && scene.cue.action).toEqual({ type: 'scene', scene: 'black', straightToAir: true });
  });
});
