import { useEffect } from 'react';
import { dialogOpen, isTyping } from './key-context';
import { DOUBLE_PRESS_MS, KeyGuard } from './key-guard';

export interface DeskKeyActions {
  /** The program bus: Enter = TAKE, Escape = panic, Shift+Escape = restore. */
  take: () => void;
  panic: () => void;
  restore: () => void;
  toggleHelp: () => void;
  /** Something the desk opened that Escape must close first (a popover such as « Public »). */
  popoverOpen: () => boolean;
  /** A double press was caught: the desk says why the key did nothing. */
  ignored: (key: 'Enter' | 'Escape') => void;
}

/**
 * The desk's global keys, on every tab: Enter = TAKE, Escape = panic, Shift+Escape = restore,
 * `?` for the help. Each group has its own keys beside these: the run of show
 * (run-of-show/use-run-of-show-keys.ts), the questions (questions/use-question-keys.ts), the
 * « Public » panel (audience/use-audience-keys.ts), the logbook (logbook/use-logbook-keys.ts).
 *
 * What a stressed operator's slips must not do (issue 16):
 * - Escape in a field only leaves the field (the focus goes back to the page); in a dialog or
 *   a popover it only closes it.
 * - Enter or Escape pressed again within a second of a press that a field, a form, a dialog or a
 *   popover used (with no other key or click in between) is a double press: not TAKE, not panic;
 *   the desk says so, and the next press acts.
 * - A key held down (auto-repeat) acts once: TAKE, panic never repeat.
 */
export function useDeskKeys(actions: DeskKeyActions): void {
  useEffect(() => {
    const guard = new KeyGuard(DOUBLE_PRESS_MS);
    const onKey = (e: KeyboardEvent) => {
      // Every key counts for the double press (« no other key in between »), whoever handles it.
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
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        actions.toggleHelp();
      }
    };
    // A click is deliberate: the next Enter or Escape is not the second half of a double press.
    const onPointer = () => guard.reset();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [actions]);
}
