import { randomBytes } from 'node:crypto';
import { wordKey } from '../../shared/domain/french-words';
import type { AudienceState } from '../../shared/protocol/audience-state';
import { makeBallot } from './ballots';
import type { SimulatorOptions } from './options';
import { makeQuestion } from './questions';
import { createRng } from './rng';
import { perMinute, RateScheduler } from './schedule';
import { SimParticipant, type SimParticipantHooks } from './sim-participant';
import { type MessageKind, SimStats, type Summary, summarise } from './stats';
import { makeWords } from './words';

/**
 * The rehearsal: N synthetic participants join a hub at a given pace, then, each tick, as many
 * questions, votes, words and upvotes as the rates make due go out from participants picked at
 * random among those free and entitled (a room-only Q&A takes the room's questions only; nobody
 * upvotes twice or resends a word). It follows what the régie opened through one participant's
 * state, stops by itself after the duration, and returns the bilan.
 */
const TICK_MS = 50;
const PICK_TRIES = 40;

export interface SimulationDeps {
  log?: (line: string) => void;
  now?: () => number;
  /** Aborted: stop early (Ctrl+C) and still return the bilan. */
  signal?: AbortSignal;
  /** Every message the hub accepted (not its duplicates), as sent: what `--record` writes. */
  onAccepted?: (m: AcceptedMessage) => void;
}

/** One accepted message: the hub's id for it is `participantId:clientMsgId` (the régie's `msgId`). */
export interface AcceptedMessage {
  room: string | null;
  participantId: string;
  origin: 'room' | 'remote';
  clientMsgId: string;
  type: MessageKind;
  body: Record<string, unknown>;
}

function describeOpen(state: AudienceState | null): string {
  if (!state) return 'état du hub inconnu';
  const parts: string[] = [];
  const i = state.interaction;
  if (i?.kind === 'cloud') parts.push(`nuage « ${i.prompt} »`);
  else if (i) parts.push(`${i.kind === 'rating' ? 'échelle' : 'sondage'} « ${i.question} »`);
  else parts.push('aucun vote ouvert');
  parts.push(state.qa.open ? `questions ouvertes${state.qa.roomOnly ? ' (salle seulement)' : ''}` : 'questions fermées');
  parts.push(`${state.questions.length} question(s) publiée(s)`);
  return parts.join(' ; ');
}

export async function runSimulation(opts: SimulatorOptions, deps: SimulationDeps = {}): Promise<Summary> {
  const now = deps.now ?? (() => performance.now());
  const log = deps.log ?? (() => {});
  const rng = createRng(opts.seed);
  const stats = new SimStats();
  let state: AudienceState | null = null;
  const t0 = now();

  const hooks: SimParticipantHooks = {
    now,
    onState: (s) => (state = s),
    onJoined: (p, _ack, first) => {
      if (!first) return;
      stats.joins.ok += 1;
      stats[p.origin] += 1;
      const t = now();
      stats.joins.firstMs ??= t;
      stats.joins.lastMs = t;
    },
    onJoinRefused: (p, code) => {
      stats.joinRefused(code);
      if (code === 'rate_limited' || code === 'busy' || code === 'timeout') stats.joins.retries += 1;
      if (!p.everJoined && code === 'wrong_event') log(`Code d’événement refusé par le hub : ${opts.eventCode}`);
    },
    onDisconnect: () => (stats.disconnects += 1),
    onResult: (p, event, body, result, clientMsgId) => {
      const k = stats.kinds[event];
      if (result.kind === 'lost') return void (k.lost += 1);
      k.latenciesMs.push(Math.round(result.ms));
      if (!result.ack.ok) return stats.refuse(event, result.ack.error.code);
      k.accepted += 1;
      if (result.ack.duplicate) k.duplicates += 1;
      else deps.onAccepted?.({ room: opts.room ?? null, participantId: p.participantId, origin: p.origin, clientMsgId, type: event, body });
      // What the participant did, so that it does not do it again.
      if (event === 'question.upvote') p.upvoted.add(String(body.questionId));
      if (event === 'words.send') {
        const cloudId = String(body.cloudId);
        const set = p.words.get(cloudId) ?? new Set<string>();
        for (const w of body.words as string[]) set.add(wordKey(w));
        p.words.set(cloudId, set);
      }
      if (event === 'poll.vote') p.votes.set(String(body.pollId), JSON.stringify(body.choices ?? body.rating));
    },
  };

  const roomCount = Math.round(opts.participants * opts.roomShare);
  const participants = Array.from(
    { length: opts.participants },
    (_, i) =>
      new SimParticipant(
        opts.url,
        opts.eventCode,
        `sim-${opts.seed.toString(36)}-${i}-${randomBytes(6).toString('base64url')}`,
        i < roomCount ? 'room' : 'remote',
        opts.ackTimeoutMs,
        hooks,
        i === 0,
        {
          ...(opts.room === undefined ? {} : { room: opts.room }),
          ...(i < roomCount && opts.roomKey !== undefined ? { key: opts.roomKey } : {}),
        },
      ),
  );

  const joinRate = new RateScheduler(opts.joinPerSecond);
  const rates: Record<MessageKind, RateScheduler> = {
    'question.ask': new RateScheduler(perMinute(opts.questionsPerMinute)),
    'poll.vote': new RateScheduler(opts.votesPerSecond),
    'words.send': new RateScheduler(opts.wordsPerSecond),
    'question.upvote': new RateScheduler(opts.upvotesPerSecond),
  };
  const start = now();
  joinRate.start(start);
  Object.values(rates).forEach((r) => r.start(start));
  let started = 0;
  // The first participant watches the state: it joins at once.
  participants[0]?.start();
  started = participants.length > 0 ? 1 : 0;

  const pick = (ok: (p: SimParticipant) => boolean): SimParticipant | null => {
    for (let i = 0; i < PICK_TRIES; i += 1) {
      const p = participants[rng.int(0, participants.length - 1)];
      if (p && p.joined && !p.busy && ok(p)) return p;
    }
    return null;
  };
  const go = (kind: MessageKind, p: SimParticipant | null, body: () => Record<string, unknown> | null): void => {
    const b = p ? body() : null;
    if (!p || !b) return void (stats.kinds[kind].nobodyFree += 1);
    stats.kinds[kind].sent += 1;
    void p.send(kind, b);
  };

  const tick = (): void => {
    const t = now();
    for (let n = joinRate.due(t); n > 0 && started < participants.length; n -= 1) participants[started++]?.start();
    const s: AudienceState | null = state;

    for (let n = rates['question.ask'].due(t); n > 0; n -= 1) {
      if (!s?.qa.open) {
        stats.kinds['question.ask'].nothingOpen += 1;
        continue;
      }
      const roomOnly = s.qa.roomOnly;
      go(
        'question.ask',
        pick((p) => !roomOnly || p.origin === 'room'),
        () => {
          const q = makeQuestion(rng);
          return { text: q.text, ...(q.name ? { name: q.name } : {}), ...(s.qa.sessionId ? { sessionId: s.qa.sessionId } : {}) };
        },
      );
    }

    const open = s?.interaction ?? null;
    for (let n = rates['poll.vote'].due(t); n > 0; n -= 1) {
      if (!open || open.kind === 'cloud') {
        stats.kinds['poll.vote'].nothingOpen += 1;
        continue;
      }
      const change = rng.chance(opts.changeShare);
      // A first vote from someone who has not voted, or (changeShare, or once all have voted) a new choice.
      const voter = pick((p) => p.votes.has(open.id) === change) ?? pick(() => true);
      go('poll.vote', voter, () => ({ pollId: open.id, ...makeBallot(rng, open) }));
    }

    for (let n = rates['words.send'].due(t); n > 0; n -= 1) {
      if (open?.kind !== 'cloud') {
        stats.kinds['words.send'].nothingOpen += 1;
        continue;
      }
      const max = open.maxWordsPerParticipant;
      const p = pick((x) => (x.words.get(open.id)?.size ?? 0) < max);
      go('words.send', p, () => {
        const sent = p?.words.get(open.id) ?? new Set<string>();
        const words = makeWords(rng, Math.min(rng.int(1, 3), max - sent.size), sent);
        return words.length > 0 ? { cloudId: open.id, words } : null;
      });
    }

    const published = s?.questions ?? [];
    for (let n = rates['question.upvote'].due(t); n > 0; n -= 1) {
      if (published.length === 0) {
        stats.kinds['question.upvote'].nothingOpen += 1;
        continue;
      }
      // Earlier (lower in the list) questions have had more time to gather support: favour them a little.
      const q = published[rng.weighted(published.map((_, i) => 1 + i / published.length))];
      if (!q) continue;
      go(
        'question.upvote',
        pick((p) => !p.upvoted.has(q.id)),
        () => ({ questionId: q.id }),
      );
    }
  };

  log(
    `Simulation : ${opts.participants} participants (${roomCount} dans la salle) sur ${opts.url}, code ${opts.eventCode}, ${opts.durationSeconds} s, graine ${opts.seed}`,
  );
  const endAt = start + opts.durationSeconds * 1000;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (now() >= endAt || deps.signal?.aborted) {
        clearInterval(timer);
        resolve();
        return;
      }
      tick();
    }, TICK_MS);
    deps.signal?.addEventListener('abort', () => {
      clearInterval(timer);
      resolve();
    });
  });

  // Let the answers in flight come back (at most the ack timeout), then leave.
  const waitUntil = now() + opts.ackTimeoutMs;
  while (participants.some((p) => p.busy) && now() < waitUntil) await new Promise((r) => setTimeout(r, 50));
  participants.forEach((p) => p.close());
  return summarise(stats, {
    url: opts.url,
    eventCode: opts.eventCode,
    seed: opts.seed,
    durationMs: Math.round(now() - t0),
    openAtEnd: describeOpen(state),
    wanted: opts.participants,
  });
}

/**
 * Several rooms at once (`--rooms`): one simulation per room, side by side, each with the
 * participants and rates given (per room), its own seed (seed + its rank) and its room's key. Each
 * room's first participant watches that room's state (a phone sees its room only), so each room
 * asks, votes and upvotes in what is open there.
 */
export async function runRooms(opts: SimulatorOptions, deps: SimulationDeps = {}): Promise<Record<string, Summary>> {
  const rooms = opts.rooms ?? [];
  const one: SimulatorOptions = { ...opts };
  delete one.rooms;
  delete one.roomKeys;
  const summaries = await Promise.all(
    rooms.map((room, i) => {
      const key = opts.roomKeys?.[room];
      const log = (line: string) => deps.log?.(`[${room}] ${line}`);
      return runSimulation({ ...one, room, seed: (opts.seed + i) >>> 0, ...(key === undefined ? {} : { roomKey: key }) }, { ...deps, log });
    }),
  );
  return Object.fromEntries(rooms.map((room, i) => [room, summaries[i]!]));
}
