import { type RefObject, useLayoutEffect, useState } from 'react';

/** The scale at which a fixed-size box (e.g. a 1920×1080 stage) fits inside `ref`'s element. */
export function useFitScale(ref: RefObject<HTMLElement | null>, width: number, height: number): number {
  const [scale, setScale] = useState(() =>
    typeof window === 'undefined' ? 1 : Math.min(window.innerWidth / width, window.innerHeight / height),
  );
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) setScale(Math.min(r.width / width, r.height / height));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, width, height]);
  return scale;
}
