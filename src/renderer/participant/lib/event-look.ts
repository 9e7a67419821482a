import { create } from 'zustand';
import { phoneTint } from '../../../shared/domain/phone-branding';
import { brandingDocumentSchema, type ParticipantBranding, participantBrandingSchema } from '../../../shared/protocol/branding';

/**
 * The event's look on this page (shared/protocol/branding.ts): its name, colours and logo, from
 * the hub's `branding.json` at load (for the join screen) and its `branding` event after each join
 * and when the régie changes it. Anything malformed is ignored: the page keeps its own look. A hub
 * that does not give it (an older one) leaves the page as it was.
 */

export const useEventLook = create<{ branding: ParticipantBranding | null }>(() => ({ branding: null }));

/** The `branding` socket event (checked: a hub is not trusted with what it puts on the page). */
export function receiveBranding(raw: unknown): void {
  const parsed = participantBrandingSchema.nullable().safeParse(raw);
  if (parsed.success) useEventLook.setState({ branding: parsed.data });
}

/** `branding.json`, next to the page: the look before any join. */
export async function loadBranding(fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    const res = await fetchImpl('branding.json', { cache: 'no-cache', headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    const parsed = brandingDocumentSchema.safeParse(await res.json());
    // A join's answer may have come first: it is the newer.
    if (parsed.success && useEventLook.getState().branding === null) useEventLook.setState({ branding: parsed.data.branding });
  } catch {
    // No look is no harm: the page's own.
  }
}

/** The page's colour variables for a look (participant.css); none: the page's own. */
export function lookVariables(b: ParticipantBranding | null): Record<string, string> {
  const vars: Record<string, string> = {};
  if (b?.primary) {
    vars['--accent'] = b.primary;
    vars['--accent-tint'] = phoneTint(b.primary);
  }
  if (b?.accent) vars['--brand-accent'] = b.accent;
  return vars;
}

/** The logo's address, from the page's own (it works behind a proxy's sub-path too). */
export function logoUrl(b: ParticipantBranding | null, base: string): string | null {
  return b?.logo ? new URL(b.logo, base).href : null;
}
