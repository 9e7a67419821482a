import { useRef, useState } from 'react';
import { useRegie } from '../lib/regie-store';
import { EventLogo } from './EventLogo';
import { useSceneReady } from './scene-ready';
import { codeWords, sceneWords } from '../../shared/domain/scene-words';
import { useFitLevel } from './use-fit-level';
import { useQrImage } from './use-qr-image';

/**
 * How to join: a very large QR code of the participants' address, the address in large
 * monospace, and the event code. Without an address, says so plainly (never an empty QR code).
 * The scene is ready for the projector only once the QR code image has loaded.
 */
export function JoinScene() {
  const chosen = useRegie((s) => s.state?.joinUrl ?? null);
  const offered = useRegie((s) => s.status?.link.joinUrls[0] ?? null);
  const code = useRegie((s) => s.status?.link.eventCode ?? null);
  const url = chosen ?? offered;
  const qr = useQrImage(url);
  const [loaded, setLoaded] = useState<string | null>(null);
  const text = useRef<HTMLDivElement>(null);
  // A long address (a public hub's) gets smaller rather than overflow.
  const fit = useFitLevel(text, 3, url ?? '');
  const src = qr?.status === 'ready' ? qr.src : null;
  useSceneReady(url === null || qr?.status === 'failed' || (src !== null && loaded === src));

  if (url === null) {
    return (
      <main className="scene scene-join scene-join-missing" data-testid="scene-join">
        <p className="scene-title">{sceneWords.join}</p>
        <p className="join-missing" data-testid="join-missing">
          {sceneWords.joinMissing}
        </p>
        <p className="join-hint">{sceneWords.joinMissingHint}</p>
      </main>
    );
  }
  return (
    <main className="scene scene-join" data-testid="scene-join">
      {src && (
        <div className="join-qr">
          <img src={src} alt={sceneWords.qrAlt} data-testid="join-qr" data-loaded={loaded === src} onLoad={() => setLoaded(src)} />
        </div>
      )}
      <div className="join-text" ref={text} data-fit={fit}>
        <p className="scene-title">{sceneWords.join}</p>
        <p className="join-hint">{sceneWords.joinHint}</p>
        <p className="join-url" data-testid="join-url" translate="no">
          {url}
        </p>
        {code && (
          <p className="join-code" data-testid="join-code" translate="no">
            {codeWords(code)}
          </p>
        )}
      </div>
      <EventLogo className="join-logo" />
    </main>
  );
}
