import { describe, it, expect } from 'vitest';
import { qrDataUrl } from './use-qr-code';

describe('qrDataUrl', () => {
  it('draws a join address as an SVG data: URL (allowed by the views’ CSP)', async () => {
    const url = await qrDataUrl('http://192.168.1.20:4871/?e=ABC234');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('#000000');
    // A different address, a different picture.
    expect(await qrDataUrl('https://assises.example.org/?e=ABC234')).not.toBe(url);
  });
});
