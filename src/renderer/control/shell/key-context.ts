/**
 * Where a key was pressed, for every key layer of the desk (shell/use-desk-keys.ts and each
 * group's own: run of show, questions, « Public », logbook): a key typed in a field is the field's,
 * and a modal dialog keeps the desk's keys waiting until it closes.
 */

/** A field takes the key (text inputs, text areas, selects, editable content); a button or a checkbox does not. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** A modal dialog is open (help, import, a confirmation). */
export function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
