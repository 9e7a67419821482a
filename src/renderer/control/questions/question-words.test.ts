import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_REASON, personalDataKinds } from '../../../shared/domain/personal-data';
import { translate } from '../../lib/i18n';
import { flagWord, reasonOf } from './question-words';

const fr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

describe('how the desk says what was found', () => {
  it('gives the contract’s French reason for every kind, and an English one', () => {
    for (const kind of personalDataKinds) {
      expect(reasonOf(kind, fr)).toBe(PERSONAL_DATA_REASON[kind]);
      expect(reasonOf(kind, en)).not.toBe(PERSONAL_DATA_REASON[kind]);
    }
  });

  it('names the kind, the passage and where it stands', () => {
    expect(flagWord({ kind: 'given-name', match: 'Léa', field: 'text' }, fr)).toBe('prénom : Léa');
    expect(flagWord({ kind: 'phone', match: '06 12 34 56 78', field: 'name' }, fr)).toBe('téléphone : 06 12 34 56 78 (nom)');
    expect(flagWord({ kind: 'long', match: 'x'.repeat(300), field: 'text' }, fr)).toBe('long');
  });
});
