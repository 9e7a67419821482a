import { type ReactNode, useRef } from 'react';
import { useFitScale } from '../ui/use-fit-scale';
import { useRegie } from '../lib/regie-store';
import { brandingStyle } from './branding-style';
import type { OutputMode } from './output-mode';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/**
 * A fixed 1920×1080 composition scaled to fit the window, letterboxed in black: the projector,
 * a browser tab and the stream encoder all see the same picture. In `obs` mode the stage and the
 * letterbox are transparent (the encoder's picture shows through).
 */
export function Stage({
  children,
  mode = 'projector',
  data,
}: {
  children: ReactNode;
  mode?: OutputMode;
  /** data-* attributes that say what the stage shows. */
  data?: Record<`data-${string}`, string>;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const scale = useFitScale(viewport, STAGE_WIDTH, STAGE_HEIGHT);
  const branding = brandingStyle(useRegie((s) => s.state?.programme?.event.branding));
  return (
    <div className={`stage-viewport stage-viewport-${mode}`} ref={viewport}>
      <div
        className={`stage stage-${mode}`}
        data-testid="output-stage"
        data-mode={mode}
        {...data}
        style={{ ...branding, width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `translate(-50%, -50%) scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
