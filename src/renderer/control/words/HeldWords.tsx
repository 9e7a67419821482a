import { useT } from '../../lib/i18n';
import type { HeldWord } from './word-desk-model';

const KIND = {
  profanity: 'questions.flag.profanity',
  name: 'questions.flag.name',
  email: 'questions.flag.email',
  phone: 'questions.flag.phone',
  long: 'questions.flag.long',
} as const;

/**
 * Words the moderation lists held back (profanity, a name): never on the projector until a
 * moderator has read them and let them through (« Autoriser »).
 */
export function HeldWords({ held, onAllow }: { held: readonly HeldWord[]; onAllow: (h: HeldWord) => void }) {
  const t = useT();
  if (held.length === 0) return null;
  return (
    <div className="wd-block" data-testid="words-held">
      <h4 className="wd-block-title">{t('words.held')}</h4>
      <ul className="wd-small-list">
        {held.map((h) => (
          <li key={h.key} className="wd-small-row" data-testid="words-held-row" data-key={h.key}>
            <span className="wd-text">{h.variants.join(' · ')}</span>
            <span className="wd-kinds small">{h.kinds.map((k) => t(KIND[k])).join(', ')}</span>
            <span className="wd-count">{h.count}</span>
            <button type="button" className="btn btn-small" onClick={() => onAllow(h)} data-testid="words-allow">
              {t('words.allow')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
