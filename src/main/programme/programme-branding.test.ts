import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LOGO_BYTES } from '../../shared/domain/event-branding';
import { assetReader } from './asset-reader';
import { ProgrammeFileError, type ProgrammeFileOptions, parseProgrammeFile } from './programme-file';

const dir = mkdtempSync(join(tmpdir(), 'pupitre-branding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
writeFileSync(join(dir, 'logo.svg'), svg);
writeFileSync(join(dir, 'fake.png'), 'pas une image');
writeFileSync(
  join(dir, 'big.png'),
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(MAX_LOGO_BYTES)]),
);

const file = (branding: string) => `version: 1
event:
  name: Assises
  branding:
${branding}
days:
  - date: "2021-06-24"
sessions: []
`;
const read = { readAsset: assetReader(dir, MAX_LOGO_BYTES) };

function errors(text: string, options: ProgrammeFileOptions = read): string[] {
  try {
    parseProgrammeFile(text, 'prog.yaml', options);
  } catch (err) {
    if (err instanceof ProgrammeFileError) return err.issues.map((i) => `ligne ${i.line}, ${i.field} : ${i.message}`);
    throw err;
  }
  return [];
}

describe('the programme file’s branding', () => {
  it('embeds a logo named beside the file as a data: URL', () => {
    const p = parseProgrammeFile(file('    primary: "#261f3a"\n    logo: logo.svg'), 'prog.yaml', read);
    expect(p.event.branding).toEqual({ primary: '#261f3a', logo: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` });
  });

  it('says which line and field is wrong: a colour under WCAG AA, a missing, fake or heavy logo, a path without a folder', () => {
    expect(errors(file('    primary: "#8899aa"'))).toEqual([
      expect.stringMatching(/^ligne 5, event\.branding\.primary : contraste insuffisant/),
    ]);
    expect(errors(file('    logo: absent.svg'))).toEqual([
      'ligne 5, event.branding.logo : logo introuvable à côté du programme : absent.svg',
    ]);
    expect(errors(file('    logo: fake.png'))).toEqual(['ligne 5, event.branding.logo : fake.png n’est ni un PNG, ni un JPEG, ni un SVG']);
    expect(errors(file('    logo: big.png'))).toEqual([
      expect.stringMatching(/^ligne 5, event\.branding\.logo : logo trop lourd : 151 Kio/),
    ]);
    expect(errors(file('    logo: ../outside.svg'))[0]).toMatch(/^ligne 5, event\.branding\.logo : logo : une image PNG, JPEG ou SVG/);
    expect(errors(file('    logo: logo.svg'), {})).toEqual([
      expect.stringMatching(/^ligne 5, event\.branding\.logo : un chemin de logo ne se lit que pour un fichier ouvert depuis le disque/),
    ]);
  });
});
