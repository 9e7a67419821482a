import { useEffect } from 'react';
import { DOUBLE_PRESS_MS, KeyGuard } from './key-guard';

export interface ShortcutActions {
  focusNote: () => void;
  toggleHelp: () => void;
  /** The « Public » panel (the audience hub, the join address, the live feed). */
  toggleAudience: () => void;
  go: () => void;
  toggleHold: () => void;
  nextCue: () => void;
  previousCue: () => void;
  /** `u` or Ctrl+Z with the run of show shown: undo the last GO. */
  undoGo: () => void;
  /** The program bus: Enter = TAKE, Escape = panic, Shift+Escape = restore. */
  take: () => void;
  panic: () => void;
  restore: () => void;
  /** Something the desk opened that Escape must close first (a popover such as « Public »). */
  popoverOpen: () => boolean;
  /** The run of show is shown (the questions tab has its own `u`). */
  runOfShowShown: () => boolean;
  /** A double press was caught: the desk says why the key did nothing. */
  ignored: (key: 'Enter' | 'Escape') => void;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** A modal dialog is open (help, import, a confirmation): the run-of-show keys wait until it closes. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * The desk's keys, never while typing in a field: Space = GO, `h` = hold/release, ↓ or `]` and
 * ↑ or `[` = move the standby, `u` or Ctrl+Z = undo the last GO (run of show shown), `/` or `n`
 * to write in the logbook, `p` for the « Public » panel, `?` for the help; Enter = TAKE,
 * Escape = panic, Shift+Escape = restore.
 *
 * What a stressed operator's slips must not do (issue 16):
 * - Escape in a field only leaves the field (the focus goes back to the page); in a dialog or
 *   a popover it only closes it.
 * - Enter or Escape pressed again within a second of a press that a field, a form, a dialog or a
 *   popover used (with no other key or click in between) is a double press: not TAKE, not panic;
 *   the desk says so, and the next press acts.
 * - A key held down (auto-repeat) acts once: GO, TAKE, panic, hold, undo never repeat.
 * Space is GO even when a button has the focus (the button is not pressed as well).
 */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const guard = new KeyGuard(DOUBLE_PRESS_MS);
    const onKey = (e: KeyboardEvent) => {
      guard.keyDown(e.key, e.timeStamp);
      if (e.key === 'Enter' || e.key === 'Escape') {
        // Used by a field, a form, a dialog or a popover: that is all it does.
        const used = e.defaultPrevented || isTyping(e.target) || dialogOpen() || (e.key === 'Escape' && actions.popoverOpen());
        if (used) {
          guard.used(e.key, e.timeStamp);
          // Escape in a field only leaves it (a field whose own handler kept the focus stays).
          if (e.key === 'Escape' && !e.defaultPrevented && isTyping(e.target) && e.target instanceof HTMLElement && !dialogOpen()) e.target.blur();
          return;
        }
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        e.preventDefault(); // no button pressed by the same key
        if (e.repeat) return;
        if (guard.isDoublePress(e.key, e.timeStamp)) {
          actions.ignored(e.key);
          return;
        }
        if (e.key === 'Enter') actions.take();
        else if (e.shiftKey) actions.restore();
        else actions.panic();
        return;
      }
      if (e.defaultPrevented || isTyping(e.target)) return;
      // Ctrl+Z (Cmd+Z): undo the last GO, outside fields (there it is the field's own undo).
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (e.key === 'z' || e.key === 'Z')) {
        if (dialogOpen() || !actions.runOfShowShown()) return;
        e.preventDefault();
        if (!e.repeat) actions.undoGo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const cueKey = e.key === ' ' || e.key === 'h' || e.key === 'H' || e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === ']' || e.key === '[';
      if (cueKey) {
        if (dialogOpen()) return;
        e.preventDefault(); // no scrolling, no button pressed by the same key
        if (e.repeat) return;
        if (e.key === ' ') actions.go();
        else if (e.key === 'h' || e.key === 'H') actions.toggleHold();
        else if (e.key === 'ArrowDown' || e.key === ']') actions.nextCue();
        else actions.previousCue();
      } else if ((e.key === 'u' || e.key === 'U') && !e.shiftKey) {
        // On the questions tab, `u` is the questions' undo (it handles the key first).
        if (dialogOpen() || !actions.runOfShowShown()) return;
        e.preventDefault();
        if (!e.repeat) actions.undoGo();
      } else if (e.key === '/' || e.key === 'n' || e.key === 'N') {
        e.preventDefault(); // the key must not land in the field
        actions.focusNote();
      } else if (e.key === 'p' || e.key === 'P') {
        if (dialogOpen()) return;
        e.preventDefault();
        actions.toggleAudience();
      } else if (e.key === '?') {
        e.preventDefault();
        actions.toggleHelp();
      }
    };
    // A button activated by Space fires on keyup: that press was GO, not a click.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isTyping(e.target) && !dialogOpen() && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    // A click is deliberate: the next Enter or Escape is not the second half of a double press.
    const onPointer = () => guard.reset();
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [actions]);
}
