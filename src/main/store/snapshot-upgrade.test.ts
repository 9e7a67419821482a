import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialProgram } from '../../shared/domain/scene';
import { parseProgrammeFile } from '../programme/programme-file';
import { upgradeSnapshot } from './snapshot-upgrade';
import { SNAPSHOT_FORMAT } from './snapshots';

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
const lastGo = {
  cueId: 'j1-ouverture-participation',
  at: 5,
  chain: ['j1-ouverture-participation'],
  aired: true,
  previewed: false,
  before: { onAir: { kind: 'holding' }, preview: null, interactions: {}, qa: { open: false, since: null, sessionId: null, roomOnly: false }, questions: 0 },
};

describe('snapshots of before rooms', () => {
  it('format 1: the one bus, stage message and last GO become the main room’s', () => {
    const program = { ...initialProgram(), onAir: { kind: 'join' }, take: 3 };
    const up = upgradeSnapshot({ programme: demo, notes: [], program, stageMessage: { text: 'Plus que 5 minutes', at: 9 }, lastGo }, 1);
    expect(up).toEqual({
      programme: demo,
      notes: [],
      programs: { 'grand-auditorium': program },
      stageMessages: { 'grand-auditorium': { text: 'Plus que 5 minutes', at: 9 } },
      lastGos: { 'grand-auditorium': lastGo },
    });
  });

  it('format 1 without a programme, a stage message or a GO: the default room, nothing empty made up', () => {
    const program = initialProgram();
    expect(upgradeSnapshot({ programme: null, program, stageMessage: null, lastGo: null }, 1)).toEqual({
      programme: null,
      programs: { salle: program },
      stageMessages: {},
      lastGos: {},
    });
  });

  it('this format as it is; no step from 0 or from a newer format (the journal alone then)', () => {
    const state = { programs: {}, notes: [] };
    expect(upgradeSnapshot(state, SNAPSHOT_FORMAT)).toBe(state);
    expect(upgradeSnapshot(state, 0)).toBeNull();
    expect(upgradeSnapshot(state, SNAPSHOT_FORMAT + 1)).toBeNull();
  });
});
