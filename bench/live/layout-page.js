/* global document, window */
/**
 * bench/live's page, bundled by vite into .cache/bench-live/ and run in Chromium (plain JavaScript:
 * it needs the DOM, which the Node project's type check lacks): the project's
 * word-cloud layout, with the projector's canvas text measurement, against d3-cloud on the same
 * words, the same font sizes and the same box.
 */
import cloud from 'd3-cloud';
import { canvasMeasure } from '../../src/renderer/output/use-text-measure.ts';
import { layoutWordCloud, wordFontSize } from '../../src/shared/domain/word-cloud-layout.ts';
import { FRENCH_WORDS } from './french-words.ts';

/** @typedef {{ ms: number, placed: number }} LayoutRun */

/** The projector's font (--out-font in output.css). */
const FONT_FAMILY = "'Inter', 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', system-ui, sans-serif";
const FONT_WEIGHT = '700';
const PADDING = 8;

/** A deterministic generator (mulberry32): d3-cloud's spiral starts are random. */
function seeded(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function d3Layout(words, scale, box, seed) {
  const input = words.map((w) => ({ text: w.text, size: wordFontSize(w.count) * scale }));
  return new Promise((resolve) => {
    const t0 = performance.now();
    cloud()
      .size([box.width, box.height])
      .canvas(() => document.createElement('canvas'))
      .words(input)
      .padding(PADDING * scale)
      .rotate(0)
      .font(FONT_FAMILY)
      .fontWeight(FONT_WEIGHT)
      .fontSize((d) => d.size)
      .random(seeded(seed))
      .timeInterval(Infinity)
      .on('end', (placed) => resolve({ ms: performance.now() - t0, placed: placed.length }))
      .start();
  });
}

async function run(runs, width, height) {
  const words = FRENCH_WORDS.slice(0, 300).map((text, i) => ({ text, count: Math.max(1, Math.round(80 / (i + 1) ** 0.9)) }));
  const box = { width, height };
  const pupitre = [];
  const d3 = [];
  let scale = 1;
  for (let r = -1; r < runs; r += 1) {
    // A fresh measure each run: the projector measures each word once, and so is timed here.
    const t0 = performance.now();
    const layout = layoutWordCloud(words, canvasMeasure(FONT_WEIGHT, FONT_FAMILY), box, null, { padding: PADDING });
    const ms = performance.now() - t0;
    scale = layout.scale;
    // d3-cloud draws the same words at the sizes the projector ends up showing them.
    const other = await d3Layout(words, scale, box, r + 2);
    if (r < 0) continue; // warm-up
    pupitre.push({ ms, placed: layout.placements.length });
    d3.push(other);
  }
  return { words: words.length, box, scale, pupitre, d3, measure: measureOnly(words, runs), ...incremental(words, box, runs) };
}

/** What measuring the words alone costs (a fresh measure each run, as above): a share of our time. */
function measureOnly(words, runs) {
  const times = [];
  for (let r = -1; r < runs; r += 1) {
    const t0 = performance.now();
    const measure = canvasMeasure(FONT_WEIGHT, FONT_FAMILY);
    for (const w of words) measure(w.text, wordFontSize(w.count));
    if (r >= 0) times.push({ ms: performance.now() - t0, placed: words.length });
  }
  return times;
}

/**
 * The projector live: 10 words arrive (sent once each) in a cloud of 290 already on screen; the
 * previous layout and the measure are reused, as in WordCloud.tsx. Counts the words that moved.
 */
function incremental(words, box, runs) {
  const times = [];
  let moved = 0;
  for (let r = -1; r < runs; r += 1) {
    const measure = canvasMeasure(FONT_WEIGHT, FONT_FAMILY);
    const before = layoutWordCloud(words.slice(0, 290), measure, box, null, { padding: PADDING });
    const added = [...words.slice(0, 290), ...words.slice(290).map((w) => ({ text: w.text, count: 1 }))];
    const t0 = performance.now();
    const after = layoutWordCloud(added, measure, box, before, { padding: PADDING });
    const ms = performance.now() - t0;
    const at = new Map(after.placements.map((p) => [p.text, p]));
    for (const p of before.placements) {
      const q = at.get(p.text);
      if (!q || q.x !== p.x || q.y !== p.y) moved += 1;
    }
    if (r >= 0) times.push({ ms, placed: after.placements.length });
  }
  return { incremental: times, moved };
}

window.runLayoutBench = run;
