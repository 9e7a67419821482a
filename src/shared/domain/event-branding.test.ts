import { describe, expect, it } from 'vitest';
import { brandingSchema, isRelativeLogoPath, sniffLogoType } from './event-branding';

const issues = (input: unknown) => {
  const r = brandingSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('event branding', () => {
  it('accepts a dark main colour and a light accent, lower-cased', () => {
    expect(brandingSchema.parse({ primary: '#261F3A', accent: '#F0C05A' })).toEqual({ primary: '#261f3a', accent: '#f0c05a' });
  });

  it('refuses a main colour too light for the projector’s text, words or bars, naming the colour and the ratio', () => {
    const [light] = issues({ primary: '#8899aa' });
    expect(light).toMatch(/^primary: contraste insuffisant : le texte \(#f4f7fa\) sur #8899aa donne 2,\d:1, il faut 4,5:1/);
    // Dark enough for white text, not for the chart bars.
    expect(issues({ primary: '#3c4a66' })[0]).toMatch(/^primary: contraste insuffisant : (un mot du nuage|une barre de sondage)/);
  });

  it('refuses an accent that would not read on the background', () => {
    expect(issues({ primary: '#261f3a', accent: '#5a4a7a' })[0]).toMatch(
      /^accent: contraste insuffisant : #5a4a7a sur le fond #261f3a donne 1,\d:1/,
    );
    expect(issues({ accent: '#0a3140' })[0]).toMatch(/^accent: contraste insuffisant/);
  });

  it('refuses a colour that is not #rrggbb and a logo that is neither a data: image nor a path beside the file', () => {
    expect(issues({ primary: 'navy' })).toEqual(['primary: couleur #rrggbb attendue (ex. #1d3557)']);
    expect(issues({ logo: 'https://example.org/logo.png' })[0]).toMatch(/^logo: logo : une image PNG, JPEG ou SVG/);
    expect(issues({ logo: 'data:text/html;base64,PGgxPg==' })[0]).toMatch(/^logo:/);
    expect(issues({ logo: 'data:image/svg+xml;base64,PHN2Zz4=' })).toEqual([]);
    expect(isRelativeLogoPath('logos/assises.svg')).toBe(true);
    expect(isRelativeLogoPath('../secret.png')).toBe(false);
    expect(isRelativeLogoPath('/etc/logo.png')).toBe(false);
    expect(isRelativeLogoPath('logo.gif')).toBe(false);
  });

  it('refuses a logo over the size limit', () => {
    expect(issues({ logo: `data:image/png;base64,${'A'.repeat(300_000)}` })[0]).toMatch(/logo trop lourd \(150 Kio au plus\)/);
  });

  it('tells PNG, JPEG and SVG apart from their first bytes', () => {
    expect(sniffLogoType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffLogoType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffLogoType(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffLogoType(new TextEncoder().encode('<html><svg></svg></html>'))).toBe(null);
    expect(sniffLogoType(new TextEncoder().encode('GIF89a'))).toBe(null);
  });
});
