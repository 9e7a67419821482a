import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page, TestInfo } from '@playwright/test';
import { newParticipantId, participantSocket, TestParticipant } from '../../src/hub/testing/clients';
import type { JoinAck } from '../../src/shared/protocol/audience-state';
import type { Ack } from '../../src/shared/protocol/errors';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { type CoreFixture, test, expect } from './fixtures';

// A flash poll live, end to end: 200 simulated participants (socket.io clients, as the phones'
// page talks) vote through the core's embedded hub, some change their mind; the projector's bars
// must match the tally recomputed here from the régie's SQLite journal (its `poll.vote` audience
// events, latest vote per participant), independently of the reducer. Results stay hidden on the
// projector and on the phones until revealed, and can be hidden again.

const POLL = 'charge-de-travail'; // 4 options, hideResultsUntilReveal in the demo programme
const OPTIONS = 4;
const PEOPLE = 200;
const CHANGERS = 40;

interface Desk {
  cmd: (command: unknown) => Promise<void>;
  state: () => ViewState;
  close: () => void;
}

async function openDesk(core: Pick<CoreFixture, 'port' | 'tokens'>): Promise<Desk> {
  const seat = connectView(core.port, core.tokens.control);
  let state = (await nextSnapshot(seat)).state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  const prefix = randomBytes(4).toString('hex');
  let n = 0;
  return {
    cmd: async (command) =>
      expect(await send(seat, { id: `poll-live-${prefix}-${n++}`, command }), JSON.stringify(command)).toMatchObject({ ok: true }),
    state: () => state,
    close: () => seat.close(),
  };
}

interface JournalTally {
  counts: { room: number; remote: number }[];
  voters: { room: number; remote: number };
  votes: number;
}

/** The tally from the journal itself: every `poll.vote` of the poll, in journal order, the latest per participant. */
function tallyFromJournal(dataDir: string): JournalTally {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        "SELECT payload FROM journal WHERE type = 'audience.received' AND json_extract(payload, '$.message.type') = 'poll.vote' AND json_extract(payload, '$.message.pollId') = ? ORDER BY seq",
      )
      .pluck()
      .all(POLL) as string[];
    const latest = new Map<string, { origin: 'room' | 'remote'; choices: number[] }>();
    for (const payload of rows) {
      const m = (JSON.parse(payload) as { message: { participantId: string; origin: 'room' | 'remote'; choices: number[] } }).message;
      latest.set(m.participantId, { origin: m.origin, choices: m.choices });
    }
    const counts = Array.from({ length: OPTIONS }, () => ({ room: 0, remote: 0 }));
    const voters = { room: 0, remote: 0 };
    for (const v of latest.values()) {
      voters[v.origin] += 1;
      for (const c of v.choices) counts[c]![v.origin] += 1;
    }
    return { counts, voters, votes: rows.length };
  } finally {
    db.close();
  }
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// Every simulated participant comes from 127.0.0.1, and the embedded hub allows an address 50
// messages a second (burst 100): messages go by rounds of 40 a second, and one refused for the
// rate (nothing stored) is sent again.
const ROUND = 40;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function politely<T extends { ok: boolean }>(send: () => Promise<T>, rateLimited: (r: T) => boolean): Promise<T> {
  for (;;) {
    const r = await send();
    if (!rateLimited(r)) return r;
    await pause(300);
  }
}

async function inRounds<T, R>(items: readonly T[], each: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += ROUND) {
    const started = Date.now();
    out.push(...(await Promise.all(items.slice(i, i + ROUND).map((item, k) => each(item, i + k)))));
    if (i + ROUND < items.length) await pause(Math.max(0, 1000 - (Date.now() - started)));
  }
  return out;
}

const isRateLimited = (a: Ack | JoinAck) => !a.ok && a.error.code === 'rate_limited';

/** Joins `count` participants; one in four is remote. */
function joinMany(core: CoreFixture, code: string, count: number): Promise<TestParticipant[]> {
  return inRounds(
    Array.from({ length: count }, (_, i) => i),
    async (i) => {
      const p = new TestParticipant(participantSocket(core.hubPort!), newParticipantId(), i % 4 === 0 ? 'remote' : 'room', code);
      const ack = await politely(() => p.rejoin(), isRateLimited);
      if (!ack.ok) throw new Error(`join refusé : ${ack.error.message}`);
      return p;
    },
  );
}

test('200 participants vote live: the projector’s bars match the journal; reveal, hide, reveal again', async ({
  page,
  browser,
  core,
}, testInfo) => {
  test.setTimeout(180_000);
  const desk = await openDesk(core);
  const code = new URL(core.joinUrls[0]!).searchParams.get('e')!;
  await page.goto(core.outputUrl);
  await expect(page.getByTestId('output-stage')).toHaveAttribute('data-state', 'idle');

  // A phone page too, in Chromium: what a participant sees of the results.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(core.joinUrls[0]!);
  await phone.getByTestId('join-room').click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');

  const people = await joinMany(core, code, PEOPLE);
  await desk.cmd({ type: 'interaction.open', interactionId: POLL });
  await Promise.all(people.map((p) => expect.poll(() => p.state?.interaction?.id).toBe(POLL)));
  await desk.cmd({ type: 'program.preview', scene: { kind: 'poll', interactionId: POLL } });
  await desk.cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
  await expect(page.getByTestId('output-stage')).toHaveAttribute('data-scene', 'poll');
  await expect(page.getByTestId('output-stage')).toHaveAttribute('data-state', 'idle');

  // Everyone votes (a spread that is not uniform), then some change their mind.
  const first = (i: number) => (i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 < 6 ? 2 : 3);
  const acks = await inRounds(people, (p, i) => politely(() => p.vote(POLL, [first(i)]), isRateLimited));
  expect(acks.every((a) => a.ok)).toBe(true);
  const changed = await inRounds(people.slice(0, CHANGERS), (p, i) =>
    politely(() => p.vote(POLL, [(first(i) + 1 + (i % 3)) % OPTIONS]), isRateLimited),
  );
  expect(changed.every((a) => a.ok)).toBe(true);
  await expect.poll(() => tallyFromJournal(core.dataDir).votes, { message: 'every vote journaled' }).toBe(PEOPLE + CHANGERS);

  // Hidden until revealed: the projector shows the number of responses, no bar; the phones no result.
  await expect(page.getByTestId('poll-hidden')).toHaveText('Résultats à venir');
  await expect(page.getByTestId('poll-voters')).toHaveText(`${PEOPLE}\u00a0réponses`);
  await expect(page.getByTestId('poll-bars')).toHaveCount(0);
  expect(people.every((p) => p.state?.results === null)).toBe(true);
  await expect(phone.getByTestId('results')).toHaveCount(0);
  await shot(page, testInfo, 'poll-live-hidden');

  // The desk's participation: voters against the participants connected to the hub (200 + the phone page).
  const control = await browser.newPage();
  await control.goto(core.controlUrl);
  await control.getByTestId('audience-indicator').click();
  const participation = control.getByTestId('poll-participation');
  await expect(participation).toHaveAttribute('data-voters', String(PEOPLE));
  await expect(participation).toHaveAttribute('data-connected', String(PEOPLE + 1));
  await expect(participation).toContainText(`Participation\u00a0: 100\u202f% des ${PEOPLE + 1} connectés`);
  await control.screenshot({ path: testInfo.outputPath('desk-participation.png') });
  await control.close();

  // Revealed: the bars, their counts and percentages are the journal's.
  await desk.cmd({ type: 'interaction.reveal', interactionId: POLL });
  const journal = tallyFromJournal(core.dataDir);
  expect(journal.voters.room + journal.voters.remote).toBe(PEOPLE);
  const totals = journal.counts.map((c) => c.room + c.remote);
  expect(totals.reduce((a, b) => a + b, 0)).toBe(PEOPLE);
  const rows = page.getByTestId('poll-row');
  await expect(rows).toHaveCount(OPTIONS);
  const shown: number[] = [];
  for (const [i, total] of totals.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-count', String(total));
    await expect(rows.nth(i).getByTestId('poll-count')).toHaveText(`${total}\u00a0voix`);
    const percent = Number(await rows.nth(i).getAttribute('data-percent'));
    // Whole percents: each is its exact share rounded down or up, and they add up to 100.
    const exact = (total * 100) / PEOPLE;
    expect(percent === Math.floor(exact) || percent === Math.ceil(exact), `${percent} % for ${total}/${PEOPLE}`).toBe(true);
    await expect(rows.nth(i).getByTestId('poll-percent')).toHaveText(`${percent}\u202f%`);
    shown.push(percent);
  }
  expect(shown.reduce((a, b) => a + b, 0)).toBe(100);
  await expect(page.getByTestId('poll-voters')).toHaveText(
    `${PEOPLE}\u00a0réponses · ${journal.voters.room}\u00a0salle · ${journal.voters.remote}\u00a0distance`,
  );
  // The phones get the same counts once revealed.
  await Promise.all(
    people.slice(0, 20).map((p) => expect.poll(() => p.state?.results?.kind === 'poll' && p.state.results.counts).toEqual(totals)),
  );
  await expect(phone.getByTestId('results-total')).toHaveText(`${PEOPLE}\u00a0réponses`);
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running'),
  );
  await shot(page, testInfo, 'poll-live-revealed');
  await phone.screenshot({ path: testInfo.outputPath('phone-revealed.png') });

  // Hidden again: off the projector and off the phones.
  await desk.cmd({ type: 'interaction.hide', interactionId: POLL });
  await expect(page.getByTestId('poll-hidden')).toHaveText('Résultats à venir');
  await expect(page.getByTestId('poll-bars')).toHaveCount(0);
  await expect(phone.getByTestId('results')).toHaveCount(0);
  await Promise.all(people.slice(0, 20).map((p) => expect.poll(() => p.state?.results ?? null).toBeNull()));

  // Closed: a vote after the close is refused and the count does not move.
  await desk.cmd({ type: 'interaction.close', interactionId: POLL });
  await expect(page.getByTestId('poll-status')).toHaveText('Vote clos');
  await expect.poll(() => people[0]!.state?.interaction ?? null).toBeNull();
  expect(await people[0]!.vote(POLL, [3])).toMatchObject({ ok: false, error: { code: 'closed' } });
  await desk.cmd({ type: 'interaction.reveal', interactionId: POLL });
  await expect(rows).toHaveCount(OPTIONS);
  for (const [i, total] of totals.entries()) await expect(rows.nth(i)).toHaveAttribute('data-count', String(total));
  expect(tallyFromJournal(core.dataDir).votes).toBe(PEOPLE + CHANGERS);

  people.forEach((p) => p.close());
  desk.close();
  await phone.close();
});
