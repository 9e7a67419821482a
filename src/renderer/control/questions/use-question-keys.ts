import { useEffect, useRef } from 'react';
import { isTyping } from '../shell/key-context';

/**
 * The screening desk's keys, while the « Questions » tab is shown, never while typing in a field
 * nor with a dialog open. None collides with the run of show's (Space, h, arrows, [ ], /, n, p, ?):
 * j/k move, a approve, r reject, e edit, s star, Alt+↑/↓ (or Shift+↑/↓) reorder the shortlist,
 * m merge, d answered, u undo, v preview, c clear the flags, x redact (the picked passage, else
 * everything found), t type a question in, i the original (« initial »: `o` is the rooms overview), f search, 1–5 the tabs.
 * Listens in the capture phase: a reorder with Shift+↑/↓ must not also move the cue standby. A list
 * that has keys of its own (`data-own-keys`: the word cloud's words and held words) keeps them.
 */
export interface QuestionKeyActions {
  next: () => void;
  previous: () => void;
  approve: () => void;
  reject: () => void;
  edit: () => void;
  star: () => void;
  moveUp: () => void;
  moveDown: () => void;
  merge: () => void;
  answered: () => void;
  undo: () => void;
  preview: () => void;
  clearFlags: () => void;
  redact: () => void;
  add: () => void;
  original: () => void;
  search: () => void;
  tab: (n: number) => void;
}

const letters: Record<string, keyof Omit<QuestionKeyActions, 'tab'>> = {
  j: 'next',
  k: 'previous',
  a: 'approve',
  r: 'reject',
  e: 'edit',
  s: 'star',
  m: 'merge',
  d: 'answered',
  u: 'undo',
  v: 'preview',
  c: 'clearFlags',
  x: 'redact',
  t: 'add',
  i: 'original',
  f: 'search',
};

export function useQuestionKeys(actions: QuestionKeyActions): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      // A list with keys of its own (the word cloud's words, the held words: a, m, u…) keeps them.
      if (e.target instanceof Element && e.target.closest('[data-own-keys]')) return;
      const a = ref.current;
      if ((e.altKey || e.shiftKey) && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault(); // not a cue standby move as well
        if (!e.repeat) (e.key === 'ArrowUp' ? a.moveUp : a.moveDown)();
        return;
      }
      if (e.altKey) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      // Digits come with Shift on a French (AZERTY) keyboard: Shift does not matter for them.
      if (/^[1-5]$/.test(key)) {
        e.preventDefault();
        a.tab(Number(key));
        return;
      }
      const name = letters[key];
      if (!name || e.shiftKey) return;
      e.preventDefault(); // the letter must not land in a field that opens now (edit, merge, add)
      if (e.repeat && name !== 'next' && name !== 'previous') return;
      a[name]();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
