import { createHash } from 'node:crypto';
import { z } from 'zod';
import { phoneAccentProblem, phonePrimaryProblem, PHONE_COLOURS } from '../shared/domain/phone-branding';
import { sniffLogoType } from '../shared/domain/event-branding';
import {
  LOGO_EXTENSION,
  LOGO_MIME,
  LOGO_PATH,
  type LogoType,
  type ParticipantBranding,
  type PhoneBranding,
  splitLogoDataUrl,
} from '../shared/protocol/branding';
import { hubError, type HubError } from '../shared/protocol/errors';
import { MAX } from '../shared/protocol/limits';

/**
 * The event's look as the hub keeps it (with its board) and gives it: the logo's bytes in memory,
 * named by their hash; the phones get its address, and the hub serves that one name only.
 */

const hex = z.string().regex(/^#[0-9a-f]{6}$/);
export const boardBrandingSchema = z.strictObject({
  name: z.string().min(1).max(MAX.eventName),
  primary: hex.nullable(),
  accent: hex.nullable(),
  logoAlt: z.string().max(MAX.logoAlt).nullable(),
  logo: z
    .strictObject({
      type: z.enum(['png', 'jpeg', 'svg']),
      base64: z.string().max(Math.ceil(MAX.logoBytes / 3) * 4),
      hash: z.string().regex(/^[0-9a-f]{16}$/),
    })
    .nullable(),
});
export type BoardBranding = z.infer<typeof boardBrandingSchema>;

/**
 * What the hub refuses in a `branding.set` beyond its schema: a colour the phone page cannot use
 * (the régie never sends one: this guards against another régie) or bytes that are not the image
 * type they claim. Null when it may be applied.
 */
export function brandingProblem(b: PhoneBranding): HubError | null {
  const primary = b.primary ? phonePrimaryProblem(b.primary) : null;
  if (primary) return hubError('invalid', primary, 'branding.primary');
  const accent = b.accent ? phoneAccentProblem(b.accent, b.primary ?? PHONE_COLOURS.primary) : null;
  if (accent) return hubError('invalid', accent, 'branding.accent');
  if (b.logo) {
    const parts = splitLogoDataUrl(b.logo);
    const bytes = parts ? Buffer.from(parts.base64, 'base64') : null;
    if (!parts || !bytes || sniffLogoType(bytes) !== parts.type) {
      return hubError('invalid', `logo : le contenu n’est pas une image ${parts?.type.toUpperCase() ?? ''}`.trim(), 'branding.logo');
    }
  }
  return null;
}

export function toBoardBranding(b: PhoneBranding): BoardBranding {
  const parts = b.logo ? splitLogoDataUrl(b.logo) : null;
  const logo = parts
    ? {
        type: parts.type,
        base64: parts.base64,
        hash: createHash('sha256').update(Buffer.from(parts.base64, 'base64')).digest('hex').slice(0, 16),
      }
    : null;
  return { name: b.name, primary: b.primary, accent: b.accent, logoAlt: b.logoAlt, logo };
}

const logoPath = (logo: { type: LogoType; hash: string }) => `branding/logo-${logo.hash}.${LOGO_EXTENSION[logo.type]}`;

/** What the phones receive: the logo as its address (relative to the page). */
export function participantBranding(b: BoardBranding | null): ParticipantBranding | null {
  if (!b) return null;
  return { name: b.name, primary: b.primary, accent: b.accent, logoAlt: b.logo ? b.logoAlt : null, logo: b.logo ? logoPath(b.logo) : null };
}

const decoded = new WeakMap<object, Buffer>();

/** The current logo when `path` (without its leading slash) is its exact address; else null. */
export function logoFile(b: BoardBranding | null, path: string): { mime: string; bytes: Buffer } | null {
  const logo = b?.logo;
  if (!logo || !LOGO_PATH.test(path) || path !== logoPath(logo)) return null;
  let bytes = decoded.get(logo);
  if (!bytes) {
    bytes = Buffer.from(logo.base64, 'base64');
    decoded.set(logo, bytes);
  }
  return { mime: LOGO_MIME[logo.type], bytes };
}
