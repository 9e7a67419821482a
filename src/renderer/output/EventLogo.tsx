import { useState } from 'react';
import { isLogoDataUrl } from '../../shared/domain/event-branding';
import { useRegie } from '../lib/regie-store';
import { useSceneReady } from './scene-ready';

/**
 * The event's logo (programme: event.branding.logo), embedded in the programme as a data: URL.
 * The scene waits for it to be decoded (never shown half-built); a broken image is dropped.
 */
export function EventLogo({ className }: { className: string }) {
  const event = useRegie((s) => s.state?.programme?.event ?? null);
  const logo = event?.branding?.logo;
  const src = logo && isLogoDataUrl(logo) ? logo : null;
  const [settled, setSettled] = useState<{ src: string; ok: boolean } | null>(null);
  useSceneReady(src === null || settled?.src === src);
  if (!src || (settled?.src === src && !settled.ok)) return null;
  return (
    <img
      className={`event-logo ${className}`}
      src={src}
      alt={event?.branding?.logoAlt ?? event?.name ?? ''}
      data-testid="event-logo"
      onLoad={() => setSettled({ src, ok: true })}
      onError={() => setSettled({ src, ok: false })}
    />
  );
}
