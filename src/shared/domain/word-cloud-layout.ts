/**
 * The word cloud's layout: words sized by how often they were sent, placed without overlap, and
 * stable as the cloud grows. Pure (the caller measures the text), deterministic.
 *
 * Words live in "world" units around the centre of the box; the screen shows the world at a
 * `scale` (screen px = world units × scale). A word's size depends on its own count only, so a new
 * word never resizes the others. Placed words keep their world position from one layout to the
 * next; new words are placed by a spiral search from the centre against the boxes already placed
 * (a grid of cells keeps each test short; a new word resumes where a narrower word of its height
 * stopped instead of crossing the whole cloud again, which finds the same place). When a new word does not fit, the whole cloud zooms out
 * (the scale drops, the world box grows): every word keeps its place relative to the others, and
 * room appears at the edges. A word whose count grew keeps its centre if it still fits there, or
 * takes the nearest free place around it.
 */

export interface CloudWord {
  text: string;
  count: number;
  /**
   * What the word is, whatever its spelling (a word cloud's normalised key): when the shown
   * spelling changes (« enfant » → « enfants »), the word keeps its place. Defaults to the text.
   */
  id?: string;
}

const idOf = (w: { text: string; id?: string }): string => w.id ?? w.text;

export interface TextSize {
  width: number;
  height: number;
}

/** The size of `text` drawn at `fontSize` (same units out as in). */
export type MeasureText = (text: string, fontSize: number) => TextSize;

export interface CloudBox {
  width: number;
  height: number;
}

/** A word placed in the world: (x, y) is its centre, the origin the centre of the box. */
export interface WordPlacement {
  text: string;
  count: number;
  id?: string;
  fontSize: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CloudLayout {
  box: CloudBox;
  scale: number;
  placements: WordPlacement[];
  /** Words that found no place even at the smallest scale. */
  dropped: string[];
}

export interface CloudOptions {
  /** Font size of a word sent once (world units). */
  baseSize: number;
  /** How much each doubling of the count adds, as a share of baseSize. */
  growth: number;
  maxSize: number;
  /** Free space kept between two words (world units). */
  padding: number;
  /** The scale of an empty cloud (a few words show large). */
  initialScale: number;
  minScale: number;
  /** The factor of each zoom-out. */
  zoomStep: number;
  /**
   * The share of the box the words may cover before the cloud zooms out ahead of the search
   * (a spiral packs about half of the box: beyond, every new word would search the whole box).
   */
  fill: number;
}

export const DEFAULT_CLOUD_OPTIONS: CloudOptions = {
  baseSize: 40,
  growth: 0.55,
  maxSize: 180,
  padding: 8,
  initialScale: 1.5,
  minScale: 0.2,
  zoomStep: 0.9,
  fill: 0.5,
};

/** The font size (world units) of a word sent `count` times: grows with the log of the count. */
export function wordFontSize(count: number, o: Pick<CloudOptions, 'baseSize' | 'growth' | 'maxSize'> = DEFAULT_CLOUD_OPTIONS): number {
  const size = o.baseSize * (1 + o.growth * Math.log2(Math.max(1, count)));
  return Math.round(Math.min(o.maxSize, size) * 100) / 100;
}

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Placed boxes, bucketed in square cells: a candidate is checked only against its neighbours. */
class BoxGrid {
  private readonly cells = new Map<number, Rect[]>();
  /** The box that stopped the last candidate: the next one, close by, is likely stopped by it too. */
  private last: Rect | null = null;
  constructor(private readonly cell: number) {}

  private static key(i: number, j: number): number {
    return (i + 32768) * 65536 + (j + 32768);
  }

  add(r: Rect): void {
    const c = this.cell;
    for (let i = Math.floor(r.x1 / c); i <= Math.floor(r.x2 / c); i += 1) {
      for (let j = Math.floor(r.y1 / c); j <= Math.floor(r.y2 / c); j += 1) {
        const k = BoxGrid.key(i, j);
        const list = this.cells.get(k);
        if (list) list.push(r);
        else this.cells.set(k, [r]);
      }
    }
  }

  /** Whether the rectangle (x1, y1)–(x2, y2) meets a placed box (four numbers: no allocation per candidate). */
  collides(x1: number, y1: number, x2: number, y2: number): boolean {
    const l = this.last;
    if (l && x1 < l.x2 && l.x1 < x2 && y1 < l.y2 && l.y1 < y2) return true;
    const c = this.cell;
    for (let i = Math.floor(x1 / c); i <= Math.floor(x2 / c); i += 1) {
      for (let j = Math.floor(y1 / c); j <= Math.floor(y2 / c); j += 1) {
        const list = this.cells.get(BoxGrid.key(i, j));
        if (!list) continue;
        for (const o of list) {
          if (x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2) {
            this.last = o;
            return true;
          }
        }
      }
    }
    return false;
  }
}

/**
 * The points of an elliptic spiral from its start, as offsets: the radius grows by `step` each
 * turn, one point every `step` along the curve. Computed once per layout and step, and only as far
 * as a search has gone (the searches of a layout share them instead of calling cos and sin again).
 */
class Spiral {
  readonly dx: number[] = [];
  readonly dy: number[] = [];
  readonly r: number[] = [];
  private t = 0;
  private radius = 0;
  private readonly perTurn: number;
  constructor(
    private readonly step: number,
    private readonly aspect: number,
  ) {
    this.perTurn = step / (2 * Math.PI);
  }

  /** Makes sure point `i` exists. */
  reach(i: number): void {
    while (this.r.length <= i) {
      const r = this.radius;
      this.dx.push(r * Math.cos(this.t) * this.aspect);
      this.dy.push(r * Math.sin(this.t));
      this.r.push(r);
      this.t += r > this.step ? this.step / r : 1;
      this.radius = this.perTurn * this.t;
    }
  }
}

/** The rectangle a word occupies, padding included (half on each side). */
function rectOf(x: number, y: number, w: number, h: number, pad: number): Rect {
  return { x1: x - w / 2 - pad / 2, y1: y - h / 2 - pad / 2, x2: x + w / 2 + pad / 2, y2: y + h / 2 + pad / 2 };
}

function sameBox(a: CloudBox, b: CloudBox): boolean {
  return a.width === b.width && a.height === b.height;
}

interface Sized {
  text: string;
  count: number;
  id?: string;
  fontSize: number;
  width: number;
  height: number;
}

export function layoutWordCloud(
  words: readonly CloudWord[],
  measure: MeasureText,
  box: CloudBox,
  previous: CloudLayout | null = null,
  options: Partial<CloudOptions> = {},
): CloudLayout {
  const o: CloudOptions = { ...DEFAULT_CLOUD_OPTIONS, ...options };
  const prev = previous && sameBox(previous.box, box) ? previous : null;
  let scale = prev?.scale ?? o.initialScale;
  const before = new Map((prev?.placements ?? []).map((p) => [idOf(p), p]));
  const aspect = box.width / Math.max(1, box.height);

  // One entry per word (the largest count wins), nothing sent zero times.
  const counts = new Map<string, number>();
  const texts = new Map<string, CloudWord>();
  for (const w of words) {
    if (!(w.count > 0) || w.text === '') continue;
    const id = idOf(w);
    if (w.count >= (counts.get(id) ?? 0)) texts.set(id, w);
    counts.set(id, Math.max(w.count, counts.get(id) ?? 0));
  }

  const sized = (id: string, count: number): Sized => {
    const word = texts.get(id);
    const text = word?.text ?? id;
    let fontSize = wordFontSize(count, o);
    let size = measure(text, fontSize);
    // A long word is never wider than nine tenths of the box at the initial scale.
    const widest = (box.width / o.initialScale) * 0.9;
    if (size.width > widest) {
      fontSize = Math.floor(fontSize * (widest / size.width) * 100) / 100;
      size = measure(text, fontSize);
    }
    return { text, count, ...(word?.id === undefined ? {} : { id: word.id }), fontSize, width: size.width, height: size.height };
  };
  const sizes = new Map([...counts].map(([id, count]) => [id, sized(id, count)]));

  // Zoom out ahead when the words would cover more than `fill` of the box: cheaper than finding
  // out word by word, and the same picture (a zoom keeps every word's place relative to the others).
  let area = 0;
  for (const z of sizes.values()) area += (z.width + o.padding) * (z.height + o.padding);
  if (area > 0) scale = Math.max(o.minScale, Math.min(scale, Math.sqrt((box.width * box.height * o.fill) / area)));

  const placements: WordPlacement[] = [];
  const grid = new BoxGrid(Math.max(16, o.baseSize * 2));
  const put = (s: Sized, x: number, y: number) => {
    placements.push({ ...s, x, y });
    grid.add(rectOf(x, y, s.width, s.height, o.padding));
  };
  const inside = (x: number, y: number, s: Sized) =>
    Math.abs(x) + s.width / 2 <= box.width / 2 / scale && Math.abs(y) + s.height / 2 <= box.height / 2 / scale;
  const free = (x: number, y: number, s: Sized) => {
    if (!inside(x, y, s)) return false;
    const hw = s.width / 2 + o.padding / 2;
    const hh = s.height / 2 + o.padding / 2;
    return !grid.collides(x - hw, y - hh, x + hw, y + hh);
  };

  const spirals = new Map<number, Spiral>();
  /**
   * Where the searches from the centre stopped, by spiral step (that is, by word height), at this
   * scale: a word of the same height that is at least as wide cannot fit before the place a
   * narrower one took (at each earlier point its box contains the narrower one's, which was
   * refused, and boxes are only added) — its search starts there instead of crossing the whole
   * cloud again. The same places as a search from the start, found in a fraction of the tries.
   */
  let resume = new Map<number, { width: number; from: number }[]>();

  /** The first free place on an (elliptic) spiral from (sx, sy) and its index, or null when the world is full. */
  const spiral = (s: Sized, sx: number, sy: number, from: number): { x: number; y: number; i: number } | null => {
    const step = Math.max(2, s.height / 2);
    let points = spirals.get(step);
    if (!points) spirals.set(step, (points = new Spiral(step, aspect)));
    const halfW = box.width / 2 / scale;
    const halfH = box.height / 2 / scale;
    const reach = Math.hypot(halfW / aspect + Math.abs(sx) / aspect, halfH + Math.abs(sy)) + step;
    for (let i = from; ; i += 1) {
      points.reach(i);
      if (points.r[i]! > reach) return null;
      const x = sx + points.dx[i]!;
      const y = sy + points.dy[i]!;
      if (free(x, y, s)) return { x, y, i };
    }
  };

  /** Places a word from (sx, sy), zooming the whole cloud out while it does not fit. */
  const place = (s: Sized, sx: number, sy: number): boolean => {
    const fromCentre = sx === 0 && sy === 0;
    const step = Math.max(2, s.height / 2);
    for (;;) {
      let from = 0;
      if (fromCentre) for (const e of resume.get(step) ?? []) if (e.width <= s.width && e.from > from) from = e.from;
      const at = spiral(s, sx, sy, from);
      if (at) {
        put(s, at.x, at.y);
        if (fromCentre) {
          const list = resume.get(step);
          if (list) list.push({ width: s.width, from: at.i });
          else resume.set(step, [{ width: s.width, from: at.i }]);
        }
        return true;
      }
      const next = scale * o.zoomStep;
      if (next < o.minScale) return false;
      scale = next;
      resume = new Map(); // a zoom opens room at the edges: places refused before may be free now
    }
  };

  // 1. Words already there, unchanged: exactly where they were (they did not overlap).
  const grown: { s: Sized; from: WordPlacement }[] = [];
  for (const p of prev?.placements ?? []) {
    const s = sizes.get(idOf(p));
    if (s === undefined) continue; // gone (banned, merged): its place is free
    if (s.fontSize === p.fontSize && s.text === p.text) put({ ...s, width: p.width, height: p.height }, p.x, p.y);
    else grown.push({ s, from: p });
  }
  // 2. Words whose size (or shown spelling) changed: same centre if it is free, else the nearest free place around it.
  const dropped: string[] = [];
  for (const { s, from } of grown) {
    if (free(from.x, from.y, s)) put(s, from.x, from.y);
    else if (!place(s, from.x, from.y)) dropped.push(s.text);
  }
  // 3. New words, the most frequent first, from the centre.
  const fresh = [...counts].filter(([id]) => !before.has(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [id] of fresh) {
    const s = sizes.get(id);
    if (s && !place(s, 0, 0)) dropped.push(s.text);
  }
  return { box: { ...box }, scale, placements, dropped };
}

/** Where a placed word is drawn in the box (px, top-left origin). */
export function screenRect(
  p: WordPlacement,
  layout: Pick<CloudLayout, 'box' | 'scale'>,
): { left: number; top: number; width: number; height: number; fontSize: number } {
  const { box, scale } = layout;
  return {
    left: box.width / 2 + (p.x - p.width / 2) * scale,
    top: box.height / 2 + (p.y - p.height / 2) * scale,
    width: p.width * scale,
    height: p.height * scale,
    fontSize: p.fontSize * scale,
  };
}
