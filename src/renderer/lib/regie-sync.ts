import type { Patch } from '../../shared/api/channel';

/**
 * How a view keeps its mirror of the core's state: a snapshot replaces everything; a patch
 * applies only on top of the seq it was computed from. Pure, so it is tested without a socket.
 */
export type PatchDecision = 'apply' | 'ignore' | 'resync';

export function patchDecision(seq: number | null, patch: Pick<Patch, 'fromSeq' | 'seq'>): PatchDecision {
  if (seq === null) return 'resync'; // no snapshot yet: nothing to patch
  if (patch.seq <= seq) return 'ignore'; // already have it (a late or repeated patch)
  if (patch.fromSeq <= seq) return 'apply'; // fromSeq <= seq < patch.seq
  return 'resync'; // a gap: some patch was missed
}

export { applyPatchOps } from '../../shared/api/apply-patch';

export function isPatch(x: unknown): x is Patch {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return typeof p.fromSeq === 'number' && typeof p.seq === 'number' && typeof p.serverNow === 'number' && Array.isArray(p.ops);
}
