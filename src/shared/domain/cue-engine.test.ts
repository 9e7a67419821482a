import { describe, expect, it } from 'vitest';
import { type CueStep, go, hold, next, previous, rearm, release, restore, skip, standbyCue, tick } from './cue-engine';
import { goOrder } from './cue-order';
import {
  type CueEngineState,
  type CueEvent,
  cueEngineStateSchema,
  cueEventSchema,
  cueStatus,
  initialCueState,
  replayCueEvents,
} from './cue-events';
import { cueList } from './cue-list';
import { applyDelays } from './delays';
import { type ProgrammeInput, programmeSchema } from './programme';
import { zonedToEpoch } from './zoned-time';

const DAY = '2021-06-24';
const at = (time: string, seconds = 0) => zonedToEpoch({ date: DAY, time }, 'Europe/Paris') + seconds * 1000;

const input: ProgrammeInput = {
  event: { name: 'Assises de test' },
  days: [{ date: DAY }],
  interactions: [
    { kind: 'poll', id: 'p1', question: 'Votre charge de travail a… ?', type: 'single', options: ['augmenté', 'diminué'] },
    { kind: 'wordcloud', id: 'w1', prompt: 'En un mot ?' },
  ],
  sessions: [
    {
      id: 's1',
      day: DAY,
      start: '09:00',
      end: '10:00',
      kind: 'plenary',
      title: 'Séquence 1',
      cues: [
        { id: 'join', at: { offset: '-00:05' }, action: { type: 'scene', scene: 'join' }, mode: 'auto' },
        { id: 'open', at: { offset: '+00:15' }, action: { type: 'poll.open', interaction: 'p1' } },
        { id: 'close', at: { offset: '+00:25' }, action: { type: 'poll.close', interaction: 'p1' }, autoContinue: true },
        { id: 'reveal', at: { offset: '+00:25' }, action: { type: 'poll.reveal', interaction: 'p1' }, preWaitSeconds: 10 },
        { id: 'cloud', at: { time: '09:40' }, action: { type: 'wordcloud.open', interaction: 'w1' }, mode: 'auto' },
        { id: 'note', at: { offset: '+00:50' }, action: { type: 'note', note: 'Annoncer la pause' } },
      ],
    },
    {
      id: 's2',
      day: DAY,
      start: '10:00',
      end: '11:00',
      kind: 'plenary',
      title: 'Séquence 2',
      cues: [{ id: 'qa', at: { offset: '+00:00' }, action: { type: 'qa.open' } }],
    },
  ],
};
const programme = programmeSchema.parse(input);
const list = cueList(programme);

/** The same, with an auto cue in Séquence 2 at 10:30. */
function list2() {
  const [s1, s2] = input.sessions;
  const extra = { id: 'auto2', at: { time: '10:30' }, action: { type: 'qa.close' as const }, mode: 'auto' as const };
  return cueList(programmeSchema.parse({ ...input, sessions: [s1!, { ...s2!, cues: [...(s2!.cues ?? []), extra] }] }));
}

/** Unwraps a step that must be accepted, and checks the events rebuild its state. */
function ok(step: CueStep, before: CueEngineState): { state: CueEngineState; events: CueEvent[]; fired: string[] } {
  if (!step.ok) throw new Error(`refusé : ${step.reason}`);
  expect(replayCueEvents(step.events, before)).toEqual(step.state);
  for (const e of step.events) expect(cueEventSchema.parse(e)).toEqual(e);
  return { state: step.state, events: step.events, fired: step.fired.map((c) => c.id) };
}

/** A state with the standby set, at 08:00. */
function started(): CueEngineState {
  const s0 = initialCueState();
  return ok(tick(s0, list, at('08:00')), s0).state;
}

describe('cue list', () => {
  it('orders cues by expected time, then as written', () => {
    expect(list.map((c) => c.id)).toEqual(['join', 'open', 'close', 'reveal', 'cloud', 'note', 'qa']);
    expect(list[0]!.expectedAt).toBe(at('08:55'));
    expect(list.find((c) => c.id === 'cloud')!.plannedAt).toBe(at('09:40'));
  });

  it('follows the delays of the sessions', () => {
    const late = cueList(programme, applyDelays(programme, [{ sessionId: 's1', minutes: 12, at: 0 }]));
    const byId = new Map(late.map((c) => [c.id, c]));
    expect(byId.get('open')!.expectedAt).toBe(at('09:27'));
    expect(byId.get('open')!.plannedAt).toBe(at('09:15'));
    // A clock-time cue keeps its time once its session has started.
    expect(byId.get('cloud')!.expectedAt).toBe(at('09:40'));
    expect(byId.get('qa')!.expectedAt).toBe(at('10:12'));
  });
});

describe('cue engine', () => {
  it('puts the first cue on standby and fires nothing before its time', () => {
    const s0 = initialCueState();
    const step = ok(tick(s0, list, at('08:00')), s0);
    expect(step.events).toEqual([{ type: 'cue.standby', cueId: 'join', by: 'engine' }]);
    expect(step.fired).toEqual([]);
    expect(ok(tick(step.state, list, at('08:54', 59)), step.state).events).toEqual([]);
  });

  it('fires an auto cue at its time, with planned and actual times', () => {
    const s = started();
    const step = ok(tick(s, list, at('08:55', 0.2)), s);
    expect(step.fired).toEqual(['join']);
    expect(step.events).toEqual([
      { type: 'cue.fired', cueId: 'join', plannedAt: at('08:55'), expectedAt: at('08:55'), firedAt: at('08:55', 0.2), trigger: 'auto' },
      { type: 'cue.standby', cueId: 'open', by: 'engine' },
    ]);
    // Fired once only.
    expect(ok(tick(step.state, list, at('08:55', 0.4)), step.state).fired).toEqual([]);
  });

  it('keeps a manual cue on standby until GO', () => {
    let s = ok(tick(started(), list, at('08:55')), started()).state;
    const later = ok(tick(s, list, at('09:20')), s);
    expect(later.fired).toEqual([]);
    expect(standbyCue(later.state, list)?.id).toBe('open');
    s = later.state;
    const g = ok(go(s, list, at('09:20', 3)), s);
    expect(g.fired).toEqual(['open']);
    expect(g.events).toEqual([
      { type: 'cue.go', cueId: 'open', at: at('09:20', 3) },
      { type: 'cue.fired', cueId: 'open', plannedAt: at('09:15'), expectedAt: at('09:15'), firedAt: at('09:20', 3), trigger: 'go' },
      { type: 'cue.standby', cueId: 'close', by: 'engine' },
    ]);
  });

  it('fires a cue early on GO, up to 5 minutes before its time; earlier only when confirmed', () => {
    const s = started();
    const g = ok(go(s, list, at('08:50')), s);
    expect(g.fired).toEqual(['join']);
    expect(g.events[0]).toEqual({ type: 'cue.go', cueId: 'join', at: at('08:50') });
    expect(ok(tick(g.state, list, at('08:55')), g.state).fired).toEqual([]);
    const early = go(s, list, at('08:30'));
    expect(early).toMatchObject({ ok: false, code: 'out-of-order' });
    if (early.ok) throw new Error('refus attendu');
    expect(early.reason).toMatch(/join .*prévue dans 25 min \(plus de 5 min d’avance\)/);
    expect(early.state).toBe(s);
    const confirmed = ok(go(s, list, at('08:30'), { outOfOrder: true }), s);
    expect(confirmed.events[0]).toEqual({ type: 'cue.go', cueId: 'join', at: at('08:30'), outOfOrder: true });
    expect(confirmed.state.runs.join).toEqual({ status: 'fired', firedAt: at('08:30'), trigger: 'go', outOfOrder: true });
  });

  it('refuses, unless confirmed, a GO that passes over waiting cues of its session or lands in a session over', () => {
    const s = started();
    // ↓ ↓ then Space: « close » while « join » and « open » still wait.
    const arrowed = ok(next(ok(next(s, list), s).state, list), ok(next(s, list), s).state).state;
    expect(arrowed.standby).toBe('close');
    const g = go(arrowed, list, at('09:24'));
    expect(g).toMatchObject({ ok: false, code: 'out-of-order' });
    if (g.ok) throw new Error('refus attendu');
    expect(g.reason).toContain('2 répliques de sa séance, avant elle, n’ont été ni lancées ni sautées (join, open)');
    expect(goOrder(arrowed, list, at('09:24'), 'close')).toEqual([{ kind: 'skips', cueIds: ['join', 'open'] }]);
    // Confirmed: it fires, and the standby comes back to the cue due next, not past it.
    const confirmed = ok(go(arrowed, list, at('09:24'), { outOfOrder: true }), arrowed);
    expect(confirmed.fired).toEqual(['close']);
    expect(confirmed.state).toMatchObject({ standby: 'join', standbyPinned: false });
    // A cue of a session that has ended.
    expect(goOrder(s, list, at('10:30'), 'note')).toEqual([{ kind: 'past-session' }, { kind: 'skips', cueIds: ['join', 'open', 'close', 'reveal', 'cloud'] }]);
    // Another session's cue, at its time, while this one still has cues to do: in order.
    expect(goOrder(s, list, at('09:58'), 'qa')).toEqual([]);
    // A cue in its pre-wait was already set off: GO on it is always in order.
    const pw = ok(go(s, list, at('09:00'), { cueId: 'reveal', outOfOrder: true }), s).state;
    expect(goOrder(pw, list, at('09:00', 1), 'reveal')).toEqual([]);
    // The double press is refused first, whatever the order.
    expect(go(pw, list, at('09:00', 0.5), { cueId: 'qa' })).toMatchObject({ code: 'double-go' });
  });

  it('re-arms a cue: back to waiting and on standby, whatever it was', () => {
    const s = started();
    const fired = ok(go(s, list, at('08:55')), s).state;
    expect(fired.standby).toBe('open');
    const r = ok(rearm(fired, list, 'join', at('08:56')), fired);
    expect(r.events).toEqual([{ type: 'cue.rearmed', cueId: 'join', at: at('08:56') }]);
    expect(cueStatus(r.state, 'join')).toBe('waiting');
    expect(r.state).toMatchObject({ standby: 'join', standbyPinned: true });
    expect(ok(go(r.state, list, at('08:57')), r.state).fired).toEqual(['join']);
    expect(rearm(s, list, 'nope', at('08:56'))).toMatchObject({ ok: false, code: 'unknown-cue' });
  });

  it('runs a pre-wait, and an auto-continue without GO', () => {
    let s = started();
    s = ok(skip(s, list, 'join', at('08:50')), s).state;
    s = ok(go(s, list, at('09:15')), s).state; // open
    expect(s.standby).toBe('close');
    // GO on "close": it fires, and its auto-continue starts the 10 s pre-wait of "reveal".
    const g = ok(go(s, list, at('09:25')), s);
    expect(g.fired).toEqual(['close']);
    expect(g.events).toContainEqual(
      expect.objectContaining({ type: 'cue.prewait', cueId: 'reveal', fireAt: at('09:25', 10), trigger: 'continue' }),
    );
    expect(g.state.standby).toBe('cloud');
    s = g.state;
    expect(ok(tick(s, list, at('09:25', 9.9)), s).fired).toEqual([]);
    const t = ok(tick(s, list, at('09:25', 10)), s);
    expect(t.fired).toEqual(['reveal']);
    expect(t.events[0]).toMatchObject({ type: 'cue.fired', cueId: 'reveal', trigger: 'continue' });
  });

  it('starts the pre-wait of a cue on GO; a second GO during it fires it at once', () => {
    const s = ok(go(started(), list, at('09:00'), { cueId: 'reveal', outOfOrder: true }), started()).state;
    expect(cueStatus(s, 'reveal')).toBe('prewait');
    expect(s.standby).toBe('join'); // a cue fired by hand does not move the standby
    const again = ok(go(s, list, at('09:00', 2), { cueId: 'reveal', outOfOrder: true }), s);
    expect(again.fired).toEqual(['reveal']);
    expect(ok(tick(again.state, list, at('09:00', 11)), again.state).fired).toEqual([]);
  });

  it('refuses a second GO inside the minimum interval', () => {
    const s = started();
    const first = ok(go(s, list, at('09:00')), s);
    const second = go(first.state, list, at('09:00', 0.6));
    expect(second).toMatchObject({ ok: false, code: 'double-go' });
    if (second.ok) throw new Error('refus attendu');
    expect(second.reason).toMatch(/deux appuis/);
    expect(second.state).toBe(first.state);
    expect(go(first.state, list, at('09:00', 1), { outOfOrder: true }).ok).toBe(true);
    // Configurable.
    expect(go(first.state, list, at('09:00', 1), { minGoIntervalMs: 2_000, outOfOrder: true })).toMatchObject({ ok: false, code: 'double-go' });
    // The end of a pre-wait is not a press: it does not block the next GO.
    const pw = ok(go(s, list, at('09:00'), { cueId: 'reveal', outOfOrder: true }), s);
    const ended = ok(tick(pw.state, list, at('09:00', 10)), pw.state);
    expect(ended.fired).toEqual(['reveal']);
    expect(go(ended.state, list, at('09:00', 10.2), { outOfOrder: true }).ok).toBe(true);
  });

  it('refuses GO with nothing on standby, on an unknown cue, and on a cue already done', () => {
    expect(go(initialCueState(), list, at('09:00'))).toMatchObject({ ok: false, code: 'no-standby' });
    expect(go(started(), list, at('09:00'), { cueId: 'nope' })).toMatchObject({ ok: false, code: 'unknown-cue' });
    const s = ok(go(started(), list, at('09:00')), started()).state;
    expect(go(s, list, at('09:05'), { cueId: 'join' })).toMatchObject({ ok: false, code: 'already-done' });
    expect(skip(s, list, 'join', at('09:05'))).toMatchObject({ ok: false, code: 'already-done' });
  });

  it('moves the standby with next and previous, over the cues still to do', () => {
    const s = started();
    const n1 = ok(next(s, list), s);
    expect(n1.events).toEqual([{ type: 'cue.standby', cueId: 'open', by: 'operator' }]);
    expect(n1.state.standbyPinned).toBe(true);
    const n2 = ok(skip(n1.state, list, 'close', at('08:01')), n1.state);
    expect(n2.state.standby).toBe('open'); // skipping another cue leaves the standby alone
    const n3 = ok(next(n2.state, list), n2.state);
    expect(n3.state.standby).toBe('reveal'); // over the skipped one
    expect(ok(previous(n3.state, list), n3.state).state.standby).toBe('open');
    expect(previous(s, list)).toMatchObject({ ok: false, code: 'end-of-list' });
    let last = s;
    for (let i = 0; i < 6; i += 1) last = ok(next(last, list), last).state;
    expect(last.standby).toBe('qa');
    expect(next(last, list)).toMatchObject({ ok: false, code: 'end-of-list' });
    // A pinned standby stays put through ticks, even on a cue left behind.
    const late = ok(tick(n1.state, list, at('10:30')), n1.state);
    expect(late.state.standby).toBe('open');
  });

  it('skips a cue in its pre-wait: it never fires', () => {
    const s = ok(go(started(), list, at('09:00'), { cueId: 'reveal', outOfOrder: true }), started()).state;
    const sk = ok(skip(s, list, 'reveal', at('09:00', 5)), s);
    expect(cueStatus(sk.state, 'reveal')).toBe('skipped');
    expect(ok(tick(sk.state, list, at('09:00', 10)), sk.state).fired).toEqual([]);
  });

  it('holds auto cues: they are flagged missed, and the release fires nothing', () => {
    const s = started();
    const h = ok(hold(s, list, at('08:50')), s);
    expect(h.events).toEqual([{ type: 'cue.held', at: at('08:50') }]);
    expect(h.state.held).toBe(true);
    expect(ok(hold(h.state, list, at('08:51')), h.state).events).toEqual([]);
    const t = ok(tick(h.state, list, at('08:55')), h.state);
    expect(t.fired).toEqual([]);
    expect(t.events[0]).toEqual({
      type: 'cue.missed',
      cueId: 'join',
      plannedAt: at('08:55'),
      expectedAt: at('08:55'),
      at: at('08:55'),
      reason: 'held',
    });
    const r = ok(release(t.state, list, at('08:56')), t.state);
    expect(r.events).toEqual([{ type: 'cue.released', at: at('08:56') }]);
    expect(ok(tick(r.state, list, at('08:57')), r.state).fired).toEqual([]);
    // The operator fires the missed cue by hand.
    expect(ok(go(r.state, list, at('08:58'), { cueId: 'join' }), r.state).fired).toEqual(['join']);
  });

  it('keeps GO working during a hold, but not auto-continues', () => {
    let s = ok(hold(started(), list, at('09:00')), started()).state;
    s = ok(go(s, list, at('09:25'), { cueId: 'close', outOfOrder: true }), s).state;
    expect(cueStatus(s, 'close')).toBe('fired');
    expect(cueStatus(s, 'reveal')).toBe('waiting');
  });

  it('flags missed, after a restart, the auto cues whose time passed while closed', () => {
    // Before closing: standby set, "open" fired by GO at 09:15.
    const s0 = initialCueState();
    const a = ok(tick(s0, list, at('08:00')), s0);
    const b = ok(skip(a.state, list, 'join', at('08:10')), a.state);
    const c = ok(go(b.state, list, at('09:15')), b.state);
    const journal = [...a.events, ...b.events, ...c.events];
    // The app was closed from 09:16 to 09:50: the state comes back from the journal.
    const rebuilt = replayCueEvents(journal.map((e) => cueEventSchema.parse(JSON.parse(JSON.stringify(e)))));
    expect(rebuilt).toEqual(c.state);
    const r = ok(restore(rebuilt, list, at('09:50')), rebuilt);
    expect(r.fired).toEqual([]);
    expect(r.events).toEqual([
      { type: 'cue.missed', cueId: 'cloud', plannedAt: at('09:40'), expectedAt: at('09:40'), at: at('09:50'), reason: 'closed' },
    ]);
    expect(r.state.standby).toBe('close'); // manual cues wait for GO, late or not
    expect(ok(tick(r.state, list, at('09:50', 0.25)), r.state).fired).toEqual([]);
    // The operator can fire it by hand, or skip it.
    expect(ok(go(r.state, list, at('09:51'), { cueId: 'cloud', outOfOrder: true }), r.state).fired).toEqual(['cloud']);
    expect(cueStatus(ok(skip(r.state, list, 'cloud', at('09:51')), r.state).state, 'cloud')).toBe('skipped');
  });

  it('on the very first start, flags nothing: auto cues already past wait for a GO, and are never fired by a tick', () => {
    const s0 = initialCueState();
    const r = ok(restore(s0, list, at('09:50')), s0);
    expect(r.events).toEqual([
      { type: 'cue.watching', since: at('09:50') },
      { type: 'cue.standby', cueId: 'join', by: 'engine' },
    ]);
    expect(r.fired).toEqual([]);
    expect(Object.values(r.state.runs)).toEqual([]);
    // « join » (08:55) and « cloud » (09:40), auto, passed before the start: the ticks leave them.
    const t = ok(tick(r.state, list, at('09:50', 1)), r.state);
    expect(t.events).toEqual([]);
    // An auto cue due after the start is watched as ever.
    const s2 = ok(tick(r.state, list, at('10:00', 0.3)), r.state);
    expect(s2.events.filter((e) => e.type === 'cue.missed')).toEqual([]);
    // The next start is a restart: what passed while closed, after the first start, is flagged.
    const again = ok(restore(r.state, list2(), at('11:30')), r.state);
    expect(again.events.filter((e) => e.type === 'cue.missed').map((e) => 'cueId' in e && e.cueId)).toEqual(['auto2']);
  });

  it('flags missed a pre-wait that ended while closed, and lets a running one go on', () => {
    const s = ok(go(started(), list, at('08:50'), { cueId: 'reveal', outOfOrder: true }), started()).state;
    expect(ok(restore(s, list, at('08:50', 5)), s).events).toEqual([]);
    const r = ok(restore(s, list, at('08:51')), s);
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'cue.missed', cueId: 'reveal', reason: 'closed' }));
    expect(ok(tick(r.state, list, at('08:51', 0.25)), r.state).fired).toEqual([]);
  });

  it('does not fire an auto cue found long after its time (machine asleep)', () => {
    const s = started();
    const t = ok(tick(s, list, at('08:56')), s);
    expect(t.fired).toEqual([]);
    expect(t.events[0]).toMatchObject({ type: 'cue.missed', cueId: 'join', reason: 'late' });
    expect(ok(tick(s, list, at('08:55', 14)), s).fired).toEqual(['join']);
    expect(ok(tick(s, list, at('08:56'), { lateToleranceMs: 120_000 }), s).fired).toEqual(['join']);
  });

  it('moves the standby past a manual cue left behind once its session is over', () => {
    const s = ok(skip(started(), list, 'join', at('08:10')), started()).state;
    expect(s.standby).toBe('open');
    const t = ok(tick(s, list, at('10:00', 30)), s);
    expect(t.state.standby).toBe('qa');
    expect(cueStatus(t.state, 'open')).toBe('waiting'); // still in the list, fired by hand if wanted
  });

  it('keeps its state serialisable', () => {
    let s = started();
    s = ok(go(s, list, at('09:00'), { cueId: 'reveal', outOfOrder: true }), s).state;
    s = ok(hold(s, list, at('09:01')), s).state;
    expect(cueEngineStateSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});
