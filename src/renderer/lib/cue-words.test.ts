import { describe, it, expect } from 'vitest';
import { programmeSchema } from '../../shared/domain/programme';
import { cueActionWords, interactionLabel, missedReasonKey, sceneDestination } from './cue-words';
import { translate, type Translate } from './i18n';

const fr: Translate = (k, p) => translate('fr', k, p);
const en: Translate = (k, p) => translate('en', k, p);
const programme = programmeSchema.parse({
  event: { name: 'Assises' },
  days: [{ date: '2021-06-24' }],
  interactions: [
    { kind: 'poll', id: 'charge', type: 'yesno', question: 'Depuis la crise sanitaire, votre charge de travail a…' },
    { kind: 'wordcloud', id: 'mot', prompt: 'En un mot ?' },
  ],
  sessions: [],
});

describe('cue-words', () => {
  it('says what a cue does, in French with guillemets and non-breaking spaces', () => {
    expect(cueActionWords({ type: 'poll.open', interaction: 'charge' }, programme, fr)).toBe(
      'Ouvrir le sondage «\u00a0Depuis la crise sanitaire, votre charge de travail a…\u00a0»',
    );
    expect(cueActionWords({ type: 'scene', scene: 'join' }, programme, fr)).toBe('Afficher l’écran Rejoindre');
    expect(cueActionWords({ type: 'note', note: 'Rappeler les salles' }, programme, fr)).toBe('Note\u00a0: Rappeler les salles');
    expect(cueActionWords({ type: 'wordcloud.reveal', interaction: 'mot' }, programme, fr)).toBe('Projeter le nuage de mots «\u00a0En un mot ?\u00a0»');
    expect(cueActionWords({ type: 'qa.open' }, programme, fr)).toBe('Ouvrir les questions du public');
    expect(cueActionWords({ type: 'scene', scene: 'poll' }, programme, fr)).toBe('Afficher le sondage en cours');
    expect(cueActionWords({ type: 'scene', scene: 'message', text: 'Pause' }, programme, fr)).toBe('Afficher le message «\u00a0Pause\u00a0»');
  });

  it('speaks English on demand', () => {
    expect(cueActionWords({ type: 'poll.close', interaction: 'charge' }, programme, en)).toBe(
      'Close poll “Depuis la crise sanitaire, votre charge de travail a…”',
    );
  });

  it('falls back to the id of an interaction the programme does not know', () => {
    expect(interactionLabel(programme, 'inconnu')).toBe('inconnu');
    expect(interactionLabel(null, 'charge')).toBe('charge');
  });

  it('knows where a scene cue sends its scene (the preview unless it says straight to air), and names missed reasons', () => {
    expect(sceneDestination({ type: 'scene', scene: 'black' })).toBe('preview');
    expect(sceneDestination({ type: 'scene', scene: 'join', straightToAir: true })).toBe('air');
    expect(sceneDestination({ type: 'qa.close' })).toBeNull();
    expect(fr(missedReasonKey('closed'))).toBe('régie fermée à son heure');
  });
});
