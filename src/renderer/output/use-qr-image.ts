import { useEffect, useState } from 'react';
import { qrDataUrl } from '../lib/use-qr-code';

/** The QR code of `text` for the projector: pending, then its image, or failed (too long to encode). */
export type QrState = { status: 'pending' } | { status: 'ready'; src: string } | { status: 'failed' };

export function useQrImage(text: string | null): QrState | null {
  const [state, setState] = useState<{ text: string; qr: QrState } | null>(null);
  useEffect(() => {
    if (text === null) return;
    let current = true;
    qrDataUrl(text).then(
      (src) => current && setState({ text, qr: { status: 'ready', src } }),
      () => current && setState({ text, qr: { status: 'failed' } }),
    );
    return () => {
      current = false;
    };
  }, [text]);
  if (text === null) return null;
  return state?.text === text ? state.qr : { status: 'pending' };
}
