import type { KeyboardEvent } from 'react';

/**
 * Enter on a focused button of a panel presses it. Elsewhere on the desk Enter is TAKE
 * even on a focused button, and Space is always GO: in this panel the operator reached the
 * control with Tab on purpose, so Enter presses it, and the desk's TAKE (which ignores a key
 * already handled) does not run as well. A click made this way has `detail === 0`.
 */
export function enterActivates(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
  const target = e.target;
  if (!(target instanceof HTMLButtonElement) || target.closest('dialog') !== null) return;
  e.preventDefault();
  e.stopPropagation();
  if (!e.repeat && !target.disabled) target.click();
}

/**
 * For a button's `onMouseDown`: a click does not leave the focus on it, so that the next Enter is
 * the desk's TAKE again (after « Préparer au projecteur » above all), not this button once more.
 */
export function keepFocus(e: { preventDefault: () => void }): void {
  e.preventDefault();
}
