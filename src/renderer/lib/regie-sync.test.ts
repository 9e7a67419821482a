import { describe, it, expect } from 'vitest';
import { initialState } from '../../shared/api/state';
import { applyPatchOps, isPatch, patchDecision } from './regie-sync';

describe('patchDecision', () => {
  it('applies a patch that follows what the view has (fromSeq <= seq < patch.seq)', () => {
    expect(patchDecision(5, { fromSeq: 5, seq: 7 })).toBe('apply');
    expect(patchDecision(6, { fromSeq: 5, seq: 7 })).toBe('apply');
  });
  it('ignores a patch the view already has', () => {
    expect(patchDecision(7, { fromSeq: 5, seq: 7 })).toBe('ignore');
    expect(patchDecision(9, { fromSeq: 5, seq: 7 })).toBe('ignore');
  });
  it('asks for a snapshot after a gap, or before any snapshot', () => {
    expect(patchDecision(4, { fromSeq: 5, seq: 7 })).toBe('resync');
    expect(patchDecision(null, { fromSeq: 0, seq: 1 })).toBe('resync');
  });
});

describe('applyPatchOps', () => {
  it('replaces whole slices and keeps the others by identity', () => {
    const s = initialState();
    const notes = [{ seq: 3, at: 1, author: 'control-1', text: 'ok' }];
    const next = applyPatchOps(s, [
      { op: 'set', path: ['notes'], value: notes },
      { op: 'set', path: ['notesTotal'], value: 1 },
    ]);
    expect(next.notes).toBe(notes);
    expect(next.notesTotal).toBe(1);
    expect(next.clock).toBe(s.clock);
    expect(s.notes).toEqual([]);
  });
});

describe('isPatch', () => {
  it('recognises the shape of a patch', () => {
    expect(isPatch({ fromSeq: 1, seq: 2, serverNow: 3, ops: [] })).toBe(true);
    expect(isPatch({ seq: 2 })).toBe(false);
    expect(isPatch(null)).toBe(false);
  });
});
