import type { MeasureText } from '../../shared/domain/word-cloud-layout';

/** The line height of a cloud's words, in em (the same in CSS: output-cloud.css). */
export const CLOUD_LINE_HEIGHT = 1.15;
const REFERENCE_SIZE = 100;

/**
 * Measures text as the browser will draw it, with a canvas 2D context in the given CSS font
 * (`700 Inter, …`): widths are taken once per word at a reference size and scaled (text
 * advances scale linearly with the font size).
 */
export function canvasMeasure(fontWeight: string, fontFamily: string): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  if (ctx) ctx.font = `${fontWeight} ${REFERENCE_SIZE}px ${fontFamily}`;
  return (text, fontSize) => {
    let w = widths.get(text);
    if (w === undefined) {
      // Without a canvas (never in Chromium): a generous estimate rather than nothing.
      w = ctx ? ctx.measureText(text).width : 0.62 * REFERENCE_SIZE * [...text].length;
      widths.set(text, w);
    }
    return { width: (w * fontSize) / REFERENCE_SIZE, height: fontSize * CLOUD_LINE_HEIGHT };
  };
}
