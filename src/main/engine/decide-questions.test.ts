import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { hubCommandsFor } from '../link/hub-commands';
import { stateForRole } from '../server/view-channel';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import type { RegieEvent } from './events';
import { rebuildState, RegieEngine } from './regie-engine';
import { stageMessageOf } from '../../shared/api/room-bus';

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
let hubSeq = 0;
const sent: unknown[] = [];
const cmd = (command: unknown, seat = 'control-1') => engine.submit({ id: `q-cmd-${String(n++).padStart(6, '0')}`, command }, seat);

/** A question as the hub would forward it. */
async function arrives(text: string, origin: 'room' | 'remote' = 'room', name: string | null = null): Promise<string> {
  hubSeq += 1;
  const message: AudienceMessage = {
    type: 'question.ask',
    hubSeq,
    msgId: `p${hubSeq}:c1`,
    receivedAt: 1000 + hubSeq,
    origin,
    participantId: `participant-${String(hubSeq).padStart(8, '0')}`,
    text,
    name,
    sessionId: 'j1-seq1',
  };
  await engine.submitSystem(
    'audience',
    // The older shape of the event (flags as kind and match): still read, located in the text.
    () => [{ type: 'audience.received', hubId: 'hub', message, flags: /Zoé/.test(text) ? [{ kind: 'name', match: 'Zoé' }] : [] }],
    `aud:${message.msgId}`,
  );
  return engine.state.audience.questions.at(-1)!.id;
}
const q = (id: string) => engine.state.audience.questions.find((x) => x.id === id)!;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-questions-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  sent.length = 0;
  engine = new RegieEngine(new Journal(db), new Snapshots(db), {
    onEvent: (e: RegieEvent, after) => sent.push(...hubCommandsFor(e, after)),
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('screening questions', () => {
  it('approve publishes to the phones; reject withdraws; the seat is recorded', async () => {
    const id = await arrives('Quels moyens pour les jeunes majeurs ?');
    expect(q(id)).toMatchObject({ status: 'incoming', published: false });
    expect(await cmd({ type: 'question.approve', questionId: id }, 'control-2')).toMatchObject({ ok: true });
    expect(q(id)).toMatchObject({ status: 'approved', published: true, lastActionBy: 'control-2' });
    expect(sent.at(-1)).toEqual({ type: 'question.publish', questionId: id, text: 'Quels moyens pour les jeunes majeurs ?', name: null, room: 'salle' });
    await cmd({ type: 'question.reject', questionId: id });
    expect(q(id)).toMatchObject({ status: 'rejected', published: false });
    expect(sent.at(-1)).toEqual({ type: 'question.withdraw', questionId: id, room: 'salle' });
  });

  it('a flagged question is neither published nor projectable until a moderator clears it', async () => {
    const id = await arrives('Ma fille Zoé a été placée, pourquoi ?');
    await cmd({ type: 'question.approve', questionId: id });
    expect(q(id)).toMatchObject({ status: 'approved', published: false });
    expect(sent.at(-1)).toEqual({ type: 'question.withdraw', questionId: id, room: 'salle' });
    await cmd({ type: 'question.clear-flags', questionId: id }, 'control-2');
    expect(q(id)).toMatchObject({ flagsClearedBy: 'control-2', published: true });
  });

  it('an edit keeps the original; the phones get the edited text', async () => {
    const id = await arrives('quels moyen pour les jeune majeur');
    await cmd({ type: 'question.approve', questionId: id });
    await cmd({ type: 'question.edit', questionId: id, text: 'Quels moyens pour les jeunes majeurs ?' });
    expect(q(id)).toMatchObject({ text: 'quels moyen pour les jeune majeur', editedText: 'Quels moyens pour les jeunes majeurs ?' });
    expect(sent.at(-1)).toMatchObject({ type: 'question.publish', text: 'Quels moyens pour les jeunes majeurs ?' });
  });

  it('an edit that brings in a phone number or a name flags the question again, and withdraws it from the phones', async () => {
    const id = await arrives('Que devient la famille après le placement ?');
    await cmd({ type: 'question.approve', questionId: id });
    expect(q(id)).toMatchObject({ flags: [], published: true });
    await cmd({ type: 'question.edit', questionId: id, text: 'Que devient la famille après le placement ? Appelez le 06 12 34 56 78' });
    expect(q(id).flags).toEqual([expect.objectContaining({ kind: 'phone' })]);
    expect(q(id)).toMatchObject({ published: false, flagsClearedBy: null });
    expect(sent.at(-1)).toEqual({ type: 'question.withdraw', questionId: id, room: 'salle' });
    // Cleared, then edited again with the same number: nothing new to read, the clearance holds.
    await cmd({ type: 'question.clear-flags', questionId: id });
    await cmd({ type: 'question.edit', questionId: id, text: 'Que devient la famille ? Appelez le 06 12 34 56 78' });
    expect(q(id)).toMatchObject({ published: true, flagsClearedBy: 'control-1' });
    expect(q(id).flags).toHaveLength(1);
  });

  it('merge adds askers and votes up and withdraws the merged one', async () => {
    const a = await arrives('Quels moyens pour les jeunes majeurs ?');
    const b = await arrives('Les jeunes majeurs : quels moyens ?', 'remote');
    await cmd({ type: 'question.approve', questionId: a });
    await cmd({ type: 'question.approve', questionId: b });
    expect(await cmd({ type: 'question.merge', questionId: b, intoId: a })).toMatchObject({ ok: true });
    expect(q(a)).toMatchObject({ askers: 2 });
    expect(q(b)).toMatchObject({ status: 'merged', mergedInto: a, published: false });
    expect(await cmd({ type: 'question.approve', questionId: b })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('fusionnée') },
    });
    expect(await cmd({ type: 'question.merge', questionId: a, intoId: a })).toMatchObject({ ok: false });
  });

  it('stars build an ordered shortlist that can be reordered', async () => {
    const [a, b, c] = [await arrives('Un ?'), await arrives('Deux ?'), await arrives('Trois ?')];
    for (const id of [a, b, c]) await cmd({ type: 'question.star', questionId: id, starred: true });
    expect(q(a).status).toBe('approved'); // starring approves
    await cmd({ type: 'question.move', questionId: c, beforeId: a });
    const order = engine.state.audience.questions
      .filter((x) => x.rank !== null)
      .sort((x, y) => x.rank! - y.rank!)
      .map((x) => x.id);
    expect(order).toEqual([c, a, b]);
    await cmd({ type: 'question.reject', questionId: a });
    expect(q(a).rank).toBeNull(); // a rejected question leaves the shortlist
  });

  it('types a question in from the desk, flagged like the others', async () => {
    expect(
      await cmd({ type: 'question.add', text: 'Au micro : mon fils Enzo attend une famille', name: null, sessionId: 'j1-seq1' }),
    ).toMatchObject({ ok: true });
    const typed = engine.state.audience.questions.at(-1)!;
    expect(typed).toMatchObject({ origin: 'regie', msgId: null, flags: [{ field: 'text', kind: 'given-name', start: 20, end: 24, match: 'Enzo' }] });
  });

  it('marks answered and back; the journal replays to the same screening', async () => {
    const id = await arrives('Et après 18 ans ?');
    await cmd({ type: 'question.answered', questionId: id, answered: true });
    expect(q(id).status).toBe('answered');
    await cmd({ type: 'question.answered', questionId: id, answered: false });
    expect(q(id).status).toBe('approved');
    expect(rebuildState(new Journal(db), null).state.audience).toEqual(engine.state.audience);
  });
});

describe('what each seat receives', () => {
  it('the stage tablet gets the shortlist that could be projected; the projector no question at all', async () => {
    const ok = await arrives('Et après 18 ans ?');
    const flagged = await arrives('Ma fille Zoé attend, pourquoi ?');
    const waiting = await arrives('Pas encore trié ?');
    await cmd({ type: 'question.star', questionId: ok, starred: true });
    await cmd({ type: 'question.star', questionId: flagged, starred: true }); // starred but still flagged
    await cmd({ type: 'stage.message', text: 'Plus que 5 minutes' });
    const stage = stateForRole(engine.state, 'stage');
    expect(stage.audience.questions.map((x) => x.id)).toEqual([ok]);
    expect(stageMessageOf(stage)).toMatchObject({ text: 'Plus que 5 minutes' });
    expect(stage.notes).toEqual([]);
    expect(stateForRole(engine.state, 'output').audience.questions).toEqual([]);
    expect(stateForRole(engine.state, 'control').audience.questions.map((x) => x.id)).toEqual([ok, flagged, waiting]);
  });
});

describe('patches of the audience slice', () => {
  it('carry only the questions that changed, and rebuild the same list on the view', async () => {
    const { audienceOps } = await import('../server/view-channel');
    const { applyPatchOps } = await import('../../shared/api/apply-patch');
    const ids = [];
    for (let i = 0; i < 50; i += 1) ids.push(await arrives(`Question ${i} ?`));
    const before = engine.state;
    await cmd({ type: 'question.approve', questionId: ids[10]! });
    const fresh = await arrives('Une nouvelle ?');
    const ops = audienceOps(before.audience, engine.state.audience);
    const upsert = ops.find((o) => o.op === 'questions-upsert');
    expect(upsert && upsert.op === 'questions-upsert' ? upsert.items.map((q) => q.id) : []).toEqual([ids[10], fresh]);
    const viewBefore = stateForRole(before, 'control');
    expect(applyPatchOps(viewBefore, ops).audience).toEqual(stateForRole(engine.state, 'control').audience);
  });
});

describe('text typed at the desk', () => {
  it('is cleaned like the audience’s: no bidi override, zero-width or control characters', async () => {
    await cmd({ type: 'question.add', text: 'Au micro\u202E : quels\u200B moyens ?\u0007', name: ' Inès\u202E ', sessionId: null });
    expect(engine.state.audience.questions.at(-1)).toMatchObject({ text: 'Au micro : quels moyens ?', name: 'Inès' });
    expect(await cmd({ type: 'question.add', text: '\u200B\u202E', name: null, sessionId: null })).toMatchObject({ ok: false });
    await cmd({ type: 'stage.message', text: 'Plus que\u202E 5 minutes' });
    expect(stageMessageOf(engine.state)?.text).toBe('Plus que 5 minutes');
  });
});
