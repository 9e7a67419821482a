import { type KeyboardEvent, useRef } from 'react';
import { useT } from '../../lib/i18n';
import { kindWord, reasonOf } from '../questions/question-words';
import type { HeldWord } from './word-desk-model';

/**
 * Words held back (a name, a phone number, an e-mail, an address, profanity…): never on the
 * projector nor on the phones until a moderator has read them and let them through. Each says
 * why; « Autoriser » or the key `a` on a word (↑/↓ or j/k move from word to word) lets it through.
 */
export function HeldWords({ held, onAllow }: { held: readonly HeldWord[]; onAllow: (h: HeldWord) => void }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  if (held.length === 0) return null;

  const focusWord = (i: number) => {
    const words = list.current?.querySelectorAll<HTMLButtonElement>('.wd-held-word');
    words?.[Math.min(words.length - 1, Math.max(0, i))]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof HTMLElement)) return;
    const key = e.target.closest<HTMLElement>('[data-key]')?.dataset.key;
    const i = held.findIndex((h) => h.key === key);
    const word = held[i];
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
      case 'a':
        if (word) {
          // The allowed word leaves this list: the cursor goes on to the next one.
          focusWord(i + 1 < held.length ? i + 1 : i - 1);
          onAllow(word);
        }
        break;
      default:
        handled = false;
    }
    if (handled) {
      // The desk's own keys (a approves a question) must not act as well.
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div className="wd-block" data-testid="words-held">
      <h4 className="wd-block-title">{t('words.held')}</h4>
      <ul ref={list} className="wd-small-list" aria-label={t('words.heldLabel')} onKeyDown={onKeyDown} data-own-keys>
        {held.map((h) => {
          const reasons = h.kinds.map((k) => reasonOf(k, t)).join(' ');
          return (
            <li key={h.key} className="wd-small-row wd-held-row" data-testid="words-held-row" data-key={h.key}>
              <button type="button" className="wd-held-word" title={`${reasons} — ${t('words.allowKey')}`} data-testid="words-held-word" aria-keyshortcuts="a">
                <span className="wd-text">{h.variants.join(' · ')}</span>
              </button>
              <span className="wd-kinds small" data-testid="words-held-kind" data-kinds={h.kinds.join(' ')}>
                {h.kinds.map((k) => kindWord(k, t)).join(', ')}
              </span>
              <span className="wd-held-reason small muted" data-testid="words-held-reason">
                {reasons}
              </span>
              <span className="wd-count">{h.count}</span>
              <button type="button" className="btn btn-small" onClick={() => onAllow(h)} aria-keyshortcuts="a" data-testid="words-allow">
                {t('words.allow')} <kbd>a</kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
