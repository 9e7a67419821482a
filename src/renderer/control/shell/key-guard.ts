/**
 * The second press of a double press. When Enter or Escape is used by something else (a field, a
 * form, a dialog, a popover), the same key pressed again soon after, with nothing in between, is
 * the operator's finger going twice, not a new decision: it must not TAKE or panic. Pure (times
 * are the events' timestamps); a click or any other key clears it.
 */
export const DOUBLE_PRESS_MS = 1000;

export class KeyGuard {
  private last: { key: string; at: number } | null = null;

  constructor(private readonly windowMs = DOUBLE_PRESS_MS) {}

  /** Every key down: another key than the one used ends the double press. */
  keyDown(key: string, _at: number): void {
    if (this.last && this.last.key !== key) this.last = null;
  }

  /** The key was used by a field, a form, a dialog or a popover. */
  used(key: string, at: number): void {
    this.last = { key, at };
  }

  /** Is this press the second of a double press? Said once: the press after it acts. */
  isDoublePress(key: string, at: number): boolean {
    const hit = this.last !== null && this.last.key === key && at - this.last.at < this.windowMs;
    this.last = null;
    return hit;
  }

  reset(): void {
    this.last = null;
  }
}
