import { describe, expect, it } from 'vitest';
import { participantBrandingSchema, phoneBrandingSchema } from './branding';
import { MAX } from './limits';
import { regieCommandSchema, regieEnvelopeSchema } from './regie-commands';
import { TRANSPORT_LIMIT_BYTES } from './version';

const png = (n: number) =>
  `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, ...new Array<number>(n - 4).fill(7)))}`;
const look = { name: 'Assises', primary: '#261f3a', accent: '#f0c05a', logo: null, logoAlt: null };

describe('the event’s look in the protocol', () => {
  it('takes a logo as a PNG, JPEG or SVG data: URL of at most MAX.logoBytes', () => {
    expect(phoneBrandingSchema.safeParse({ ...look, logo: png(MAX.logoBytes), logoAlt: 'Logo' }).success).toBe(true);
    const over = phoneBrandingSchema.safeParse({ ...look, logo: png(MAX.logoBytes + 1) });
    expect(over.error?.issues[0]?.message).toBe('logo trop lourd pour les téléphones (10 Kio au plus)');
    for (const logo of [
      'data:image/gif;base64,R0lGOD==',
      'https://example.org/logo.png',
      'branding/logo-0123456789abcdef.png',
      'data:image/png;base64,@@@@',
    ]) {
      expect(phoneBrandingSchema.safeParse({ ...look, logo }).success, logo).toBe(false);
    }
  });

  it('takes colours as #rrggbb and names within their limits', () => {
    expect(phoneBrandingSchema.safeParse({ ...look, primary: 'plum' }).success).toBe(false);
    expect(phoneBrandingSchema.safeParse({ ...look, name: 'x'.repeat(MAX.eventName + 1) }).success).toBe(false);
    expect(phoneBrandingSchema.safeParse({ ...look, name: ' ' }).success).toBe(false);
  });

  it('fits the largest `branding.set` in one message the hub takes', () => {
    const command = {
      type: 'branding.set',
      branding: {
        name: 'é'.repeat(MAX.eventName),
        primary: '#261f3a',
        accent: '#f0c05a',
        logo: png(MAX.logoBytes),
        logoAlt: 'é'.repeat(MAX.logoAlt),
      },
    };
    expect(regieCommandSchema.safeParse(command).success).toBe(true);
    const envelope = { seq: Number.MAX_SAFE_INTEGER, command };
    expect(regieEnvelopeSchema.safeParse(envelope).success).toBe(true);
    // socket.io frames it as 42/regie,N["command",{…}]: a few dozen bytes more.
    expect(new TextEncoder().encode(JSON.stringify(['command', envelope])).length + 64).toBeLessThan(TRANSPORT_LIMIT_BYTES);
  });

  it('gives the phones the logo’s address under branding/, nothing else', () => {
    expect(participantBrandingSchema.safeParse({ ...look, logo: 'branding/logo-0123456789abcdef.svg' }).success).toBe(true);
    for (const logo of [
      '../etc/passwd',
      'branding/logo-0123456789abcdef.svg?x',
      '/branding/logo-0123456789abcdef.svg',
      'data:image/png;base64,AAAA',
    ]) {
      expect(participantBrandingSchema.safeParse({ ...look, logo }).success, logo).toBe(false);
    }
  });
});
