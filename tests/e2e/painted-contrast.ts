import type { Locator, Page } from '@playwright/test';

// axe-core leaves the contrast of text over a gradient, an image or an overlapping element
// « incomplete » (it cannot know the colour behind the text). Every projector scene is text over a
// gradient, so this finishes the check on what is really painted: the element is drawn once with
// its text made transparent, and the text colour is compared with every background pixel behind
// it; the worst 2 % (not a lone anti-aliased pixel of a border) must reach the WCAG ratio.

interface PageCanvas {
  getContext(kind: '2d'): {
    drawImage(img: unknown, x: number, y: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
interface PageGlobals {
  document: {
    createElement(tag: 'canvas'): PageCanvas & { width: number; height: number };
  };
  createImageBitmap(blob: unknown): Promise<{ width: number; height: number }>;
  Blob: new (parts: unknown[], opts: { type: string }) => unknown;
  atob(s: string): string;
}
interface ProbeElement {
  ownerDocument: unknown;
  setAttribute(k: string, v: string): void;
  removeAttribute(k: string): void;
}
interface ProbeDocument {
  querySelector(sel: string): unknown;
  createElement(tag: 'style'): { textContent: string; setAttribute(k: string, v: string): void };
  head: { append(el: unknown): void };
}

const PROBE_STYLE = [
  '[data-contrast-probe], [data-contrast-probe] * { color: transparent !important; text-shadow: none !important; -webkit-text-stroke: 0 !important; caret-color: transparent !important; }',
  // Decorations (a bar in the text's colour, an icon) are not the background the text is read on.
  '[data-contrast-probe]::before, [data-contrast-probe]::after, [data-contrast-probe] *::before, [data-contrast-probe] *::after, [data-contrast-probe] img, [data-contrast-probe] svg { opacity: 0 !important; }',
].join('\n');

/** The worst contrast (2nd percentile) between the element's text colour and the pixels painted behind it. */
export async function paintedContrast(page: Page, el: Locator): Promise<number> {
  const color = await el.evaluate((node: ProbeElement, css: string) => {
    const d = node.ownerDocument as unknown as ProbeDocument;
    if (!d.querySelector('style[data-contrast-probe-style]')) {
      const style = d.createElement('style');
      style.textContent = css;
      style.setAttribute('data-contrast-probe-style', '');
      d.head.append(style);
    }
    // The text's colour first, then the probe makes it transparent.
    const w = globalThis as unknown as { getComputedStyle(e: ProbeElement): { color: string } };
    const textColor = w.getComputedStyle(node).color;
    node.setAttribute('data-contrast-probe', '');
    return textColor;
  }, PROBE_STYLE);
  const png = await el.screenshot({ animations: 'disabled', omitBackground: false });
  await el.evaluate((node: ProbeElement) => node.removeAttribute('data-contrast-probe'));
  return page.evaluate(
    async ({ b64, textColor }) => {
      const w = globalThis as unknown as PageGlobals;
      const bytes = Uint8Array.from(w.atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await w.createImageBitmap(new w.Blob([bytes], { type: 'image/png' }));
      const canvas = w.document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      const lum = (r: number, g: number, b: number) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(textColor);
      const text = m ? lum(Number(m[1]), Number(m[2]), Number(m[3])) : 0;
      const ratios: number[] = [];
      for (let i = 0; i < data.length; i += 4 * 7) {
        const bg = lum(data[i]!, data[i + 1]!, data[i + 2]!);
        ratios.push((Math.max(text, bg) + 0.05) / (Math.min(text, bg) + 0.05));
      }
      ratios.sort((a, b) => a - b);
      return ratios[Math.floor(ratios.length * 0.02)] ?? 0;
    },
    { b64: png.toString('base64'), textColor: color },
  );
}
