import { type ReactNode, useRef } from 'react';
import { useFitScale } from '../ui/use-fit-scale';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/**
 * A fixed 1920×1080 composition scaled to fit the window, letterboxed in black: the projector,
 * a browser tab and the stream encoder all see the same picture.
 */
export function Stage({ children }: { children: ReactNode }) {
  const viewport = useRef<HTMLDivElement>(null);
  const scale = useFitScale(viewport, STAGE_WIDTH, STAGE_HEIGHT);
  return (
    <div className="stage-viewport" ref={viewport}>
      <div
        className="stage"
        data-testid="output-stage"
        style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `translate(-50%, -50%) scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
