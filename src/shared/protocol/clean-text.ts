/**
 * What the hub does to every text a participant sends, before storing or forwarding it. The text
 * stays plain text: HTML and script are kept as typed (every view renders them as text, never as
 * markup); what goes is what could hide or disguise content:
 * - control characters (C0 and C1),
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+061C),
 * - zero-width and invisible characters (U+200B–U+200F, U+2060–U+2064, U+FEFF),
 * - lone surrogates (replaced by U+FFFD),
 * then the text is normalised to NFC, runs of white space become one space, and it is trimmed.
 * One line: line breaks become spaces. A no-break space (U+00A0, U+202F) on its own is kept.
 * Note: U+200D (zero-width joiner) goes too, so a family emoji shows as its members.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Tab, line feed and carriage return are white space (become a space); other controls go.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
/** White space other than the no-break spaces French typography uses. */
const BREAKING_SPACE = /[^\S\u00A0\u202F]+/g;
const SPACE_RUN = /\s{2,}/g;

export function cleanText(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .normalize('NFC')
    .replace(BREAKING_SPACE, ' ')
    .replace(SPACE_RUN, ' ')
    .trim();
}
