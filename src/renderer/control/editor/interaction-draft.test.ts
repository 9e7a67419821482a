import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain/interaction';
import { translate } from '../../lib/i18n';
import { draftFromInteraction, emptyInteractionDraft, interactionFromDraft, moveOption, suggestInteractionId } from './interaction-draft';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
const none = new Set<string>();

describe('the interaction form’s draft', () => {
  it('makes a short id from the question', () => {
    const d = { ...emptyInteractionDraft('poll'), question: 'Les moyens sont-ils à la hauteur des besoins de l’enfant aujourd’hui ?' };
    expect(suggestInteractionId(d, none)).toBe('les-moyens-sont-ils-a-la-hauteur-des');
    expect(suggestInteractionId({ ...emptyInteractionDraft('wordcloud'), prompt: 'Un mot ?' }, new Set(['un-mot']))).toBe('un-mot-2');
  });

  it('moves options up and down', () => {
    expect(moveOption(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveOption(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveOption(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('round-trips every kind and type', () => {
    const all: Interaction[] = [
      { kind: 'poll', id: 'a', type: 'single', question: 'Q ?', options: ['x', 'y'], hideResultsUntilReveal: true },
      { kind: 'poll', id: 'b', type: 'multiple', question: 'Q ?', options: ['x', 'y', 'z'], maxChoices: 2, hideResultsUntilReveal: false },
      {
        kind: 'poll',
        id: 'c',
        type: 'rating',
        question: 'Q ?',
        min: 1,
        max: 5,
        minLabel: 'pas du tout',
        maxLabel: 'tout à fait',
        hideResultsUntilReveal: false,
      },
      { kind: 'poll', id: 'd', type: 'yesno', question: 'Q ?', hideResultsUntilReveal: true },
      { kind: 'wordcloud', id: 'e', prompt: 'Un mot ?', maxWordsPerParticipant: 3, maxWordLength: 25 },
    ];
    for (const i of all) expect(interactionFromDraft(draftFromInteraction(i), t, none)).toEqual({ ok: true, interaction: i });
  });

  it('drops blank options, keeps the type’s own fields only', () => {
    const d = {
      ...draftFromInteraction({
        kind: 'poll',
        id: 'a',
        type: 'single',
        question: 'Q ?',
        options: ['x', 'y'],
        hideResultsUntilReveal: false,
      }),
    };
    expect(interactionFromDraft({ ...d, options: ['x', ' ', 'y', ''] }, t, none)).toMatchObject({
      ok: true,
      interaction: { options: ['x', 'y'] },
    });
    expect(interactionFromDraft({ ...d, pollType: 'yesno' }, t, none)).toEqual({
      ok: true,
      interaction: { kind: 'poll', id: 'a', type: 'yesno', question: 'Q ?', hideResultsUntilReveal: false },
    });
  });

  it('says what is wrong, field by field', () => {
    const empty = interactionFromDraft({ ...emptyInteractionDraft('poll'), pollType: 'single' }, t, none);
    expect(empty).toMatchObject({
      ok: false,
      errors: { id: 'Champ obligatoire.', question: 'Champ obligatoire.', options: 'Deux options au moins.' },
    });
    const rating = interactionFromDraft(
      { ...emptyInteractionDraft('poll'), id: 'r', question: 'Q', pollType: 'rating', ratingMax: '12' },
      t,
      none,
    );
    expect(rating).toMatchObject({ ok: false, errors: { max: 'Entre 2 et 10.' } });
    const choices = interactionFromDraft(
      { ...emptyInteractionDraft('poll'), id: 'm', question: 'Q', pollType: 'multiple', options: ['x', 'y'], maxChoices: '3' },
      t,
      none,
    );
    expect(choices).toMatchObject({ ok: false, errors: { maxChoices: 'Entre 1 et 2.' } });
    const dup = interactionFromDraft(
      { ...emptyInteractionDraft('poll'), id: 's', question: 'Q', pollType: 'single', options: ['Oui', 'oui'] },
      t,
      none,
    );
    expect(dup).toMatchObject({ ok: false, errors: { 'options.1': 'option en double : oui' } });
    const taken = interactionFromDraft({ ...emptyInteractionDraft('wordcloud'), id: 'w', prompt: 'P' }, t, new Set(['w']));
    expect(taken).toMatchObject({ ok: false, errors: { id: 'Un autre sondage ou nuage s’appelle déjà w.' } });
  });
});
