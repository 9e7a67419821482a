import { describe, expect, it } from 'vitest';
import { type CloudLayout, type CloudWord, layoutWordCloud, screenRect, wordFontSize } from './word-cloud-layout';

// A stand-in for the canvas: glyphs 0.56 em wide, lines 1.2 em high.
const measure = (text: string, fontSize: number) => ({ width: 0.56 * fontSize * [...text].length, height: 1.2 * fontSize });
const BOX = { width: 1728, height: 760 };

/** A small deterministic generator, so that the "random" words are the same at every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = [
  'con',
  'fi',
  'an',
  'ce',
  'sé',
  'cu',
  'ri',
  'té',
  'mai',
  'son',
  'pa',
  'rent',
  'é',
  'coute',
  'lien',
  'sta',
  'bi',
  'li',
  'ré',
  'gu',
];

/** `n` distinct words with Zipf-like counts (the first sent most often). */
function words(n: number, seed = 1, offset = 0): CloudWord[] {
  const r = rng(seed);
  const out: CloudWord[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < n; i += 1) {
    let text = '';
    const len = 1 + Math.floor(r() * 4);
    for (let k = 0; k < len; k += 1) text += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, count: Math.max(1, Math.round(120 / (out.length + offset + 1))) });
  }
  return out;
}

/** Every word inside the box on screen, and no two words overlap. */
function expectClean(layout: CloudLayout) {
  const rects = layout.placements.map((p) => screenRect(p, layout));
  for (const r of rects) {
    expect(r.left).toBeGreaterThanOrEqual(-0.001);
    expect(r.top).toBeGreaterThanOrEqual(-0.001);
    expect(r.left + r.width).toBeLessThanOrEqual(layout.box.width + 0.001);
    expect(r.top + r.height).toBeLessThanOrEqual(layout.box.height + 0.001);
  }
  for (let i = 0; i < rects.length; i += 1) {
    for (let j = i + 1; j < rects.length; j += 1) {
      const a = rects[i]!;
      const b = rects[j]!;
      const overlap = a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
      if (overlap) throw new Error(`${layout.placements[i]!.text} overlaps ${layout.placements[j]!.text}`);
    }
  }
}

describe('wordFontSize', () => {
  it('grows with the log of the count, up to a maximum', () => {
    expect(wordFontSize(1)).toBe(40);
    expect(wordFontSize(2)).toBeGreaterThan(wordFontSize(1));
    expect(wordFontSize(4) - wordFontSize(2)).toBeCloseTo(wordFontSize(2) - wordFontSize(1), 1);
    expect(wordFontSize(1_000_000)).toBe(180);
    expect(wordFontSize(0)).toBe(40);
  });
});

describe('layoutWordCloud', () => {
  it('places every word without overlap, inside the box, the most frequent at the centre', () => {
    const ws = words(40);
    const layout = layoutWordCloud(ws, measure, BOX);
    expect(layout.placements).toHaveLength(40);
    expect(layout.dropped).toEqual([]);
    expectClean(layout);
    const first = layout.placements.find((p) => p.text === ws[0]!.text)!;
    expect(Math.hypot(first.x, first.y)).toBeLessThan(first.height);
    expect(first.fontSize).toBeGreaterThan(layout.placements.at(-1)!.fontSize);
  });

  it('fits 300 distinct words', () => {
    const layout = layoutWordCloud(words(300, 7), measure, BOX);
    expect(layout.placements).toHaveLength(300);
    expect(layout.dropped).toEqual([]);
    expectClean(layout);
  });

  it('is stable as it grows: words already placed keep their place when new ones arrive', () => {
    const first = words(60, 3);
    const a = layoutWordCloud(first, measure, BOX);
    const more = [...first, ...words(240, 11, 60).filter((w) => !first.some((f) => f.text === w.text))];
    const b = layoutWordCloud(more, measure, BOX, a);
    expectClean(b);
    expect(b.placements.length).toBe(more.length);
    for (const p of a.placements) {
      const q = b.placements.find((x) => x.text === p.text);
      expect(q, p.text).toMatchObject({ x: p.x, y: p.y, fontSize: p.fontSize });
    }
    // The cloud zoomed out to make room: on screen, everything kept its place relative to the centre.
    expect(b.scale).toBeLessThanOrEqual(a.scale);
  });

  it('one word at a time, as the votes arrive: nothing already placed ever moves', () => {
    const all = words(120, 5);
    let layout: CloudLayout | null = null;
    const history = new Map<string, { x: number; y: number }>();
    for (let n = 1; n <= all.length; n += 1) {
      layout = layoutWordCloud(all.slice(0, n), measure, BOX, layout);
      for (const p of layout.placements) {
        const seen = history.get(p.text);
        if (seen) expect({ x: p.x, y: p.y }).toEqual(seen);
        else history.set(p.text, { x: p.x, y: p.y });
      }
    }
    expectClean(layout!);
  });

  it('a word sent again grows where it is, or as near as it can; the others stay', () => {
    const ws = words(30, 9);
    const a = layoutWordCloud(ws, measure, BOX);
    const bumped = ws.map((w, i) => (i === 10 ? { ...w, count: w.count * 8 } : w));
    const b = layoutWordCloud(bumped, measure, BOX, a);
    expectClean(b);
    const text = ws[10]!.text;
    const before = a.placements.find((p) => p.text === text)!;
    const after = b.placements.find((p) => p.text === text)!;
    expect(after.fontSize).toBeGreaterThan(before.fontSize);
    expect(b.dropped).toEqual([]);
    for (const p of a.placements.filter((x) => x.text !== text)) {
      expect(b.placements.find((x) => x.text === p.text)).toMatchObject({ x: p.x, y: p.y });
    }
  });

  it('a word whose shown spelling changes (same id) stays where it was; the others stay', () => {
    const ws = words(30, 5).map((w) => ({ ...w, id: w.text }));
    const a = layoutWordCloud(ws, measure, BOX);
    const target = ws[3]!;
    const respelled = ws.map((w) => (w === target ? { ...w, text: `${w.text}s` } : w));
    const b = layoutWordCloud(respelled, measure, BOX, a);
    const before = a.placements.find((p) => p.id === target.id)!;
    const after = b.placements.find((p) => p.id === target.id)!;
    expect(after.text).toBe(`${target.text}s`);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeLessThan(before.height * 2);
    for (const p of a.placements.filter((x) => x.id !== target.id)) {
      expect(b.placements.find((x) => x.id === p.id)).toMatchObject({ x: p.x, y: p.y, text: p.text });
    }
  });

  it('a word taken out leaves its place free; the others stay', () => {
    const ws = words(30, 4);
    const a = layoutWordCloud(ws, measure, BOX);
    const b = layoutWordCloud(ws.slice(1), measure, BOX, a);
    expect(b.placements.map((p) => p.text)).not.toContain(ws[0]!.text);
    for (const p of b.placements) expect(a.placements.find((x) => x.text === p.text)).toMatchObject({ x: p.x, y: p.y });
  });

  it('gives each new word the first free point of its spiral: the search skips only places that could not be free', () => {
    // Many words sent once (one height, many widths): the search resumes where a narrower word of
    // the same height stopped. Checked here against a plain walk of the spiral, box by box.
    const padding = 8;
    const layout = layoutWordCloud(words(160, 13), measure, BOX, null, { padding });
    expect(layout.placements).toHaveLength(160);
    expectClean(layout);
    const aspect = BOX.width / BOX.height;
    const halfW = BOX.width / 2 / layout.scale;
    const halfH = BOX.height / 2 / layout.scale;
    const placed: { x1: number; y1: number; x2: number; y2: number }[] = [];
    for (const p of layout.placements) {
      const hw = p.width / 2 + padding / 2;
      const hh = p.height / 2 + padding / 2;
      const free = (x: number, y: number) =>
        Math.abs(x) + p.width / 2 <= halfW &&
        Math.abs(y) + p.height / 2 <= halfH &&
        !placed.some((o) => x - hw < o.x2 && o.x1 < x + hw && y - hh < o.y2 && o.y1 < y + hh);
      const step = Math.max(2, p.height / 2);
      let first: { x: number; y: number } | null = null;
      for (let t = 0, r = 0; first === null && r <= halfW + halfH;) {
        const x = r * Math.cos(t) * aspect;
        const y = r * Math.sin(t);
        if (free(x, y)) first = { x, y };
        t += r > step ? step / r : 1;
        r = (step / (2 * Math.PI)) * t;
      }
      expect({ text: p.text, ...first }).toEqual({ text: p.text, x: p.x, y: p.y });
      placed.push({ x1: p.x - hw, y1: p.y - hh, x2: p.x + hw, y2: p.y + hh });
    }
  });

  it('is deterministic, and starts afresh for another box', () => {
    const ws = words(50, 2);
    expect(layoutWordCloud(ws, measure, BOX)).toEqual(layoutWordCloud(ws, measure, BOX));
    const a = layoutWordCloud(ws, measure, BOX);
    const other = { width: 800, height: 600 };
    expect(layoutWordCloud(ws, measure, other, a)).toEqual(layoutWordCloud(ws, measure, other));
  });

  it('an empty cloud, a word sent twice in the input, a very long word', () => {
    expect(layoutWordCloud([], measure, BOX).placements).toEqual([]);
    const twice = layoutWordCloud(
      [
        { text: 'lien', count: 2 },
        { text: 'lien', count: 5 },
      ],
      measure,
      BOX,
    );
    expect(twice.placements).toHaveLength(1);
    expect(twice.placements[0]!.count).toBe(5);
    const long = layoutWordCloud([{ text: 'x'.repeat(40), count: 500 }], measure, BOX);
    expect(long.dropped).toEqual([]);
    expectClean(long);
  });
});
