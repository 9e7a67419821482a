import { programOf } from '../../shared/api/room-bus';
import { type AudienceQuestion, type RegieState, isProjectable } from '../../shared/api/state';

/**
 * The question a Stream Deck's « question suivante » shows: on the shortlist (starred), in the
 * moderators' order, approved (not yet answered), its flags cleared if it had any, and not the one
 * on air. When a shortlisted question is on air, the next one after it in that order (no wrap: the
 * ones before it were read already); else the first. The state keeps no history of what went on air,
 * so the position of the question on air is what « not yet on air » rests on.
 */
export function nextShortlistedQuestion(state: Pick<RegieState, 'audience' | 'programme' | 'programs'>): AudienceQuestion | null {
  // The remote drives the main room's bus (its commands name no room).
  const { onAir: scene } = programOf(state);
  const onAir = scene.kind === 'question' ? scene.questionId : null;
  const ranked = state.audience.questions.filter((q) => q.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const candidates = ranked.filter((q) => q.status === 'approved' && isProjectable(q) && q.id !== onAir);
  const onAirRank = ranked.find((q) => q.id === onAir)?.rank ?? null;
  if (onAirRank === null) return candidates[0] ?? null;
  return candidates.find((q) => (q.rank ?? 0) > onAirRank) ?? null;
}
