import { dirname, join } from 'node:path';
import { unpackedAsarPath } from '../platform/asar-path';
import { loadCommonJs } from '../platform/commonjs';

/**
 * The DejaVu fonts the images and the report are drawn with: read from the dejavu-fonts-ttf
 * package, never from the system, so a PNG or a PDF comes out the same on every machine. DejaVu
 * covers Latin, Greek, Cyrillic, Arabic, Hebrew and many symbols (some emoji in black and white).
 * In the packaged app they are read from app.asar.unpacked (electron-builder.yml, asarUnpack):
 * resvg opens them from native code, which cannot look inside app.asar.
 */

export const FONT_FAMILY = 'DejaVu Sans';

let fontDir: string | null = null;

function ttfDir(): string {
  fontDir ??= unpackedAsarPath(join(dirname(loadCommonJs.resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  return fontDir;
}

export const reportFonts = {
  regular: () => join(ttfDir(), 'DejaVuSans.ttf'),
  bold: () => join(ttfDir(), 'DejaVuSans-Bold.ttf'),
  oblique: () => join(ttfDir(), 'DejaVuSans-Oblique.ttf'),
};

/** The files resvg loads (regular and bold: the weights the SVGs use). */
export function svgFontFiles(): string[] {
  return [reportFonts.regular(), reportFonts.bold()];
}

/**
 * DejaVu Sans' vertical metrics (hhea, in em): where the baseline sits in a line box, so text in
 * an SVG lands where the layout measured it.
 */
export const DEJAVU_ASCENT = 0.928;
export const DEJAVU_DESCENT = 0.236;
