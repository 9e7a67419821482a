import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PhoneBranding } from '../shared/protocol/branding';
import { applyRegieCommand, emptyBoard, loadBoard } from './board';
import { brandingProblem, logoFile, participantBranding, toBoardBranding } from './branding';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
const hash = createHash('sha256').update(svg).digest('hex').slice(0, 16);
const look: PhoneBranding = {
  name: '14es Assises',
  primary: '#261f3a',
  accent: '#f0c05a',
  logo: `data:image/svg+xml;base64,${svg.toString('base64')}`,
  logoAlt: 'Assises',
};

describe('the event’s look at the hub', () => {
  it('keeps the logo’s bytes under their hash and gives the phones its address', () => {
    const board = applyRegieCommand(emptyBoard, { type: 'branding.set', branding: look }, 0, () => 0);
    expect(board.ops).toEqual([]); // never a patch op: an older page would refuse the whole patch
    expect(participantBranding(board.board.branding)).toEqual({
      name: '14es Assises',
      primary: '#261f3a',
      accent: '#f0c05a',
      logo: `branding/logo-${hash}.svg`,
      logoAlt: 'Assises',
    });
    expect(logoFile(board.board.branding, `branding/logo-${hash}.svg`)).toEqual({ mime: 'image/svg+xml', bytes: svg });
    const cleared = applyRegieCommand(board.board, { type: 'branding.set', branding: null }, 0, () => 0);
    expect(participantBranding(cleared.board.branding)).toBeNull();
  });

  it('serves the current logo’s exact name only', () => {
    const b = toBoardBranding(look);
    for (const path of [
      `branding/logo-${hash}.png`,
      'branding/logo-0000000000000000.svg',
      `branding/logo-${hash}.svg/..`,
      '../hub.sqlite3',
      `/branding/logo-${hash}.svg`,
    ]) {
      expect(logoFile(b, path), path).toBeNull();
    }
    expect(logoFile(null, `branding/logo-${hash}.svg`)).toBeNull();
    expect(logoFile(toBoardBranding({ ...look, logo: null }), `branding/logo-${hash}.svg`)).toBeNull();
  });

  it('refuses colours the phone page cannot use and bytes that are not the image they claim', () => {
    expect(brandingProblem(look)).toBeNull();
    expect(brandingProblem({ ...look, primary: '#8899aa' })).toMatchObject({ code: 'invalid', field: 'branding.primary' });
    expect(brandingProblem({ ...look, primary: null, accent: '#5a8fd6' })).toMatchObject({ code: 'invalid', field: 'branding.accent' });
    expect(brandingProblem({ ...look, logo: `data:image/png;base64,${svg.toString('base64')}` })).toEqual({
      code: 'invalid',
      message: 'logo : le contenu n’est pas une image PNG',
      field: 'branding.logo',
    });
  });

  it('reads a board saved before the look existed, and one saved with it', () => {
    const old = JSON.stringify({ ...emptyBoard, branding: undefined });
    expect(loadBoard(old)).toEqual({ board: { ...emptyBoard, branding: null }, problem: null });
    const saved = applyRegieCommand(emptyBoard, { type: 'branding.set', branding: look }, 0, () => 0).board;
    expect(loadBoard(JSON.stringify(saved))).toEqual({ board: saved, problem: null });
  });
});
