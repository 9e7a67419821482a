import { z } from 'zod';
import { contrastRatio } from './contrast';
import { BAR_COLOURS, WORD_COLOURS } from './palette';

/**
 * The event's look on the projector: its main colour (the background), an accent (kickers,
 * times, the accent bar) and its logo. The projector's text is light on a dark background, so a
 * colour is refused when the text on it would fall under WCAG AA (4.5:1), with the ratio in the
 * message: the organiser picks a darker or lighter shade, the projector never shows grey on grey.
 */

/** The projector's text colour (output.css --out-ink). */
export const OUTPUT_INK = '#f4f7fa';
/** The projector's own background, when the event sets only an accent. */
export const DEFAULT_PRIMARY = '#061a2b';
export const MIN_TEXT_CONTRAST = 4.5;
/** A logo embedded in the programme: small enough for the journal and the views' snapshot. */
export const MAX_LOGO_BYTES = 150 * 1024;
const MAX_LOGO_DATA_URL = Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 40;

export const LOGO_TYPES = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;
const DATA_URL = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
/** A path beside the programme file (read when the file is opened from disk): no `..`, no absolute path. */
const RELATIVE_LOGO = /^(?![/\\])(?!.*(^|[/\\])\.\.([/\\]|$))[^:*?"<>|]+\.(png|jpe?g|svg)$/i;

export function isLogoDataUrl(s: string): boolean {
  return DATA_URL.test(s);
}
export function isRelativeLogoPath(s: string): boolean {
  return RELATIVE_LOGO.test(s);
}

/** What the stage draws on its background (output.css, palette.ts), and the contrast each needs. */
const STAGE_COLOURS: { colour: string; min: number; what: string }[] = [
  { colour: OUTPUT_INK, min: MIN_TEXT_CONTRAST, what: `le texte (${OUTPUT_INK})` },
  { colour: '#c3d3df', min: MIN_TEXT_CONTRAST, what: 'le texte secondaire (#c3d3df)' },
  { colour: '#86d8d0', min: MIN_TEXT_CONTRAST, what: 'le second accent (#86d8d0)' },
  ...WORD_COLOURS.map((c) => ({ colour: c, min: MIN_TEXT_CONTRAST, what: `un mot du nuage (${c})` })),
  ...BAR_COLOURS.map((c) => ({ colour: c, min: 3, what: `une barre de sondage (${c})` })),
];

/** 4.5 → « 4,5 » */
function ratio(x: number): string {
  return (Math.floor(x * 10) / 10).toString().replace('.', ',');
}

const colour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'couleur #rrggbb attendue (ex. #1d3557)')
  .transform((s) => s.toLowerCase());

/** `hex` moved `amount` (0–1) of the way toward `toward`, channel by channel. */
export function mix(hex: string, toward: string, amount: number): string {
  const ch = (h: string, at: number) => parseInt(h.slice(at, at + 2), 16);
  const out = [1, 3, 5].map((at) => Math.round(ch(hex, at) * (1 - amount) + ch(toward, at) * amount));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The projector's background stops for a main colour: the colour, a lighter glow, two darker stops. */
export function backgroundStops(primary: string): { bg: string; glow: string; mid: string; end: string } {
  return { bg: primary, glow: mix(primary, '#ffffff', 0.06), mid: mix(primary, '#000000', 0.12), end: mix(primary, '#000000', 0.06) };
}

export const brandingSchema = z
  .strictObject({
    /** The background of the projector: dark enough for its light text (4.5:1). */
    primary: colour.optional(),
    /** Kickers, times and the accent bar: 4.5:1 on the background. */
    accent: colour.optional(),
    /** A data: URL (PNG, JPEG, SVG; 150 Kio at most), or in a file, a path beside it. */
    logo: z
      .string()
      .trim()
      .max(MAX_LOGO_DATA_URL, `logo trop lourd (${MAX_LOGO_BYTES / 1024} Kio au plus)`)
      .refine(
        (s) => isLogoDataUrl(s) || isRelativeLogoPath(s),
        'logo : une image PNG, JPEG ou SVG, en adresse data:image/…;base64 ou en chemin à côté du fichier (ex. logo.svg)',
      )
      .optional(),
    /** What the logo says, for screen readers (the event's name when absent). */
    logoAlt: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((input, ctx) => {
    // A colour that failed its own check is reported there only.
    const hex = (c: string | undefined) => (c !== undefined && /^#[0-9a-f]{6}$/i.test(c) ? c : undefined);
    const b = { primary: hex(input.primary), accent: hex(input.accent) };
    // The lightest stop of the background (its glow) is where the text is hardest to read.
    const glow = backgroundStops(b.primary ?? DEFAULT_PRIMARY).glow;
    if (b.primary) {
      // Every colour the stage draws on its background: texts and words at 4.5:1, chart bars at 3:1.
      const worst = STAGE_COLOURS.map(({ colour: c, min, what }) => ({ what, min, ratio: contrastRatio(c, glow) })).find(
        (x) => x.ratio < x.min,
      );
      if (worst) {
        ctx.addIssue({
          code: 'custom',
          path: ['primary'],
          message: `contraste insuffisant : ${worst.what} sur ${b.primary} donne ${ratio(worst.ratio)}:1, il faut ${ratio(worst.min)}:1 (WCAG AA) — choisissez une teinte plus sombre`,
        });
      }
    }
    if (b.accent) {
      const accentRatio = contrastRatio(b.accent, glow);
      if (accentRatio < MIN_TEXT_CONTRAST) {
        ctx.addIssue({
          code: 'custom',
          path: ['accent'],
          message: `contraste insuffisant : ${b.accent} sur le fond ${b.primary ?? DEFAULT_PRIMARY} donne ${ratio(accentRatio)}:1, il faut ${ratio(MIN_TEXT_CONTRAST)}:1 (WCAG AA) — choisissez une teinte plus claire`,
        });
      }
    }
  });
export type Branding = z.infer<typeof brandingSchema>;

/** The MIME type of a logo file, from its first bytes (never from its name alone). */
export function sniffLogoType(bytes: Uint8Array): keyof typeof LOGO_TYPES | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return null;
}
