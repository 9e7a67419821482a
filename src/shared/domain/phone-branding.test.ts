import { describe, expect, it } from 'vitest';
import { MAX } from '../protocol/limits';
import { contrastRatio } from './contrast';
import { brandingSchema } from './event-branding';
import { PHONE_COLOURS, phoneAccentProblem, phoneLook, phonePrimaryProblem, phoneTint } from './phone-branding';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const svgUrl = `data:image/svg+xml;base64,${btoa(svg)}`;
/** A PNG's signature and `n` bytes after it. */
const pngUrl = (n: number) =>
  `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(n).fill(0)))}`;
const NAME = '14es Assises nationales de la protection de l’enfance';

describe('the event’s look on the phones', () => {
  it('takes the demo’s plum, gold and logo whole, and its name', () => {
    const branding = brandingSchema.parse({ primary: '#261f3a', accent: '#f0c05a', logo: svgUrl, logoAlt: 'Assises' });
    expect(phoneLook({ name: NAME, branding })).toEqual({
      branding: { name: NAME, primary: '#261f3a', accent: '#f0c05a', logo: svgUrl, logoAlt: 'Assises' },
      notes: [],
    });
  });

  it('checks the main colour against what the page draws with it: white on it, it on the page, on its tint', () => {
    for (const bg of [PHONE_COLOURS.page, phoneTint('#261f3a')]) expect(contrastRatio('#261f3a', bg)).toBeGreaterThanOrEqual(4.5);
    expect(phonePrimaryProblem('#261f3a')).toBeNull();
    expect(phonePrimaryProblem('#8899aa')).toMatch(/: le texte blanc des boutons sur #8899aa donne 2,9:1, il faut 4,5:1 \(WCAG AA\)$/);
    expect(phonePrimaryProblem('#6a7590')).toMatch(/: #6a7590 en texte sur le fond de la page \(#f3f5f8\) donne 4,2:1/);
    expect(phonePrimaryProblem('#707070')).toBe(
      'couleur principale #707070 non utilisée sur les téléphones : #707070 en texte sur sa teinte pâle (#f1f1f1, réponses choisies) donne 4,3:1, il faut 4,5:1 (WCAG AA)',
    );
  });

  it('leaves out what fails, says why, and keeps the rest', () => {
    // The projector's own checks refuse #707070 already; a look given another way is checked all the same.
    const look = phoneLook({ name: 'Assises "2021" : Nantes', branding: { primary: '#707070', accent: '#f0c05a' } });
    expect(look.branding).toEqual({
      name: 'Assises «\u00a02021\u00a0»\u00a0: Nantes',
      primary: null,
      accent: '#f0c05a',
      logo: null,
      logoAlt: null,
    });
    expect(look.notes).toEqual([expect.stringMatching(/^couleur principale #707070 non utilisée/)]);
  });

  it('checks the accent on the bar it is drawn on: the event’s colour, or the page’s own when that is left out', () => {
    expect(phoneAccentProblem('#f0c05a', '#261f3a')).toBeNull();
    // Light enough for the projector's dark background, not for the phone's blue bar.
    expect(brandingSchema.safeParse({ accent: '#5a8fd6' }).success).toBe(true);
    expect(phoneAccentProblem('#5a8fd6', PHONE_COLOURS.primary)).toBe(
      'accent #5a8fd6 non utilisé sur les téléphones : sur la barre du haut (#1c3d8c) il donne 3:1, il faut 4,5:1 (WCAG AA)',
    );
    const look = phoneLook({ name: 'A', branding: brandingSchema.parse({ accent: '#5a8fd6' }) });
    expect(look.branding.accent).toBeNull();
    expect(look.notes).toHaveLength(1);
  });

  it('keeps a heavy logo, or one that is not what it claims, on the projector only', () => {
    const heavy = pngUrl(MAX.logoBytes);
    const look = phoneLook({ name: 'A', branding: { logo: heavy } });
    expect(look.branding.logo).toBeNull();
    expect(look.notes).toEqual([
      'logo non transmis aux téléphones : 11 Kio, 10 Kio au plus (2 000 téléphones le chargent sur le Wi-Fi du lieu) ; il reste sur le projecteur',
    ]);
    expect(phoneLook({ name: 'A', branding: { logo: pngUrl(1000) } }).branding.logo).toBe(pngUrl(1000));
    const lying = `data:image/png;base64,${btoa(svg)}`;
    expect(phoneLook({ name: 'A', branding: { logo: lying } }).notes).toEqual([
      'logo non transmis aux téléphones : son contenu n’est pas une image PNG',
    ]);
    expect(phoneLook({ name: 'A', branding: { logo: 'logo.svg' } }).notes[0]).toMatch(/seul un logo intégré au programme/);
  });

  it('gives the name alone to an event without a look', () => {
    expect(phoneLook({ name: '  Journée d’étude ' })).toEqual({
      branding: { name: 'Journée d’étude', primary: null, accent: null, logo: null, logoAlt: null },
      notes: [],
    });
  });
});
