import { describe, expect, it } from 'vitest';
import { KeyGuard } from './key-guard';

describe('the double-press guard', () => {
  it('catches Enter pressed again right after a field used it, once', () => {
    const g = new KeyGuard(1000);
    g.keyDown('Enter', 0);
    g.used('Enter', 0);
    g.keyDown('Enter', 180);
    expect(g.isDoublePress('Enter', 180)).toBe(true);
    // The press after it acts.
    g.keyDown('Enter', 400);
    expect(g.isDoublePress('Enter', 400)).toBe(false);
  });

  it('lets the key act after the window, after another key, or after a click', () => {
    const g = new KeyGuard(1000);
    g.used('Escape', 0);
    expect(g.isDoublePress('Escape', 1000)).toBe(false);
    g.used('Escape', 2000);
    g.keyDown('q', 2100);
    expect(g.isDoublePress('Escape', 2200)).toBe(false);
    g.used('Enter', 3000);
    g.reset();
    expect(g.isDoublePress('Enter', 3100)).toBe(false);
  });

  it('keeps keys apart: an Escape used does not stop the next Enter', () => {
    const g = new KeyGuard(1000);
    g.used('Escape', 0);
    expect(g.isDoublePress('Enter', 100)).toBe(false);
  });
});
