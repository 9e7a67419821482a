import { describe, expect, it } from 'vitest';
import { applyPatchOps } from './apply-patch';
import type { PatchOp } from './channel';
import { type AudienceQuestion, initialState, type ViewState } from './state';

const question = (id: string, more: Partial<AudienceQuestion> = {}): AudienceQuestion => ({
  id,
  msgId: null,
  hubSeq: null,
  receivedAt: 1,
  origin: 'room',
  name: null,
  text: `Texte ${id}`,
  editedText: null,
  sessionId: null,
  room: 'salle',
  upvotes: 0,
  askers: 1,
  status: 'incoming',
  rank: null,
  mergedInto: null,
  flags: [],
  flagsClearedBy: null,
  published: false,
  lastActionBy: null,
  ...more,
});
const upsert = (...items: AudienceQuestion[]): PatchOp[] => [{ op: 'questions-upsert', path: ['audience'], items }];
const view = (): ViewState => initialState() as ViewState;
const shape = (s: ViewState) => s.audience.questions.map((q) => `${q.id}:${q.status}`);

describe('questions-upsert', () => {
  it('appends new questions and replaces changed ones in place, patch after patch', () => {
    let s = view();
    s = applyPatchOps(s, upsert(question('q-1'), question('q-2')));
    s = applyPatchOps(s, upsert(question('q-3')));
    s = applyPatchOps(s, upsert(question('q-2', { status: 'approved' }), question('q-4')));
    s = applyPatchOps(s, upsert(question('q-1', { status: 'rejected' }), question('q-4', { status: 'approved' })));
    expect(shape(s)).toEqual(['q-1:rejected', 'q-2:approved', 'q-3:incoming', 'q-4:approved']);
  });

  it('an older state patched again gives the same result as patching it the first time', () => {
    const s0 = applyPatchOps(view(), upsert(question('q-1'), question('q-2')));
    const s1 = applyPatchOps(s0, upsert(question('q-3'), question('q-1', { status: 'approved' })));
    // s0 again (its index went to s1): q-3 is new to it, q-1 still sits first.
    const again = applyPatchOps(s0, upsert(question('q-3', { status: 'rejected' }), question('q-2', { status: 'answered' })));
    expect(shape(again)).toEqual(['q-1:incoming', 'q-2:answered', 'q-3:rejected']);
    expect(shape(s1)).toEqual(['q-1:approved', 'q-2:incoming', 'q-3:incoming']);
    expect(shape(s0)).toEqual(['q-1:incoming', 'q-2:incoming']);
    // and s1 goes on from where it was
    expect(shape(applyPatchOps(s1, upsert(question('q-2', { status: 'approved' }), question('q-5'))))).toEqual([
      'q-1:approved',
      'q-2:approved',
      'q-3:incoming',
      'q-5:incoming',
    ]);
  });

  it('the same id twice in one patch is one question, the later one', () => {
    const s = applyPatchOps(view(), upsert(question('q-1'), question('q-1', { status: 'approved' })));
    expect(shape(s)).toEqual(['q-1:approved']);
  });

  it('a snapshot list (never patched before) is indexed on first use', () => {
    const base = view();
    const s = { ...base, audience: { ...base.audience, questions: [question('q-7'), question('q-8')] } };
    expect(shape(applyPatchOps(s, upsert(question('q-8', { status: 'approved' }))))).toEqual(['q-7:incoming', 'q-8:approved']);
  });
});
