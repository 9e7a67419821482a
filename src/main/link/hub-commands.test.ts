import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialState, type RegieState } from '../../shared/api/state';
import { parseProgrammeFile } from '../programme/programme-file';
import { brandingCommand, brandingResync, hubCommandsFor, withoutRepeatedBranding } from './hub-commands';

const demo = parseProgrammeFile(
  readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'),
  'assises-2021.yaml',
);
const withDemo: RegieState = { ...initialState(), programme: demo };

describe('the event’s look in the régie’s commands to the hub', () => {
  it('goes with every programme loaded or edited: the demo’s name, plum, gold and logo', () => {
    const [command] = hubCommandsFor({ type: 'programme.loaded', programme: demo }, withDemo);
    expect(command).toEqual({
      type: 'branding.set',
      branding: {
        name: '14es Assises nationales de la protection de l’enfance',
        primary: '#261f3a',
        accent: '#f0c05a',
        logo: demo.event.branding?.logo,
        logoAlt: 'Assises nationales de la protection de l’enfance',
      },
    });
    expect(hubCommandsFor({ type: 'programme.edited', programme: demo, change: 'cue' }, withDemo)).toEqual([command]);
  });

  it('is left out when the outbox last sent the same look (an edit of a cue)', () => {
    const same = JSON.stringify(brandingCommand(withDemo));
    const commands = [brandingCommand(withDemo), { type: 'qa.close' as const }];
    expect(withoutRepeatedBranding(commands, () => same)).toEqual([{ type: 'qa.close' }]);
    expect(withoutRepeatedBranding(commands, () => null)).toEqual(commands);
  });

  it('is sent at start when the journal never sent it (written before the phones had a look), and only then', () => {
    expect(brandingResync(withDemo, null)).toEqual(brandingCommand(withDemo));
    expect(brandingResync(withDemo, JSON.stringify(brandingCommand(withDemo)))).toBeNull();
    expect(brandingResync(initialState(), null)).toBeNull();
    expect(brandingResync(initialState(), JSON.stringify(brandingCommand(withDemo)))).toEqual({ type: 'branding.set', branding: null });
  });
});
