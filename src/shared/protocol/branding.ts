import { z } from 'zod';
import { MAX } from './limits';

/**
 * The event's look on the phones (additive to protocol version 1, like `words.banned`).
 *
 * Régie → hub: the command `branding.set { branding }` (regie-commands.ts): the event's name, its
 * colours already checked for the phone page (shared/domain/phone-branding.ts), and its logo as a
 * data: URL (PNG, JPEG or SVG, at most MAX.logoBytes once decoded); `null` gives the phones the
 * page's own look. The hub keeps it with its board.
 *
 * Hub → phones: the same look with the logo replaced by the address the hub serves it at
 * (`branding/logo-<16 hex of its SHA-256>.<png|jpg|svg>`, relative to the page: the hub serves
 * only the current logo's exact name, from memory, never a file), as `GET branding.json`
 * (`{ branding }`, for the join screen) and as the socket event `branding` (after `join`, and
 * when it changes). A page that does not know them ignores both; a hub that does not know them
 * answers 404 and refuses the command for its content: the phones keep the page's own look.
 */

export const LOGO_MIME = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;
export type LogoType = keyof typeof LOGO_MIME;
export const LOGO_EXTENSION: Record<LogoType, string> = { png: 'png', jpeg: 'jpg', svg: 'svg' };

const hex = z.string().regex(/^#[0-9a-f]{6}$/, 'couleur #rrggbb attendue (minuscules)');
const LOGO_DATA_URL = /^data:image\/(png|jpeg|svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/;
/** Base64 of MAX.logoBytes, plus the longest prefix. */
const MAX_LOGO_URL = Math.ceil(MAX.logoBytes / 3) * 4 + 'data:image/svg+xml;base64,'.length;

/** Bytes of a base64 text (no decoding). */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

/** The MIME type and base64 of a logo data: URL, or null. */
export function splitLogoDataUrl(url: string): { type: LogoType; base64: string } | null {
  const m = LOGO_DATA_URL.exec(url);
  if (!m?.[1] || !m[2] || m[2].length % 4 !== 0) return null;
  return { type: m[1] === 'svg+xml' ? 'svg' : (m[1] as 'png' | 'jpeg'), base64: m[2] };
}

const common = {
  /** The event's name as the phones show it (French typography already applied). */
  name: z.string().trim().min(1, 'nom de l’événement vide').max(MAX.eventName, `nom de l’événement : ${MAX.eventName} caractères au plus`),
  /** The phone page's main colour (its top bar, buttons, links): already checked for it. */
  primary: hex.nullable(),
  /** The event's name and the line under the top bar. */
  accent: hex.nullable(),
  logoAlt: z.string().max(MAX.logoAlt, `texte du logo : ${MAX.logoAlt} caractères au plus`).nullable(),
};

/** What the régie sends (`branding.set`). */
export const phoneBrandingSchema = z.strictObject({
  ...common,
  logo: z
    .string()
    .max(MAX_LOGO_URL, `logo trop lourd pour les téléphones (${MAX.logoBytes / 1024} Kio au plus)`)
    .refine((s) => splitLogoDataUrl(s) !== null, 'logo : adresse data:image/png, image/jpeg ou image/svg+xml;base64 attendue')
    .refine(
      (s) => base64Bytes(splitLogoDataUrl(s)?.base64 ?? '') <= MAX.logoBytes,
      `logo trop lourd pour les téléphones (${MAX.logoBytes / 1024} Kio au plus)`,
    )
    .nullable(),
});
export type PhoneBranding = z.infer<typeof phoneBrandingSchema>;

export const LOGO_PATH = /^branding\/logo-([0-9a-f]{16})\.(png|jpg|svg)$/;

/** What the phones receive (`branding` event, `branding.json`). */
export const participantBrandingSchema = z.strictObject({
  ...common,
  /** The logo's address, relative to the page. */
  logo: z.string().regex(LOGO_PATH).nullable(),
});
export type ParticipantBranding = z.infer<typeof participantBrandingSchema>;

/** The body of `GET branding.json`. */
export const brandingDocumentSchema = z.strictObject({ branding: participantBrandingSchema.nullable() });
export type BrandingDocument = z.infer<typeof brandingDocumentSchema>;
