import { type KeyboardEvent, useRef } from 'react';
import type { TalliedWord } from '../../../shared/domain/word-tally';
import { useT } from '../../lib/i18n';

/**
 * The words of the cloud as the projector counts them, the most sent first, each with its
 * spellings. Keyboard, on a word: ↑/↓ (or j/k) move from word to word, b or Suppr bans it, m picks
 * it to merge, then Entrée on another word merges into that one, Échap cancels; u takes the last
 * action back. The same actions are buttons on each row. Outside a merge, Entrée and Espace keep
 * their meaning for the whole desk (TAKE, GO), as on every other button of the desk.
 */
export function WordList({
  words,
  mergeFrom,
  onBan,
  onPickMerge,
  onMergeInto,
  onCancelMerge,
  onUndo,
}: {
  words: readonly TalliedWord[];
  mergeFrom: TalliedWord | null;
  onBan: (w: TalliedWord) => void;
  onPickMerge: (w: TalliedWord) => void;
  onMergeInto: (w: TalliedWord) => void;
  onCancelMerge: () => void;
  onUndo: () => void;
}) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);

  const focusWord = (i: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.wd-word');
    buttons?.[Math.min(buttons.length - 1, Math.max(0, i))]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof HTMLElement)) return;
    const key = e.target.closest<HTMLElement>('[data-key]')?.dataset.key;
    const i = words.findIndex((w) => w.key === key);
    const word = words[i];
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        focusWord(i + 1);
        break;
      case 'ArrowUp':
      case 'k':
        focusWord(i - 1);
        break;
      case 'Home':
        focusWord(0);
        break;
      case 'End':
        focusWord(words.length - 1);
        break;
      case 'b':
      case 'Delete':
        if (word) {
          // The banned word leaves the list: the cursor goes on to the next one.
          focusWord(i + 1 < words.length ? i + 1 : i - 1);
          onBan(word);
        }
        break;
      case 'm':
        if (word) onPickMerge(word);
        break;
      case 'Enter':
        // While merging, Entrée picks the word that stays; otherwise it is the desk's TAKE.
        if (mergeFrom && word && word.key !== mergeFrom.key) onMergeInto(word);
        else handled = false;
        break;
      case 'Escape':
        if (mergeFrom) onCancelMerge();
        else handled = false;
        break;
      case 'u':
        onUndo();
        break;
      default:
        handled = false;
    }
    if (handled) {
      // The desk's own keys (m, u…) must not act on the run of show or the questions as well.
      e.preventDefault();
      e.stopPropagation();
    }
  };

  if (words.length === 0) return <p className="empty small">{t('words.none')}</p>;
  return (
    <ul ref={list} className="wd-list" aria-label={t('words.listLabel')} onKeyDown={onKeyDown} data-testid="words-list" data-own-keys>
      {words.map((w) => {
        const isFrom = w.key === mergeFrom?.key;
        const target = mergeFrom !== null && !isFrom;
        return (
          <li key={w.key} className={`wd-row${isFrom ? ' wd-row-from' : ''}`} data-testid="words-row" data-key={w.key} data-count={w.count}>
            <button
              type="button"
              className="wd-word"
              onClick={() => (target ? onMergeInto(w) : undefined)}
              title={target ? t('words.mergeHereTitle', { word: mergeFrom.text, into: w.text }) : t('words.keysTitle')}
              data-testid="words-word"
            >
              <span className="wd-text">{w.text}</span>
              <span className="wd-count">{w.count}</span>
              {w.variants.length > 1 && (
                <span className="wd-variants" data-testid="words-variants">
                  {w.variants.map((v) => `${v.text}\u00a0${v.count}`).join(' · ')}
                </span>
              )}
            </button>
            <span className="wd-actions">
              {target ? (
                <button type="button" className="btn btn-small" onClick={() => onMergeInto(w)} data-testid="words-merge-into">
                  {t('words.mergeHere')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => (isFrom ? onCancelMerge() : onPickMerge(w))}
                  aria-pressed={isFrom}
                  data-testid="words-merge"
                >
                  {isFrom ? t('words.mergeCancel') : t('words.merge')}
                </button>
              )}
              <button type="button" className="btn btn-small btn-ghost" onClick={() => onBan(w)} data-testid="words-ban">
                {t('words.ban')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
