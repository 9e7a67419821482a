import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { RegieEngine } from '../engine/regie-engine';
import { parseProgrammeFile } from '../programme/programme-file';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { stateForRole } from './view-channel';
import { programOf } from '../../shared/api/room-bus';

// The facilitator's tablet shows what is on the projector: it receives the scene on air (a question
// there was approved and cleared, its text is in the scene), never the preview being composed.

const demo = parseProgrammeFile(
  readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'),
  'assises-2021.yaml',
);
let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `stage-${String(n++).padStart(6, '0')}`, command }, 'control-1');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-stage-seat-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db));
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the stage seat and the program bus', () => {
  it('gets the question on air (even off the shortlist), never the preview', async () => {
    const message: AudienceMessage = {
      type: 'question.ask',
      hubSeq: 1,
      msgId: 'p1:c1',
      receivedAt: 1000,
      origin: 'remote',
      participantId: 'participant-00000001',
      text: 'Et après 18 ans ?',
      name: 'Claire',
      sessionId: 'j1-seq1',
    };
    await engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub', message }], 'aud:p1:c1');
    const id = engine.state.audience.questions[0]!.id;
    expect(await cmd({ type: 'question.approve', questionId: id })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Brouillon de la régie' } })).toMatchObject({ ok: true });

    const stage = stateForRole(engine.state, 'stage');
    expect(programOf(stage).onAir).toMatchObject({
      kind: 'question',
      questionId: id,
      text: 'Et après 18 ans ?',
      name: 'Claire',
      origin: 'remote',
    });
    expect(programOf(stage).preview).toBeNull();
    expect(stage.audience.questions).toEqual([]); // not shortlisted: only on air
    expect(programOf(stateForRole(engine.state, 'control')).preview).toMatchObject({ kind: 'message' });
  });
});
