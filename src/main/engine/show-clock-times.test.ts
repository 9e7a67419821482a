import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { parseProgrammeFile } from '../programme/programme-file';
import { sessionReportModel } from '../report/session-report-model';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { parseJournalEvent } from './events';
import { rebuildState, RegieEngine } from './regie-engine';

// In rehearsal the desk's times are the show clock's (10:15 on the event's first day), while the
// journal keeps the real time (17:47 on the day of the rehearsal): a question, a note, a delay.

const demo = parseProgrammeFile(
  readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'),
  'assises-2021.yaml',
);
const TZ = 'Europe/Paris';
const REAL = zonedToEpoch({ date: '2026-05-12', time: '17:47' }, TZ);
const SHOW = zonedToEpoch({ date: '2021-06-24', time: '10:15' }, TZ);

let dir: string;
let db: Db;
let engine: RegieEngine;
let realNow = REAL;
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `clock-${String(n++).padStart(6, '0')}`, command }, 'control-1');

/** A question as the hub forwards it: stamped with the hub's real clock. */
async function arrives(text: string, hubSeq: number): Promise<void> {
  const message: AudienceMessage = {
    type: 'question.ask',
    hubSeq,
    msgId: `p${hubSeq}:c1`,
    receivedAt: realNow,
    origin: 'room',
    participantId: `participant-${String(hubSeq).padStart(8, '0')}`,
    text,
    name: null,
    sessionId: 'j1-seq1',
  };
  const r = await engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub', message }], `aud:${message.msgId}`);
  expect(r.ok).toBe(true);
}

beforeEach(async () => {
  realNow = REAL;
  dir = mkdtempSync(join(tmpdir(), 'pupitre-show-clock-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('times in rehearsal', () => {
  it('a question received, one typed in and a note carry the show clock; the journal the real time; a replay derives the same', async () => {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: SHOW } });
    realNow += 30_000; // 10:15:30 on the show clock
    await arrives('Et après 18 ans ?', 1);
    expect(await cmd({ type: 'question.add', text: 'Question du micro', name: null, sessionId: 'j1-seq1' })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'log.note', text: 'Micro 2 HS' })).toMatchObject({ ok: true });

    const [asked, typed] = engine.state.audience.questions;
    expect(asked?.receivedAt).toBe(SHOW + 30_000);
    expect(typed?.receivedAt).toBe(SHOW + 30_000);
    expect(engine.state.notes.at(-1)?.at).toBe(SHOW + 30_000);

    // The journal: the hub's real time in the message, the real time on every row.
    const rows = [...new Journal(db).readAfter(0)];
    const received = rows.map((r) => parseJournalEvent(r.seq, r.payload)).find((e) => e.type === 'audience.received');
    expect(received?.type === 'audience.received' && received.message.receivedAt).toBe(REAL + 30_000);
    expect(rows.at(-1)?.at).toBe(REAL + 30_000);

    // Replayed from the journal alone, with the clock back to live in between: the same times.
    await cmd({ type: 'clock.set', clock: { mode: 'live' } });
    await arrives('Et en direct ?', 2);
    const rebuilt = rebuildState(new Journal(db), null).state;
    expect(rebuilt.audience.questions.map((q) => q.receivedAt)).toEqual([SHOW + 30_000, SHOW + 30_000, REAL + 30_000]);
    expect(rebuilt.notes).toEqual(engine.state.notes);
  });

  it('in live mode the times are the real ones', async () => {
    await arrives('Et après 18 ans ?', 1);
    await cmd({ type: 'log.note', text: 'RAS' });
    expect(engine.state.audience.questions[0]?.receivedAt).toBe(REAL);
    expect(engine.state.notes[0]?.at).toBe(REAL);
  });

  it('the session report gives a delay the show clock’s time it was entered, and the question its own', async () => {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: SHOW } });
    expect(await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 10 })).toMatchObject({ ok: true });
    realNow += 60_000;
    expect(await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 15 })).toMatchObject({ ok: true });
    await arrives('Et après 18 ans ?', 1);
    expect(await cmd({ type: 'question.approve', questionId: engine.state.audience.questions[0]!.id })).toMatchObject({ ok: true });
    const m = sessionReportModel(engine.state, 'j1-seq1');
    expect(m.delays).toEqual([
      { minutes: 10, at: SHOW },
      { minutes: 15, at: SHOW + 60_000 },
    ]);
    expect(m.questions.unanswered[0]?.receivedAt).toBe(SHOW + 60_000);

    // Cleared, then entered again: only the entry in force, at its own time.
    expect(await cmd({ type: 'delay.clear', sessionId: 'j1-seq1' })).toMatchObject({ ok: true });
    realNow += 60_000;
    expect(await cmd({ type: 'delay.set', sessionId: 'j1-seq1', minutes: 5 })).toMatchObject({ ok: true });
    expect(sessionReportModel(engine.state, 'j1-seq1').delays).toEqual([{ minutes: 5, at: SHOW + 120_000 }]);
  });
});
