import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/hub';
import type { PartialHubLimits } from '../../src/hub/options';
import { newParticipantId, participantSocket, type ParticipantSocket, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import { hubErrorCodes, type RefusedNotice } from '../../src/shared/protocol/errors';
import { type HubKind, hubKinds } from './hub-kinds';

const TOKEN = 'hostile-test-token-0123456789abcd';
const CODE = 'HOSTILE';
const hubs: RunningHub[] = [];
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
const generous: PartialHubLimits = { participantRate: { perSecond: 1e6, burst: 1e6 }, addressRate: { perSecond: 1e6, burst: 1e6 } };

/** The kind of hub under test (both pass this file: describe.each below). */
let kind: HubKind;

async function hubWith(limits: PartialHubLimits): Promise<{ hub: RunningHub; regie: TestRegie }> {
  // The previous test's hub first: a Redis node's fresh start empties the shared state.
  await Promise.all(hubs.splice(0).map((h) => h.close()));
  const hub = await kind.start({
    port: 0,
    regieToken: TOKEN,
    eventCode: CODE,
    limits: { ...limits, presenceIntervalMs: 100 },
  });
  hubs.push(hub);
  const regie = track(await TestRegie.connect(hub.port, TOKEN));
  let seq = 0;
  await regie.command({ type: 'qa.open', sessionId: 'pleniere', roomOnly: false }, ++seq);
  await regie.command({ type: 'question.publish', questionId: 'q-1', text: 'Publiée' }, ++seq);
  await regie.command(
    { type: 'interaction.open', interaction: { kind: 'poll', id: 'p-1', question: 'Qui ?', options: ['A', 'B'], maxChoices: 1 } },
    ++seq,
  );
  return { hub, regie };
}


const html = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
const kb = (n: number) => 'x'.repeat(n * 1024);
type Hostile = { event: string; args: unknown[] };

/** Malformed or hostile messages, each to be refused: [event, payload]. */
const catalogue: Hostile[] = [
  // wrong types
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: 123 }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: null }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: ['a'] }] },
  { event: 'question.ask', args: [{ clientMsgId: 42, text: 'ok' }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: 'ok', name: { first: 'x' } }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-1', choices: 'A' }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-1', choices: [0.5] }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-1', choices: [-1] }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-1', choices: [1e300] }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-1', choices: [0], rating: 3 }] },
  { event: 'words.send', args: [{ clientMsgId: 'h', cloudId: 'c', words: 'un mot' }] },
  { event: 'question.upvote', args: [{ clientMsgId: 'h', questionId: true }] },
  { event: 'join', args: [{ eventCode: CODE, participantId: 'short', origin: 'room' }] },
  { event: 'join', args: [{ eventCode: CODE, participantId: newParticipantId(), origin: 'moon' }] },
  // missing fields, extra fields, not an object
  { event: 'question.ask', args: [{}] },
  { event: 'question.ask', args: [{ text: 'sans identifiant' }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', choices: [0] }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: 'ok', isAdmin: true }] },
  { event: 'question.ask', args: [JSON.parse('{"clientMsgId":"h","text":"ok","__proto__":{"polluted":true}}')] },
  { event: 'question.ask', args: ['just a string'] },
  { event: 'question.ask', args: [12] },
  { event: 'question.ask', args: [null] },
  { event: 'question.ask', args: [[{ clientMsgId: 'h', text: 'in an array' }]] },
  { event: 'question.ask', args: [] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: 'ok' }, { second: 'payload' }] },
  { event: 'question.ask', args: [Buffer.from('binary')] },
  // too long, empty once cleaned, hostile ids
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: 'q'.repeat(501) }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: kb(12) }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: 'ok', name: 'n'.repeat(61) }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h', text: '\u200B\u202E\u0000 \uFEFF' }] },
  { event: 'question.ask', args: [{ clientMsgId: 'h'.repeat(65), text: 'ok' }] },
  { event: 'question.ask', args: [{ clientMsgId: html, text: 'ok' }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: html, choices: [0] }] },
  { event: 'question.upvote', args: [{ clientMsgId: 'h', questionId: '../../etc/passwd' }] },
  { event: 'words.send', args: [{ clientMsgId: 'h', cloudId: 'c', words: Array.from({ length: 11 }, (_, i) => `m${i}`) }] },
  { event: 'words.send', args: [{ clientMsgId: 'h', cloudId: 'c', words: ['w'.repeat(41)] }] },
  { event: 'join', args: [{ eventCode: kb(10), participantId: newParticipantId(), origin: 'room' }] },
  { event: 'join', args: [{ eventCode: html, participantId: newParticipantId(), origin: 'room' }] },
  { event: 'join', args: [{ eventCode: '<b>X</b>', participantId: newParticipantId(), origin: 'room' }] },
  // valid shape, refused by the rules (closed, unknown, out of range)
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-1', choices: [5] }] },
  { event: 'poll.vote', args: [{ clientMsgId: 'h', pollId: 'p-autre', choices: [0] }] },
  { event: 'question.upvote', args: [{ clientMsgId: 'h', questionId: 'q-inconnue' }] },
  { event: 'words.send', args: [{ clientMsgId: 'h', cloudId: 'pas-ouvert', words: ['mot'] }] },
  // unknown events, the régie's events, names of Object.prototype
  ...[
    'admin',
    'interaction.open',
    'command',
    'resume',
    'ack',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'error',
    html,
    'x'.repeat(300),
  ].map((event): Hostile => ({ event, args: [{ clientMsgId: 'h', text: 'ok' }] })),
];

describe.each(hubKinds())('the $name hub', (k) => {
  beforeAll(async () => {
    kind = k;
    await kind.setup();
  });
  afterEach(() => {
    open.splice(0).forEach((x) => x.close());
  });
  afterAll(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close()));
    await kind.teardown();
  });

  describe('10,000 malformed or hostile messages', () => {
    it('refuses each with a readable error, stores nothing, and keeps serving the others', async () => {
      const { hub, regie } = await hubWith(generous);
      const before = { counts: (await hub.counts()), hubSeq: hub.stats().hubSeq };
      const honest = track(await TestParticipant.join(hub.port, CODE));
      const hostile = await Promise.all(Array.from({ length: 5 }, () => TestParticipant.join(hub.port, CODE).then(track)));
      const unjoined = track(participantSocket(hub.port));
      await new Promise((r) => unjoined.once('connect', () => r(null)));
      const notices: RefusedNotice[] = [];
      unjoined.on('refused', (n) => notices.push(n));

      const TOTAL = 10_000;
      const answers: unknown[] = [];
      const honestAsks: Promise<unknown>[] = [];
      const sends: Promise<void>[] = [];
      for (let i = 0; i < TOTAL; i += 1) {
        const h = catalogue[i % catalogue.length]!;
        if (i % 100 === 99) {
          // No acknowledgement callback: the refusal comes back as a `refused` event.
          (unjoined.emit as (event: string, ...args: unknown[]) => void)(h.event, ...h.args);
          continue;
        }
        const socket: ParticipantSocket = hostile[i % hostile.length]!.socket;
        // Any event name and any arguments: past the typed event map on purpose.
        const emitWithAck = socket.emitWithAck.bind(socket.timeout(20_000)) as (event: string, ...args: unknown[]) => Promise<unknown>;
        sends.push(emitWithAck(h.event, ...h.args).then((a) => void answers.push(a)));
        if (i % 500 === 0) honestAsks.push(honest.ask(`Question honnête n° ${i}`));
      }
      await Promise.all(sends);
      const honestAnswers = await Promise.all(honestAsks);
      await until(() => notices.length === TOTAL / 100);

      const codes = new Set<string>(hubErrorCodes);
      for (const a of answers) {
        expect(a).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
        const { error } = a as { error: { code: string; message: string } };
        expect(codes.has(error.code)).toBe(true);
        expect(error.message.length).toBeGreaterThan(5);
        expect(error.message.length).toBeLessThan(500);
      }
      expect(answers).toHaveLength(TOTAL - TOTAL / 100);
      expect(notices.every((n) => !('ok' in n) && n.error.message.length > 5)).toBe(true);
      // A sample of the refusals, as a participant reads them.
      const byCode = new Map((answers as { error: { code: string; message: string } }[]).map((a) => [a.error.code, a.error.message]));
      expect([...byCode.keys()].sort()).toEqual(
        ['closed', 'invalid', 'malformed', 'not_found', 'too_large', 'unknown_event', 'wrong_event'].sort(),
      );
      expect(byCode.get('unknown_event')).toMatch(/^action inconnue : « /);

      // Nothing stored; the honest participant was served throughout.
      expect(honestAnswers.every((a) => (a as { ok: boolean }).ok)).toBe(true);
      await regie.waitFor(() => regie.deliveries.length === honestAnswers.length);
      expect(regie.deliveries.every((m) => m.participantId === honest.participantId)).toBe(true);
      const after = (await hub.counts());
      expect(after).toEqual({
        ...before.counts,
        backlog: before.counts.backlog + honestAnswers.length,
        msgIds: before.counts.msgIds + honestAnswers.length,
      });
      expect(hub.stats().hubSeq).toBe(before.hubSeq + honestAnswers.length);
      // The hostile sockets are still connected and can still do something valid.
      expect(await hostile[0]!.ask('Finalement une vraie question')).toEqual({ ok: true });
    });

    it('closes the connection of a message over the transport limit (1 MB), stores nothing, and others carry on', async () => {
      const { hub, regie } = await hubWith(generous);
      const before = (await hub.counts());
      const other = track(await TestParticipant.join(hub.port, CODE));
      for (let i = 0; i < 3; i += 1) {
        const p = track(await TestParticipant.join(hub.port, CODE));
        const closed = new Promise<{ reason: string; code: unknown }>((resolve) =>
          p.socket.once('disconnect', (reason, details) =>
            resolve({ reason, code: (details as { context?: { code?: unknown } } | undefined)?.context?.code }),
          ),
        );
        p.socket.emit('question.ask', { clientMsgId: 'big', text: 'x'.repeat(1024 * 1024) }, () => undefined);
        const { reason, code } = await closed;
        expect(reason).toBe('transport close');
        expect(code).toBe(1009); // WebSocket « message too big »: the page shows TRANSPORT_LIMIT_MESSAGE
      }
      expect((await hub.counts())).toEqual(before);
      expect(await other.ask('Toujours servie ?')).toEqual({ ok: true });
      await regie.waitFor(() => regie.deliveries.length === 1);
    });
  });

  describe('rate limits', () => {
    it('a flood from one participant is refused beyond its rate; others on the same address are served', async () => {
      const { hub, regie } = await hubWith({}); // defaults: 5/s burst 10 per participant, 50/s burst 100 per address
      const flooder = track(await TestParticipant.join(hub.port, CODE));
      const others = await Promise.all(Array.from({ length: 10 }, () => TestParticipant.join(hub.port, CODE).then(track)));
      const t0 = Date.now();
      const flood = Array.from({ length: 2000 }, (_, i) => flooder.ask(`spam ${i}`));
      const served = await Promise.all(others.map((o) => o.ask('Une question sincère')));
      const results = await Promise.all(flood);
      const elapsed = (Date.now() - t0) / 1000;
      const accepted = results.filter((r) => r.ok).length;
      expect(served.every((r) => r.ok)).toBe(true);
      expect(accepted).toBeGreaterThanOrEqual(10);
      expect(accepted).toBeLessThanOrEqual(10 + Math.ceil(elapsed * 5) + 1);
      const refused = results.filter((r) => !r.ok);
      expect(refused.length).toBe(2000 - accepted);
      expect(refused[0]).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'trop de messages d’un coup : patientez quelques secondes' },
      });
      await regie.waitFor(() => regie.deliveries.length === accepted + others.length);
      expect((await hub.counts()).backlog).toBe(accepted + others.length);
    });

    it('limits one address across participants', async () => {
      // Next to no refill: 30 messages from this address, whoever sends them.
      const { hub } = await hubWith({ participantRate: { perSecond: 100, burst: 100 }, addressRate: { perSecond: 0.001, burst: 30 } });
      // The régie's commands do not count, nor joins (they have their own bucket, joinRate); each question does.
      const people = await Promise.all(Array.from({ length: 10 }, () => TestParticipant.join(hub.port, CODE).then(track)));
      const results = await Promise.all(people.flatMap((p) => [p.ask('un'), p.ask('deux'), p.ask('trois'), p.ask('quatre')]));
      expect(results.filter((r) => r.ok)).toHaveLength(30);
      expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'rate_limited' } });
    });
  });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition jamais atteinte');
    await new Promise((r) => setTimeout(r, 10));
  }
}
