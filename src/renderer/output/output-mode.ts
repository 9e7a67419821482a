/**
 * How the output page draws (see main.tsx): `projector` (the default) fills the 16:9 frame with
 * the event's theme; `obs` is for a stream encoder's browser source (OBS, vMix): a transparent
 * page, lower-third bands over the camera picture.
 */
export type OutputMode = 'projector' | 'obs';

/** `?mode=obs` in the page's address (any other value, or none: the projector). */
export function outputModeFromSearch(search: string): OutputMode {
  const mode = new URLSearchParams(search).get('mode')?.trim().toLowerCase();
  return mode === 'obs' ? 'obs' : 'projector';
}
