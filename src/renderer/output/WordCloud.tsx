import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  type CloudBox,
  type CloudLayout,
  type CloudWord,
  layoutWordCloud,
  type MeasureText,
  screenRect,
} from '../../shared/domain/word-cloud-layout';
import { wordColour } from '../../shared/domain/palette';
import { useSceneReady } from './scene-ready';
import { canvasMeasure } from './use-text-measure';

/**
 * The last layout of each cloud (by cloud and box), shared by the layers of this page: a TAKE of
 * the cloud that is already on air, or a preview of it, finds the words where they were.
 */
const layouts = new Map<string, CloudLayout>();

interface Frame {
  box: CloudBox;
  measure: MeasureText;
}

/**
 * The words of a cloud, absolutely positioned where the layout put them (word-cloud-layout.ts).
 * The box and the font are read from the page once laid out; the layer waits for them.
 */
export function WordCloud({ cloudId, words }: { cloudId: string; words: CloudWord[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState<Frame | null>(null);
  // Words there at the first picture are drawn as they are; later ones fade in.
  const [initial] = useState(() => new Set(words.map((w) => w.id ?? w.text)));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Stage pixels (offset sizes ignore the stage's scale transform).
    const box = { width: el.offsetWidth, height: el.offsetHeight };
    const style = getComputedStyle(el);
    setFrame((f) =>
      f && f.box.width === box.width && f.box.height === box.height
        ? f
        : { box, measure: canvasMeasure(style.fontWeight, style.fontFamily) },
    );
  }, []);

  const key = frame ? `${cloudId}|${frame.box.width}x${frame.box.height}` : null;
  const layout = useMemo(
    () => (frame && key ? layoutWordCloud(words, frame.measure, frame.box, layouts.get(key) ?? null) : null),
    [frame, key, words],
  );
  useLayoutEffect(() => {
    if (key && layout) layouts.set(key, layout);
  }, [key, layout]);
  useSceneReady(layout !== null);

  return (
    <div className="cloud-words" ref={ref} data-testid="cloud-words" data-words={layout?.placements.length ?? 0}>
      {layout?.placements.map((p) => {
        const r = screenRect(p, layout);
        return (
          <span
            key={p.id ?? p.text}
            className={initial.has(p.id ?? p.text) ? 'cloud-word' : 'cloud-word cloud-word-new'}
            data-testid="cloud-word"
            data-count={p.count}
            style={{ left: r.left, top: r.top, fontSize: r.fontSize, color: wordColour(p.text) }}
          >
            {p.text}
          </span>
        );
      })}
    </div>
  );
}
