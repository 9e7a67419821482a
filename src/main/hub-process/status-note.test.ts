import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../shared/api/channel';
import type { HubProcessState } from './embedded-hub';
import { hubProcessNote, RESTART_NOTE_MS, withHubProcessNote } from './status-note';

const T = 1_750_000_000_000;
const up: HubProcessState = {
  running: true,
  pid: 42,
  port: 4871,
  inProcess: false,
  restarts: 0,
  exits: 0,
  lastExit: null,
  recentExits: 0,
  stormWindowMs: 60_000,
  storm: false,
  nextRestartAt: null,
  lastRestartAt: null,
};
const link: LinkStatus = {
  state: 'offline',
  since: T,
  hubUrl: 'http://127.0.0.1:4871',
  embedded: true,
  rttMs: null,
  outboxPending: 0,
  hubBacklog: null,
  participants: { room: 0, remote: 0 },
  eventCode: 'NANTES',
  joinUrls: [],
  lastError: 'lien coupé (transport close)',
};

describe('the hub process, as the desk reads it', () => {
  it('says nothing while all is well, or when the hub runs inside the core', () => {
    expect(hubProcessNote(up, T)).toBeNull();
    expect(hubProcessNote({ ...up, inProcess: true, storm: true }, T)).toBeNull();
    expect(withHubProcessNote(link, up, T)).toBe(link);
    expect(withHubProcessNote(link, null, T)).toBe(link);
  });

  it('a hub that died: why, and when it comes back; after the link’s own error', () => {
    const down = {
      ...up,
      running: false,
      pid: null,
      exits: 1,
      lastExit: { at: T, reason: 'tué (SIGKILL)' },
      recentExits: 1,
      nextRestartAt: T + 2_000,
    };
    expect(hubProcessNote(down, T)).toBe('le processus du hub s’est arrêté (tué (SIGKILL)) : redémarrage dans 2 s');
    expect(hubProcessNote({ ...down, nextRestartAt: null }, T)).toBe(
      'le processus du hub s’est arrêté (tué (SIGKILL)) : redémarrage en cours',
    );
    expect(withHubProcessNote(link, down, T).lastError).toBe(
      'lien coupé (transport close) — le processus du hub s’est arrêté (tué (SIGKILL)) : redémarrage dans 2 s',
    );
    expect(withHubProcessNote({ ...link, lastError: null }, down, T).lastError).toBe(
      'le processus du hub s’est arrêté (tué (SIGKILL)) : redémarrage dans 2 s',
    );
  });

  it('a storm says so, with the count and the next try', () => {
    const storm = {
      ...up,
      running: false,
      pid: null,
      exits: 4,
      recentExits: 4,
      storm: true,
      lastExit: { at: T, reason: 'code 1' },
      nextRestartAt: T + 4_000,
    };
    expect(hubProcessNote(storm, T)).toBe(
      'le hub redémarre en boucle : 4 arrêts en 1 min (dernier : code 1) ; prochain essai dans 4 s — voir le journal d’exploitation',
    );
  });

  it('a restart is mentioned for ten minutes, then left to the log', () => {
    const back = { ...up, restarts: 1, exits: 1, lastExit: { at: T - 1_000, reason: 'tué (SIGKILL)' }, lastRestartAt: T };
    expect(hubProcessNote(back, T + 60_000)).toBe(
      'le hub a redémarré une fois depuis le lancement (dernier arrêt : tué (SIGKILL)) ; rien de ce qu’il avait acquitté n’est perdu',
    );
    expect(hubProcessNote({ ...back, restarts: 3 }, T)).toMatch(/^le hub a redémarré 3 fois/);
    expect(hubProcessNote(back, T + RESTART_NOTE_MS)).toBeNull();
  });
});
