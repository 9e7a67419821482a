import { actionInteraction } from '../../../shared/domain/cue';
import type { Programme } from '../../../shared/domain/programme';

/** The ids of the cues that name an interaction (open, close, reveal it, or show it on a scene). Pure. */
export function cuesUsing(programme: Programme, interactionId: string): string[] {
  return programme.sessions.flatMap((s) =>
    (s.cues ?? []).filter((c) => actionInteraction(c.action)?.id === interactionId).map((c) => c.id),
  );
}
