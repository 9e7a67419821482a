import { base64Bytes, type PhoneBranding, splitLogoDataUrl } from '../protocol/branding';
import { MAX } from '../protocol/limits';
import { contrastRatio } from './contrast';
import { type Branding, mix, sniffLogoType } from './event-branding';
import { frenchTypography } from './french-typography';

/**
 * The event's look on the participants' phones, from the programme's `event.branding` (the
 * projector's: event-branding.ts). The phone page is light (participant.css): the main colour
 * becomes its top bar and buttons (white text on it) and its links and chosen answers (it as text
 * on white, on the page's grey and on its own pale tint); the accent writes the event's name on
 * the top bar. A colour under WCAG AA (4.5:1) against any of these is not used on the phones, and
 * the desk says why (the projector may still use it: its checks are its own). A logo over
 * MAX.logoBytes stays on the projector only. Pure.
 */

/** What participant.css draws (its :root). */
export const PHONE_COLOURS = {
  page: '#f3f5f8',
  card: '#ffffff',
  onPrimary: '#ffffff',
  ink: '#14202e',
  /** The page's own main colour, when the event's is not used. */
  primary: '#1c3d8c',
} as const;
const MIN = 4.5;

/** The pale background of chosen answers and notices, from the main colour. */
export function phoneTint(primary: string): string {
  return mix(primary, '#ffffff', 0.9);
}

/** 4.46 → « 4,4 » */
const ratio = (x: number) => (Math.floor(x * 10) / 10).toString().replace('.', ',');

/** Why a main colour cannot be the phone page's (French), or null. */
export function phonePrimaryProblem(primary: string): string | null {
  const tint = phoneTint(primary);
  const pairs: [string, string, string][] = [
    [PHONE_COLOURS.onPrimary, primary, `le texte blanc des boutons sur ${primary}`],
    [primary, PHONE_COLOURS.page, `${primary} en texte sur le fond de la page (${PHONE_COLOURS.page})`],
    [primary, tint, `${primary} en texte sur sa teinte pâle (${tint}, réponses choisies)`],
    [PHONE_COLOURS.ink, tint, `le texte (${PHONE_COLOURS.ink}) sur la teinte pâle ${tint}`],
  ];
  for (const [fg, bg, what] of pairs) {
    const r = contrastRatio(fg, bg);
    if (r < MIN)
      return `couleur principale ${primary} non utilisée sur les téléphones : ${what} donne ${ratio(r)}:1, il faut 4,5:1 (WCAG AA)`;
  }
  return null;
}

/** Why an accent cannot write the event's name on the top bar (French), or null. */
export function phoneAccentProblem(accent: string, bar: string): string | null {
  const r = contrastRatio(accent, bar);
  return r < MIN
    ? `accent ${accent} non utilisé sur les téléphones : sur la barre du haut (${bar}) il donne ${ratio(r)}:1, il faut 4,5:1 (WCAG AA)`
    : null;
}

/** Why a logo does not go to the phones (French), or null. */
export function phoneLogoProblem(logo: string): string | null {
  const parts = splitLogoDataUrl(logo);
  if (!parts) return 'logo non transmis aux téléphones : seul un logo intégré au programme (PNG, JPEG ou SVG en data:) l’est';
  const bytes = base64Bytes(parts.base64);
  if (bytes > MAX.logoBytes) {
    return `logo non transmis aux téléphones : ${Math.ceil(bytes / 1024)} Kio, ${MAX.logoBytes / 1024} Kio au plus (2 000 téléphones le chargent sur le Wi-Fi du lieu) ; il reste sur le projecteur`;
  }
  const head = Uint8Array.from(atob(parts.base64.slice(0, 700)), (c) => c.charCodeAt(0));
  if (sniffLogoType(head) !== parts.type)
    return `logo non transmis aux téléphones : son contenu n’est pas une image ${parts.type.toUpperCase()}`;
  return null;
}

export interface PhoneLook {
  /** What the régie sends the hub (`branding.set`). */
  branding: PhoneBranding;
  /** What is left out, and why (French, for the desk). */
  notes: string[];
}

/** The phones' look for an event: its name always; its colours and logo where they pass. */
export function phoneLook(event: { name: string; branding?: Branding | undefined }): PhoneLook {
  const b = event.branding;
  const notes: string[] = [];
  const primaryProblem = b?.primary ? phonePrimaryProblem(b.primary) : null;
  if (primaryProblem) notes.push(primaryProblem);
  const primary = b?.primary && !primaryProblem ? b.primary : null;
  const accentProblem = b?.accent ? phoneAccentProblem(b.accent, primary ?? PHONE_COLOURS.primary) : null;
  if (accentProblem) notes.push(accentProblem);
  const logoProblem = b?.logo ? phoneLogoProblem(b.logo) : null;
  if (logoProblem) notes.push(logoProblem);
  const name = frenchTypography(event.name.trim()).slice(0, MAX.eventName);
  return {
    branding: {
      name,
      primary,
      accent: b?.accent && !accentProblem ? b.accent : null,
      logo: b?.logo && !logoProblem ? b.logo : null,
      logoAlt: b?.logo && !logoProblem ? (b.logoAlt ?? name).slice(0, MAX.logoAlt) : null,
    },
    notes,
  };
}
