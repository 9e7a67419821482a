import PDFDocument from 'pdfkit';
import type { MeasureText } from '../../shared/domain/word-cloud-layout';
import { reportFonts } from './report-fonts';

/**
 * Text widths with the real metrics of the DejaVu fonts, read through pdfkit (which embeds the
 * same TTF files the SVG renderer draws with). A document that is never written serves as the
 * measuring tool; widths are taken once per text at a reference size and scaled.
 */

const REFERENCE_SIZE = 100;
let ruler: PDFKit.PDFDocument | null = null;
const cache = new Map<string, number>();

function measureAtReference(text: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}|${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    ruler ??= new PDFDocument({ autoFirstPage: false });
    ruler.font(bold ? reportFonts.bold() : reportFonts.regular()).fontSize(REFERENCE_SIZE);
    w = ruler.widthOfString(text);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, w);
  }
  return w;
}

/** The advance width of `text` at `fontSize` (px), in DejaVu Sans (bold or regular). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return (measureAtReference(text, bold) * fontSize) / REFERENCE_SIZE;
}

/** A measuring function for the word cloud's layout: bold words, line height `lineHeight` em. */
export function dejavuMeasure(lineHeight: number): MeasureText {
  return (text, fontSize) => ({ width: textWidth(text, fontSize, true), height: fontSize * lineHeight });
}

interface GlyphSource {
  hasGlyphForCodePoint?: (codePoint: number) => boolean;
}

/**
 * Whether DejaVu Sans draws this character. Read from the font pdfkit loaded (its `_font.font`
 * is the parsed TTF); if a pdfkit version hides it, every character counts as drawable.
 */
export function hasGlyph(codePoint: number, bold = false): boolean {
  measureAtReference('', bold); // loads the font
  const font = (ruler as unknown as { _font?: { font?: GlyphSource } } | null)?._font?.font;
  return font?.hasGlyphForCodePoint ? font.hasGlyphForCodePoint(codePoint) : true;
}
