import type { PatchOp } from './channel';
import type { AudienceQuestion, ViewState } from './state';

/**
 * `set` ops replace whole top-level slices; the audience slice gets its fields and its changed
 * questions (by id) instead. Untouched slices keep their identity.
 */
export function applyPatchOps(state: ViewState, ops: readonly PatchOp[]): ViewState {
  let next: ViewState = state;
  for (const op of ops) {
    switch (op.op) {
      case 'set':
        if (typeof op.path[0] === 'string') next = { ...next, [op.path[0]]: op.value };
        break;
      case 'audience-fields':
        next = { ...next, audience: { ...next.audience, ...op.value } };
        break;
      case 'questions-upsert':
        next = { ...next, audience: { ...next.audience, questions: upsertQuestions(next.audience.questions, op.items) } };
        break;
    }
  }
  return next;
}

function upsertQuestions(list: readonly AudienceQuestion[], items: readonly AudienceQuestion[]): AudienceQuestion[] {
  const index = new Map(list.map((q, i) => [q.id, i]));
  const out = list.slice();
  for (const item of items) {
    const i = index.get(item.id);
    if (i === undefined) {
      index.set(item.id, out.length);
      out.push(item);
    } else out[i] = item;
  }
  return out;
}

