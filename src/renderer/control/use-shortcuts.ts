import { useEffect } from 'react';

export interface ShortcutActions {
  focusNote: () => void;
  toggleHelp: () => void;
  /** The « Public » panel (the audience hub, the join address, the live feed). */
  toggleAudience: () => void;
  go: () => void;
  toggleHold: () => void;
  nextCue: () => void;
  previousCue: () => void;
  /** The program bus: Enter = TAKE, Escape = panic, Shift+Escape = restore. */
  take: () => void;
  panic: () => void;
  restore: () => void;
  /** Something the desk opened that Escape must close first (a popover such as « Public »). */
  popoverOpen: () => boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** A modal dialog is open (help, import): the run-of-show keys wait until it closes. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * The desk's keys, never while typing in a field: Space = GO, `h` = hold/release, ↓ or `]` and
 * ↑ or `[` = move the standby, `/` or `n` to write in the logbook, `p` for the « Public » panel,
 * `?` for the help; Enter = TAKE, Escape = panic (unless a dialog or a popover is open: Escape
 * closes it, nothing else), Shift+Escape = restore.
 * Space is GO even when a button has the focus (the button is not pressed as well), and a key
 * held down does not repeat the GO.
 */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const cueKey = e.key === ' ' || e.key === 'h' || e.key === 'H' || e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === ']' || e.key === '[';
      if (cueKey) {
        if (dialogOpen()) return;
        e.preventDefault(); // no scrolling, no button pressed by the same key
        if (e.repeat) return;
        if (e.key === ' ') actions.go();
        else if (e.key === 'h' || e.key === 'H') actions.toggleHold();
        else if (e.key === 'ArrowDown' || e.key === ']') actions.nextCue();
        else actions.previousCue();
      } else if (e.key === '/' || e.key === 'n' || e.key === 'N') {
        e.preventDefault(); // the key must not land in the field
        actions.focusNote();
      } else if (e.key === 'p' || e.key === 'P') {
        if (dialogOpen()) return;
        e.preventDefault();
        actions.toggleAudience();
      } else if (e.key === 'Enter') {
        // TAKE, even when a button has the focus (the button is not pressed as well), as Space is GO.
        if (dialogOpen()) return;
        e.preventDefault();
        if (!e.repeat) actions.take();
      } else if (e.key === 'Escape') {
        // An open dialog or popover closes first, and nothing else happens (its own handler does it).
        if (dialogOpen() || actions.popoverOpen()) return;
        e.preventDefault();
        if (e.repeat) return;
        if (e.shiftKey) actions.restore();
        else actions.panic();
      } else if (e.key === '?') {
        e.preventDefault();
        actions.toggleHelp();
      }
    };
    // A button activated by Space fires on keyup: that press was GO, not a click.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isTyping(e.target) && !dialogOpen() && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [actions]);
}
