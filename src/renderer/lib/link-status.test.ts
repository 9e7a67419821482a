import { describe, it, expect } from 'vitest';
import type { LinkStatus } from '../../shared/api/channel';
import type { AudienceQuestion, LiveState } from '../../shared/api/state';
import { programmeSchema } from '../../shared/domain/programme';
import { translate } from './i18n';
import {
  CONNECTING_GRACE_MS,
  coreTimeOf,
  eventCodeOf,
  isCoreStatus,
  joinChoiceOf,
  joinChoiceUrl,
  joinUrlInUse,
  latestQuestions,
  linkTone,
  linkWords,
  openPollTallies,
  pendingWords,
} from './link-status';

const link = (over: Partial<LinkStatus> = {}): LinkStatus => ({
  state: 'online',
  since: 1_000,
  hubUrl: 'http://127.0.0.1:4871',
  embedded: true,
  rttMs: 3,
  outboxPending: 0,
  hubBacklog: 0,
  participants: { room: 0, remote: 0 },
  eventCode: 'ABC234',
  joinUrls: ['http://192.168.1.20:4871/?e=ABC234', 'http://10.0.0.5:4871/?e=ABC234'],
  lastError: null,
  ...over,
});
const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('fr', key, params);

describe('link status at a glance', () => {
  it('accepts what the core sends, and nothing else', () => {
    expect(isCoreStatus({ link: link() })).toBe(true);
    expect(isCoreStatus({ link: link({ rttMs: null, hubBacklog: null, eventCode: null, hubUrl: null, lastError: 'x' }) })).toBe(true);
    expect(isCoreStatus({ link: { ...link(), state: 'ailleurs' } })).toBe(false);
    expect(isCoreStatus({ link: { ...link(), participants: { room: '1', remote: 0 } } })).toBe(false);
    expect(isCoreStatus({ link: { ...link(), joinUrls: [1] } })).toBe(false);
    expect(isCoreStatus(null)).toBe(false);
    expect(isCoreStatus({})).toBe(false);
  });

  it('is calm when all is well or when there is no hub, loud when it is lost or refused', () => {
    expect(linkTone(link(), 5_000)).toBe('ok');
    expect(linkTone(link({ state: 'off' }), 5_000)).toBe('quiet');
    expect(linkTone(link({ state: 'connecting' }), 1_000 + CONNECTING_GRACE_MS)).toBe('quiet');
    expect(linkTone(link({ state: 'connecting' }), 1_001 + CONNECTING_GRACE_MS)).toBe('warn');
    expect(linkTone(link({ state: 'offline' }), 5_000)).toBe('warn');
    expect(linkTone(link({ state: 'refused' }), 5_000)).toBe('alert');
  });

  it('says it in words', () => {
    expect(t(linkWords('online').full)).toBe('Hub connecté');
    expect(t(linkWords('offline').full)).toBe('Hub injoignable — nouvelle tentative…');
    expect(t(linkWords('refused').full)).toBe('Hub : jeton refusé');
    expect(t(linkWords('off').full)).toBe('Sans public');
    // On two lines in the top bar.
    const offline = linkWords('offline');
    expect([t(offline.headline), offline.detail && t(offline.detail)]).toEqual(['Hub injoignable', 'nouvelle tentative…']);
    expect(linkWords('online').detail).toBeNull();
  });

  it('names what waits, only when something does', () => {
    expect(pendingWords(link(), t)).toEqual({ outbox: null, backlog: null });
    expect(pendingWords(link({ hubBacklog: null }), t)).toEqual({ outbox: null, backlog: null });
    expect(pendingWords(link({ outboxPending: 3, hubBacklog: 120 }), t)).toEqual({
      outbox: '3 commandes en attente d’envoi',
      backlog: '120 messages à recevoir',
    });
    expect(pendingWords(link({ outboxPending: 1, hubBacklog: 1 }), t)).toEqual({
      outbox: '1 commande en attente d’envoi',
      backlog: '1 message à recevoir',
    });
  });

  it('reads the core clock under a rehearsal clock', () => {
    expect(coreTimeOf(10_000, { mode: 'live' })).toBe(10_000);
    expect(coreTimeOf(10_000, { mode: 'rehearsal', offsetMs: -4_000 })).toBe(14_000);
    expect(coreTimeOf(10_000, undefined)).toBe(10_000);
  });
});

describe('the join address', () => {
  it('is the operator’s choice, else the hub’s first', () => {
    expect(joinUrlInUse(null, link())).toBe('http://192.168.1.20:4871/?e=ABC234');
    expect(joinUrlInUse('https://assises.example.org/?e=ABC234', link())).toBe('https://assises.example.org/?e=ABC234');
    expect(joinUrlInUse(null, link({ joinUrls: [] }))).toBeNull();
    expect(joinUrlInUse(null, null)).toBeNull();
  });

  it('the event code comes from the hub, or from the address while the hub is away', () => {
    expect(eventCodeOf(link(), null)).toBe('ABC234');
    expect(eventCodeOf(link({ eventCode: null }), 'http://192.168.1.20:4871/?e=XYZ789')).toBe('XYZ789');
    expect(eventCodeOf(link({ eventCode: null }), 'pas une adresse')).toBeNull();
    expect(eventCodeOf(null, null)).toBeNull();
  });

  it('the chooser starts from where the choice stands', () => {
    const offered = link().joinUrls;
    expect(joinChoiceOf(null, offered)).toEqual({ kind: 'default' });
    expect(joinChoiceOf(offered[1], offered)).toEqual({ kind: 'offered', url: offered[1] });
    expect(joinChoiceOf('https://public.example.org', offered)).toEqual({ kind: 'public', url: 'https://public.example.org' });
    expect(joinChoiceUrl({ kind: 'default' })).toBeNull();
    expect(joinChoiceUrl({ kind: 'public', url: '  https://public.example.org ' })).toBe('https://public.example.org');
  });
});

describe('the live feed of the « Public » panel', () => {
  const q = (n: number, origin: 'room' | 'remote' = 'room'): AudienceQuestion => ({
    id: `q-${n}`,
    msgId: `m${n}`,
    hubSeq: n,
    receivedAt: n,
    origin,
    name: null,
    text: `Question ${n}`,
    sessionId: null,
    room: 'salle',
    upvotes: 0,
    flags: [],
    editedText: null,
    askers: 1,
    status: 'incoming',
    rank: null,
    mergedInto: null,
    flagsClearedBy: null,
    published: false,
    lastActionBy: null,
  });

  it('the last five questions, newest first', () => {
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => q(n));
    expect(latestQuestions(all).map((x) => x.id)).toEqual(['q-7', 'q-6', 'q-5', 'q-4', 'q-3']);
    expect(latestQuestions([q(1)])).toEqual([q(1)]);
    expect(latestQuestions([])).toEqual([]);
  });

  const programme = programmeSchema.parse({
    event: { name: 'Assises', timeZone: 'Europe/Paris' },
    days: [{ date: '2021-06-24' }],
    sessions: [{ id: 's1', day: '2021-06-24', start: '09:00', end: '10:00', kind: 'plenary', title: 'Plénière' }],
    interactions: [
      { kind: 'poll', id: 'choix', type: 'single', question: 'Quelle priorité ?', options: ['Prévention', 'Accueil', 'Sortie'] },
      { kind: 'poll', id: 'oui-non', type: 'yesno', question: 'D’accord ?' },
      { kind: 'poll', id: 'note', type: 'rating', question: 'Votre note', min: 1, max: 3 },
      { kind: 'wordcloud', id: 'mots', prompt: 'Un mot' },
    ],
  });
  const run = (openedAt: number, status: 'open' | 'closed' = 'open') => ({ status, openedAt, closedAt: null, revealed: false, room: 'salle' });

  it('the counts of the open polls, room and remote apart, in the order they opened', () => {
    const live: LiveState = {
      interactions: { note: run(30), choix: run(10), 'oui-non': run(20, 'closed'), mots: run(5) },
      qa: {},
    };
    const tallies = {
      choix: { counts: { '0': { room: 4, remote: 1 }, '2': { room: 0, remote: 2 } }, voters: { room: 4, remote: 3 } },
      note: { counts: { '3': { room: 1, remote: 0 } }, voters: { room: 1, remote: 0 } },
    };
    const polls = openPollTallies(programme, live, tallies, ['Oui', 'Non']);
    expect(polls.map((p) => p.id)).toEqual(['choix', 'note']);
    expect(polls[0]!.rows).toEqual([
      { key: '0', label: 'Prévention', room: 4, remote: 1, total: 5 },
      { key: '1', label: 'Accueil', room: 0, remote: 0, total: 0 },
      { key: '2', label: 'Sortie', room: 0, remote: 2, total: 2 },
    ]);
    expect(polls[0]!.voters).toEqual({ room: 4, remote: 3, total: 7 });
    expect(polls[1]!.rows.map((r) => [r.label, r.total])).toEqual([
      ['1', 0],
      ['2', 0],
      ['3', 1],
    ]);
  });

  it('a yes/no poll with no vote yet shows its two answers at zero', () => {
    const live: LiveState = { interactions: { 'oui-non': run(1) }, qa: {} };
    const [p] = openPollTallies(programme, live, {}, ['Oui', 'Non']);
    expect(p?.rows.map((r) => [r.label, r.total])).toEqual([
      ['Oui', 0],
      ['Non', 0],
    ]);
    expect(openPollTallies(null, live, {}, ['Oui', 'Non'])).toEqual([]);
  });
});
