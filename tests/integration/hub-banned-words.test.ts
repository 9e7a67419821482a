import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBoard } from '../../src/hub/board';
import { startHub, type RunningHub } from '../../src/hub/hub';
import type { HubOptions } from '../../src/hub/options';
import { TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { Interaction } from '../../src/shared/protocol/interactions';

/** A real hub on 127.0.0.1: the régie bans a word, a phone sending it afterwards is told so. */
const TOKEN = 'regie-token-for-tests-0123456789';
const CODE = 'ASSISES';
const cloud: Interaction = { kind: 'cloud', id: 'cloud-1', prompt: 'Un mot pour l’enfance', maxWordsPerParticipant: 3 };
let dir: string;
let hub: RunningHub;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);

const options = (): HubOptions => ({
  dataDir: join(dir, 'hub'),
  port: 0,
  regieToken: TOKEN,
  eventCode: CODE,
  participantDir: join(dir, 'page'),
  limits: {
    votesIntervalMs: 30,
    patchDelayMs: 5,
    participantRate: { perSecond: 1000, burst: 1000 },
    addressRate: { perSecond: 10_000, burst: 10_000 },
  },
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-banned-'));
  mkdirSync(join(dir, 'page'));
  writeFileSync(join(dir, 'page', 'index.html'), '<!doctype html><title>participants</title>');
  hub = await startHub(options());
});
afterEach(async () => {
  open.splice(0).forEach((x) => x.close());
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('banned words at the hub', () => {
  it('refuses a banned word in any spelling, keeps the others, and remembers the list after a restart', async () => {
    const regie = track(await TestRegie.connect(hub.port, TOKEN));
    expect(await regie.command({ type: 'interaction.open', interaction: cloud })).toMatchObject({ ok: true });
    const before = track(await TestParticipant.join(hub.port, CODE));
    expect(await before.words('cloud-1', ['enfants'])).toEqual({ ok: true });

    expect(await regie.command({ type: 'words.banned', cloudId: 'cloud-1', keys: ['enfant'] })).toMatchObject({ ok: true });
    const later = track(await TestParticipant.join(hub.port, CODE));
    expect(await later.words('cloud-1', ["L'Enfant"])).toEqual({
      ok: false,
      error: { code: 'invalid', message: "« L'Enfant » n’est pas retenu pour ce nuage de mots", field: 'words.0' },
    });
    expect(await later.words('cloud-1', ['lien'])).toEqual({ ok: true });
    await regie.waitFor(() => regie.deliveries.filter((m) => m.type === 'words.send').length === 2);
    expect(regie.deliveries.filter((m) => m.type === 'words.send').map((m) => (m.type === 'words.send' ? m.words : []))).toEqual([
      ['enfants'],
      ['lien'],
    ]);

    // The list is saved with the board: a restarted hub still refuses the word.
    open.splice(0).forEach((x) => x.close());
    await hub.close();
    hub = await startHub(options());
    const again = track(await TestParticipant.join(hub.port, CODE));
    expect(await again.words('cloud-1', ['ENFANTS'])).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('reads a board saved before banned words existed', () => {
    const old = JSON.stringify({
      interaction: null,
      results: null,
      qa: { open: false, roomOnly: false, sessionId: null },
      notice: null,
      questions: [],
    });
    expect(loadBoard(old)).toMatchObject({ board: { bannedWords: {} }, problem: null });
  });
});
