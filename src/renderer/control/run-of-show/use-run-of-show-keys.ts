import { useEffect } from 'react';
import { dialogOpen, isTyping } from '../shell/key-context';
import { DOUBLE_PRESS_MS } from '../shell/key-guard';

export interface RunOfShowKeyActions {
  /** GO on the standby; true when a GO left for the core (false: a confirmation opened instead). */
  go: () => boolean;
  /** Space again within a second of a GO, nothing else pressed between: the desk says why it did nothing. */
  goIgnored: () => void;
  toggleHold: () => void;
  nextCue: () => void;
  previousCue: () => void;
  /** `u` or Ctrl+Z with the run of show shown: undo the last GO. */
  undoGo: () => void;
  /** The run of show is shown (the questions tab has its own `u`). */
  runOfShowShown: () => boolean;
}

/**
 * The run of show's keys, on both centre tabs (GO stays one key away while screening questions),
 * never while typing in a field nor with a dialog open: Space = GO, `h` = hold/release, ↓ or `]`
 * and ↑ or `[` = move the standby, `u` or Ctrl+Z = undo the last GO (run of show shown only).
 * A key held down (auto-repeat) acts once. Space is GO even when a button has the focus (the
 * button is not pressed as well). Space pressed again within a second of a GO sent to the core
 * (not one that opened a confirmation), with no other key or click between, is a double press and sends nothing: judged here on the presses' own times,
 * because the core, which refuses a second GO within a second as well, judges on arrival, and a
 * loaded machine can deliver two presses a second apart or let the mirror's standby move between
 * them (the second GO would then aim at the next cue).
 */
export function useRunOfShowKeys(actions: RunOfShowKeyActions): void {
  useEffect(() => {
    let lastGoAt: number | null = null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ') lastGoAt = null;
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
        if (dialogOpen()) {
          lastGoAt = null; // a Space the dialog used (it cancels a confirmation) is no GO
          return;
        }
        e.preventDefault(); // no scrolling, no button pressed by the same key
        if (e.repeat) return;
        if (e.key === ' ') {
          if (lastGoAt !== null && e.timeStamp - lastGoAt < DOUBLE_PRESS_MS) {
            lastGoAt = null;
            actions.goIgnored();
            return;
          }
          lastGoAt = actions.go() ? e.timeStamp : null;
        }
        else if (e.key === 'h' || e.key === 'H') actions.toggleHold();
        else if (e.key === 'ArrowDown' || e.key === ']') actions.nextCue();
        else actions.previousCue();
      } else if ((e.key === 'u' || e.key === 'U') && !e.shiftKey) {
        // On the questions tab, `u` is the questions' undo (it handles the key first).
        if (dialogOpen() || !actions.runOfShowShown()) return;
        e.preventDefault();
        if (!e.repeat) actions.undoGo();
      }
    };
    // A button activated by Space fires on keyup: that press was GO, not a click.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isTyping(e.target) && !dialogOpen() && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    // A click is deliberate: the next Space is not the second half of a double press.
    const onPointer = () => {
      lastGoAt = null;
    };
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
