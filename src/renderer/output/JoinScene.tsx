import { useRef, useState } from 'react';
import { useRegie } from '../lib/regie-store';
import { EventLogo } from './EventLogo';
import { useSceneReady } from './scene-ready';
import { codeWords, sceneWords } from '../../shared/domain/scene-words';
import { useFitLevel } from './use-fit-level';
import { useQrImage } from './use-qr-image';
import { roomJoinUrl } from '../../shared/domain/join-address';

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
  // The QR code carries this screen's room and its key of the moment (a new one every 5 minutes):
  // scanned here, a phone is « dans la salle ». The address written out stays the plain one.
  const presence = useRegie((s) => s.presence);
  const qrText = url !== null && presence ? roomJoinUrl(url, presence, code) : url;
  const qr = useQrImage(qrText);
  const [loaded, setLoaded] = useState<string | null>(null);
  const text = useRef<HTMLDivElement>(null);
  // A long address (a public hub's) gets smaller rather than overflow.
  const fit = useFitLevel(text, 3, url ?? '');
  // When the key turns, the code of the same address stays up until the new one is drawn (the
  // previous key holds 5 more minutes): the QR code never blinks off the screen.
  const [lastReady, setLastReady] = useState<{ url: string; src: string; text: string } | null>(null);
  if (qr?.status === 'ready' && url !== null && qrText !== null && lastReady?.src !== qr.src) setLastReady({ url, src: qr.src, text: qrText });
  const held = qr?.status === 'pending' && lastReady?.url === url ? lastReady : null;
  const src = qr?.status === 'ready' ? qr.src : (held?.src ?? null);
  const shownText = held ? held.text : qrText;
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
          <img src={src} alt={sceneWords.qrAlt} data-testid="join-qr" data-qr-text={shownText ?? ''} data-loaded={loaded === src} onLoad={() => setLoaded(src)} />
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
