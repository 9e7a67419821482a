/**
 * Participants' text made safe to print: whatever it holds (HTML, bidi overrides, zero-width
 * characters, a tower of combining marks, lone surrogates) it is drawn as plain characters that
 * stay in their box. Nothing is interpreted: an SVG escapes it, a PDF draws glyphs.
 */

/**
 * Controls other than a line break, format characters (bidi overrides and isolates, zero-width
 * spaces and joiners, soft hyphens, the byte-order mark) and variation selectors.
 */
const INVISIBLE = /(?!\n)\p{Cc}|\p{Cf}|\p{Variation_Selector}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** More than two combining marks on one letter only serve to spill over the lines around it. */
const MARK_TOWER = /(\p{M}{2})\p{M}+/gu;

/** Inert text that keeps its paragraphs (at most one empty line between two). */
export function inertParagraphs(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .replace(MARK_TOWER, '$1')
    .replace(/[ \u00a0]*\n[ \u00a0]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Inert text on one line (a title, a label, a word). */
export function inertLine(text: string): string {
  return inertParagraphs(text).replace(/\s*\n\s*/g, ' ');
}

/** Text for an SVG text node: inert, then escaped (a participant's `<script>` stays letters). */
export function svgText(text: string): string {
  return escapeXml(inertLine(text));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
