import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Scene } from '../../../shared/domain/scene';
import { brandingStyle } from '../../output/branding-style';
import { useRegie } from '../../lib/regie-store';
import { SceneView } from '../../output/SceneView';
import { STAGE_HEIGHT, STAGE_WIDTH } from '../../output/Stage';
import outputCss from '../../output/output.css?inline';
import programCss from '../../output/output-program.css?inline';
import scenesCss from '../../output/output-scenes.css?inline';
import pollCss from '../../output/output-poll.css?inline';
import cloudCss from '../../output/output-cloud.css?inline';
import { useFitScale } from '../../ui/use-fit-scale';

/**
 * The output's own stylesheets, for a shadow root: its `:root` variables on the host, and its
 * page rules (html, body: no cursor, no scroll) left out of the desk, since a shadow root has neither.
 */
const STAGE_CSS = [outputCss, programCss, scenesCss, pollCss, cloudCss].join('\n').replace(/:root\b/g, ':host');

let sheet: CSSStyleSheet | null = null;
function stageSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STAGE_CSS);
  }
  return sheet;
}

/**
 * A scene drawn exactly as the projector draws it (the output's SceneView and stylesheets, in a
 * shadow root so that neither page's styles leak into the other), on a 1920×1080 stage scaled
 * down to the box. Not interactive, hidden from assistive technology (the panel says it in words).
 */
export function ScenePreview({ scene }: { scene: Scene }) {
  const box = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  const scale = useFitScale(box, STAGE_WIDTH, STAGE_HEIGHT);
  const branding = brandingStyle(useRegie((s) => s.state?.programme?.event.branding));
  useLayoutEffect(() => {
    const h = host.current;
    if (!h) return;
    const r = h.shadowRoot ?? h.attachShadow({ mode: 'open' });
    r.adoptedStyleSheets = [stageSheet()];
    setRoot(r);
  }, []);
  return (
    <div className="preview-box" ref={box}>
      <div className="preview-host" ref={host} aria-hidden="true" inert />
      {root &&
        createPortal(
          <div
            className="stage stage-projector"
            data-testid="preview-stage"
            data-scene={scene.kind}
            style={{
              ...branding,
              width: STAGE_WIDTH,
              height: STAGE_HEIGHT,
              left: 0,
              top: 0,
              transformOrigin: '0 0',
              transform: `scale(${scale})`,
              // Black is drawn by the output's layer behind it: here, the stage itself.
              ...(scene.kind === 'black' ? { background: '#000' } : {}),
            }}
          >
            <SceneView scene={scene} mode="projector" />
          </div>,
          root,
        )}
    </div>
  );
}
