import { useT } from '../../lib/i18n';
import type { MergedWord, WordDesk } from './word-desk-model';

/** The banned words (« Rétablir ») and the merges (« Défaire ») of the cloud. */
export function ModeratedWords({
  banned,
  merges,
  onUnban,
  onUnmerge,
}: {
  banned: WordDesk['banned'];
  merges: readonly MergedWord[];
  onUnban: (b: WordDesk['banned'][number]) => void;
  onUnmerge: (m: MergedWord) => void;
}) {
  const t = useT();
  return (
    <>
      {banned.length > 0 && (
        <div className="wd-block" data-testid="words-banned">
          <h4 className="wd-block-title">{t('words.banned')}</h4>
          <ul className="wd-small-list">
            {banned.map((b) => (
              <li key={b.key} className="wd-small-row" data-testid="words-banned-row" data-key={b.key}>
                <span className="wd-text wd-struck">{b.text}</span>
                <button type="button" className="btn btn-small btn-ghost" onClick={() => onUnban(b)} data-testid="words-unban">
                  {t('words.unban')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {merges.length > 0 && (
        <div className="wd-block" data-testid="words-merges">
          <h4 className="wd-block-title">{t('words.merges')}</h4>
          <ul className="wd-small-list">
            {merges.map((m) => (
              <li key={m.from} className="wd-small-row" data-testid="words-merge-row" data-key={m.from}>
                <span className="wd-text">{t('words.mergedInto', { word: m.fromText, into: m.intoText })}</span>
                <button type="button" className="btn btn-small btn-ghost" onClick={() => onUnmerge(m)} data-testid="words-unmerge">
                  {t('words.unmerge')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
