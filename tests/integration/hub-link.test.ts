import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { silentLogger } from '../../src/node/log/logger';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { TestParticipant } from '../../src/hub/testing/clients';
import { repoRoot } from './helpers';

let dir: string;
let core: RunningCore;
let n = 0;
const cmd = (command: unknown) => core.engine.submit({ id: `link-${String(n++).padStart(6, '0')}`, command }, 'control-1');

/** Waits for a condition on the core, polling the event loop (no fixed sleeps). */
async function until<T>(get: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-link-'));
  core = await startCore({
    dataDir: dir,
    rendererDir: join(dir, 'none'),
    resourcesDir: join(repoRoot, 'resources'),
    port: 0,
    logger: silentLogger,
    hub: { mode: 'embedded', port: 0, host: '127.0.0.1' },
  });
  await until(() => core.link?.current.state === 'online', 'lien en ligne');
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the régie ↔ hub link (embedded hub)', () => {
  it('opens a poll on the phones when its cue fires, and journals each vote once', async () => {
    const eventCode = core.link!.current.eventCode!;
    const hubPort = core.hub!.port;
    // The hub decides the origin (docs/rooms.md § 4): without a room key, both are « à distance »
    // whatever they say — the core sends no room secrets yet in this test.
    const alice = await TestParticipant.join(hubPort, eventCode, { origin: 'room' });
    const bob = await TestParticipant.join(hubPort, eventCode, { origin: 'remote' });

    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } });
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: true });
    await until(() => alice.state?.interaction?.id === 'charge-de-travail', 'le sondage ouvert sur le téléphone');

    expect(await alice.vote('charge-de-travail', [0])).toMatchObject({ ok: true });
    expect(await bob.vote('charge-de-travail', [2])).toMatchObject({ ok: true });
    expect(await alice.vote('charge-de-travail', [1])).toMatchObject({ ok: true }); // changes her mind
    const tally = await until(() => {
      const t = core.engine.state.audience.tallies['charge-de-travail'];
      return t && t.voters.room + t.voters.remote === 2 && (t.counts['1']?.remote ?? 0) === 1 ? t : null;
    }, 'le décompte de la régie');
    expect(tally.counts['0']).toEqual({ room: 0, remote: 0 });
    expect(tally.counts['2']).toEqual({ room: 0, remote: 1 });
    expect(core.engine.state.audience.received).toBe(3);
    alice.close();
    bob.close();
  });

  it('brings questions to the régie with their origin, once, and shows participants connected', async () => {
    const eventCode = core.link!.current.eventCode!;
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:30' }, 'Europe/Paris') } });
    await new Promise((r) => setTimeout(r, 1100)); // the double-GO guard (1 s) since the last GO
    // The poll's cues are passed over: a GO confirmed out of order.
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true })).toMatchObject({ ok: true });
    const carol = await TestParticipant.join(core.hub!.port, eventCode, { origin: 'remote' });
    await until(() => carol.state?.qa.open, 'Q&R ouvert sur le téléphone');
    const text = '<b>Quels moyens</b> pour les jeunes majeurs ?';
    expect(await carol.ask(text, { name: 'Une éducatrice' })).toMatchObject({ ok: true });
    const q = await until(() => core.engine.state.audience.questions.find((x) => x.text === text), 'la question à la régie');
    expect(q).toMatchObject({ origin: 'remote', name: 'Une éducatrice', flags: [] });
    // A question naming a child arrives flagged; the organisers' own list applies from then on.
    expect(await cmd({ type: 'moderation.lists', badWords: [], names: ['Maëlys'], allowed: [] })).toMatchObject({ ok: true });
    const named = 'Ma fille Zoé et sa cousine Maëlys sont placées à Rezé, appelez le 06 12 34 56 78';
    expect(await carol.ask(named)).toMatchObject({ ok: true });
    const flagged = await until(() => core.engine.state.audience.questions.find((x) => x.text === named), 'la question signalée');
    expect(flagged.flags.map((f) => `${f.kind}:${f.match}`)).toEqual(expect.arrayContaining(['given-name:Zoé', 'listed-name:Maëlys', 'phone:06 12 34 56 78']));
    await until(() => core.link!.current.participants.remote >= 1, 'présence');
    carol.close();
  });
});
