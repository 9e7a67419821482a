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

/**
 * Where each question sits, by list: a question keeps its index (the core only replaces or
 * appends), so the next list takes the index over and adds its new ids, instead of rebuilding
 * 20,000 entries at each patch. An index handed over is checked at each use (the old list may be
 * patched again, e.g. by a test): a miss rebuilds it.
 */
const indexes = new WeakMap<readonly AudienceQuestion[], Map<string, number>>();

function indexOf(list: readonly AudienceQuestion[]): Map<string, number> {
  let index = indexes.get(list);
  if (index === undefined) {
    index = new Map(list.map((q, i) => [q.id, i]));
  }
  indexes.delete(list);
  return index;
}

function upsertQuestions(list: readonly AudienceQuestion[], items: readonly AudienceQuestion[]): AudienceQuestion[] {
  let index = indexOf(list);
  const out = list.slice();
  for (const item of items) {
    let i = index.get(item.id);
    if (i !== undefined && list[i]?.id !== item.id && out[i]?.id !== item.id) {
      // Not this list's index after all (it was handed to a later list): rebuild it.
      index = new Map(out.map((q, k) => [q.id, k]));
      i = index.get(item.id);
    }
    if (i === undefined || i >= out.length) {
      index.set(item.id, out.length);
      out.push(item);
    } else out[i] = item;
  }
  indexes.set(out, index);
  return out;
}
