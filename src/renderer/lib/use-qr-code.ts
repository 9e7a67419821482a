import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text` as an SVG data: URL (the views' CSP allows img data:). Black on white, a quiet zone of 2. */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export interface QrImage {
  /** The text this image encodes (the previous one until the new image is ready). */
  text: string;
  src: string;
}

/** The QR code of `text`, made off the render; null until the first one is ready, or for no text. */
export function useQrCode(text: string | null): QrImage | null {
  const [image, setImage] = useState<QrImage | null>(null);
  useEffect(() => {
    if (text === null) return;
    let current = true;
    qrDataUrl(text).then(
      (src) => {
        if (current) setImage({ text, src });
      },
      () => {
        if (current) setImage(null); // too long for a QR code: the address stays written out
      },
    );
    return () => {
      current = false;
    };
  }, [text]);
  return text === null ? null : image;
}
