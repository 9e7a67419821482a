import { describe, expect, it } from 'vitest';
import { checkUrl, isLoopback, parseSimulatorArgs } from './options';

describe('simulator options', () => {
  it('defaults: the local hub, 200 participants, 60 s', () => {
    const r = parseSimulatorArgs(['--event-code', 'ASSISES'], {}, () => 12);
    expect(r).toMatchObject({
      kind: 'ok',
      options: {
        url: 'http://127.0.0.1:4871',
        eventCode: 'ASSISES',
        participants: 200,
        durationSeconds: 60,
        questionsPerMinute: 30,
        votesPerSecond: 50,
        seed: 12,
        roomShare: 0.8,
      },
    });
  });

  it('reads the rates, the event code from the environment, a comma as decimal mark', () => {
    const r = parseSimulatorArgs(
      [
        '--participants',
        '2000',
        '--questions-per-min',
        '120',
        '--votes-per-s',
        '2000',
        '--duration',
        '10',
        '--room-share',
        '0,6',
        '--seed',
        '7',
        '--json',
      ],
      { PUPITRE_EVENT_CODE: 'NANTES' },
    );
    expect(r).toMatchObject({
      kind: 'ok',
      options: {
        participants: 2000,
        questionsPerMinute: 120,
        votesPerSecond: 2000,
        durationSeconds: 10,
        roomShare: 0.6,
        seed: 7,
        json: true,
        eventCode: 'NANTES',
      },
    });
  });

  it('says in French what is wrong', () => {
    expect(parseSimulatorArgs([], {})).toEqual({ kind: 'error', message: expect.stringContaining('--event-code') });
    expect(parseSimulatorArgs(['--event-code', 'X', '--participants', 'beaucoup'], {})).toEqual({
      kind: 'error',
      message: expect.stringContaining('nombre attendu'),
    });
    expect(parseSimulatorArgs(['--event-code', 'X', '--room-share', '2'], {}).kind).toBe('error');
    expect(parseSimulatorArgs(['--event-code', 'X', '--duration', '0'], {}).kind).toBe('error');
    expect(parseSimulatorArgs(['--event-code', 'X', '--bogus'], {}).kind).toBe('error');
    expect(parseSimulatorArgs(['--help'], {})).toEqual({ kind: 'help' });
  });

  it('talks to the address given, nothing else: http(s), no path, no credentials', () => {
    expect(checkUrl('http://192.168.1.20:4871')).toEqual({ ok: true, url: 'http://192.168.1.20:4871' });
    expect(checkUrl('https://public.example.org/')).toEqual({ ok: true, url: 'https://public.example.org' });
    expect(checkUrl('ftp://x').ok).toBe(false);
    expect(checkUrl('http://user:pw@x').ok).toBe(false);
    expect(checkUrl('http://x/sub/path').ok).toBe(false);
    expect(checkUrl('pas une adresse').ok).toBe(false);
    expect(isLoopback('http://127.0.0.1:4871')).toBe(true);
    expect(isLoopback('http://localhost:1')).toBe(true);
    expect(isLoopback('http://[::1]:4871')).toBe(true);
    expect(isLoopback('http://192.168.1.20:4871')).toBe(false);
  });
});

describe('several rooms', () => {
  it('reads --rooms and the key of each room; a key for a room not listed is refused in French', () => {
    const r = parseSimulatorArgs(['--event-code', 'A', '--rooms', 'salle-800,salle-450', '--room-keys', 'salle-450=ABCDEFGH23,salle-800=ZZZZZZZZ77', '--record', '/tmp/x.jsonl'], {}, () => 1);
    expect(r).toMatchObject({ kind: 'ok', options: { rooms: ['salle-800', 'salle-450'], roomKeys: { 'salle-450': 'ABCDEFGH23', 'salle-800': 'ZZZZZZZZ77' }, record: '/tmp/x.jsonl' } });
    expect(parseSimulatorArgs(['--event-code', 'A', '--rooms', 'salle-800', '--room-keys', 'salle-300=ABCDEFGH23'])).toEqual({
      kind: 'error',
      message: '--room-keys : la salle « salle-300 » n’est pas dans --rooms',
    });
    expect(parseSimulatorArgs(['--event-code', 'A', '--rooms', 'salle-800', '--room-keys', 'salle-800'])).toMatchObject({ kind: 'error', message: expect.stringContaining('SALLE=CLÉ') });
    expect(parseSimulatorArgs(['--event-code', 'A', '--rooms', 'salle-800', '--room', 'salle-450'])).toMatchObject({ kind: 'error', message: expect.stringContaining('l’un ou l’autre') });
    expect(parseSimulatorArgs(['--event-code', 'A', '--rooms', 'Salle 800'])).toMatchObject({ kind: 'error', message: expect.stringContaining('salle') });
    expect(parseSimulatorArgs(['--event-code', 'A', '--rooms', 'salle-800', '--room-keys', 'salle-800=abc'])).toMatchObject({ kind: 'error', message: expect.stringContaining('clé de salle') });
  });
});
