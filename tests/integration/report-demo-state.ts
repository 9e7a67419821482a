import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialState, type RegieState } from '../../src/shared/api/state';
import type { Programme } from '../../src/shared/domain/programme';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { regieEventSchema } from '../../src/main/engine/events';
import { reduce } from '../../src/main/engine/reduce';
import { readProgrammeFile } from '../../src/main/programme/import-programme';
import { repoRoot } from './helpers';

/**
 * The demo programme's first plenary (j1-seq1) as the régie's journal would leave it after the
 * session: the four kinds of poll, a word cloud with held words, questions in every state
 * (hostile text included), a delay and the session marked as it ran. Every event goes through the
 * journal's schema and the real reducer.
 */

export const DEMO_SESSION = 'j1-seq1';
export const HOSTILE = {
  html: '<script>alert("x")</script><b>gras</b> &amp; <img src=x onerror=alert(1)>',
  rtl: 'Question \u202eesreve\u202c avec inversion',
  zeroWidth: 'Pro\u200bté\u200cger\u200d les\ufeff enfants',
  zalgo: `Z${'\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(4)}algo`,
  long: `${'Une question très longue sur la protection de l’enfance '.repeat(60)}${'x'.repeat(1500)}`.slice(0, 5000),
  emoji: '🙏🏽👨‍👩‍👧‍👦🤔💡',
} as const;

const tz = 'Europe/Paris';
const at = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, tz);
const MIN = 60_000;

/** A deterministic generator (the same state at every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The demo programme, with j1-seq1 given a poll of each kind and a word cloud. */
function demoProgramme(): Programme {
  const p = readProgrammeFile(readFileSync(join(repoRoot, 'resources/demo/assises-2021.yaml'), 'utf8'), 'assises-2021.yaml');
  const extra = [
    {
      kind: 'poll',
      id: 'priorites-sortie-crise',
      type: 'multiple',
      question: 'Vos priorités pour la sortie de crise ? (trois au plus)',
      options: [
        'Santé psychique des enfants',
        'Soutien aux familles',
        'Recrutement et fidélisation des équipes',
        'Coordination avec l’Éducation nationale',
        'Outils numériques',
        'Formation continue',
      ],
      maxChoices: 3,
      hideResultsUntilReveal: false,
    },
    {
      kind: 'poll',
      id: 'confiance-equipes',
      type: 'rating',
      question: 'Quelle confiance accordez-vous à votre équipe pour traverser une nouvelle crise ?',
      min: 1,
      max: 5,
      minLabel: 'aucune',
      maxLabel: 'totale',
      hideResultsUntilReveal: false,
    },
    {
      kind: 'poll',
      id: 'teletravail',
      type: 'yesno',
      question: 'Avez-vous pu garder un lien régulier avec chaque enfant suivi pendant le premier confinement ?',
      hideResultsUntilReveal: false,
    },
    {
      kind: 'wordcloud',
      id: 'un-mot-crise',
      prompt: 'Un mot pour dire ce que la crise a changé dans votre métier',
      maxWordsPerParticipant: 3,
      maxWordLength: 25,
    },
  ] as const;
  const session = p.sessions.find((s) => s.id === DEMO_SESSION);
  if (!session) throw new Error('demo session missing');
  const cues = [
    ...(session.cues ?? []),
    ...extra.map((i, k) => ({
      id: `j1-seq1-extra-${k}`,
      at: { offset: `+00:${String(20 + k * 4).padStart(2, '0')}` },
      mode: 'manual',
      action: { type: i.kind === 'poll' ? 'poll.open' : 'wordcloud.open', interaction: i.id },
    })),
  ];
  return {
    ...p,
    interactions: [...(p.interactions ?? []), ...extra],
    sessions: p.sessions.map((s) => (s.id === DEMO_SESSION ? { ...s, cues } : s)),
  } as Programme;
}

const CLOUD_WORDS = [
  'adaptation',
  'solidarité',
  'fatigue',
  'visio',
  'lien',
  'isolement',
  'créativité',
  'télétravail',
  'écoute',
  'urgence',
  'épuisement',
  'souplesse',
  'confiance',
  'inquiétude',
  'réinvention',
  'distance',
  'Solidarité',
  'numérique',
  'familles',
  'résilience',
  'présence',
  'masques',
  'protocoles',
  'entraide',
  'incertitude',
  'courage',
  'colère',
  'bricolage',
  'engagement',
  'humanité',
];

export function demoReportState(): RegieState {
  const programme = demoProgramme();
  const events: unknown[] = [];
  const times: number[] = [];
  const push = (event: unknown, when: number) => {
    events.push(event);
    times.push(when);
  };
  push({ type: 'programme.loaded', programme, source: 'assises-2021.yaml' }, at('08:00'));
  push({ type: 'delay.set', entry: { sessionId: DEMO_SESSION, minutes: 7, at: at('09:50') }, showAt: at('09:50') }, at('09:50'));
  push({ type: 'session.marked', sessionId: DEMO_SESSION, edge: 'start', at: at('09:52'), plannedAt: at('09:45') }, at('09:52'));

  let hubSeq = 0;
  const rand = lcg(42);
  const audience = (message: Record<string, unknown>, when: number, flags?: { kind: string; match: string }[]) => {
    hubSeq += 1;
    const participantId = String(message.participantId ?? `participant-${String(hubSeq).padStart(8, '0')}`);
    push(
      {
        type: 'audience.received',
        hubId: 'hub-demo',
        message: { hubSeq, msgId: `${participantId}:m${hubSeq}`, receivedAt: when, participantId, ...message },
        ...(flags ? { flags } : {}),
      },
      when,
    );
  };
  const voter = (i: number) => `voter-${String(i).padStart(10, '0')}`;

  // The polls: open, votes from the room and remote, close, reveal.
  const polls: { id: string; open: string; vote: (r: () => number) => { choices: number[] | null; rating: number | null } }[] = [
    {
      id: 'charge-de-travail',
      open: '10:15',
      vote: (r) => ({ choices: [r() < 0.45 ? 0 : r() < 0.7 ? 1 : r() < 0.9 ? 2 : 3], rating: null }),
    },
    {
      id: 'priorites-sortie-crise',
      open: '10:20',
      vote: (r) => ({ choices: [...new Set([Math.floor(r() * 6), Math.floor(r() * 3), Math.floor(r() * 6)])].sort(), rating: null }),
    },
    { id: 'confiance-equipes', open: '10:24', vote: (r) => ({ choices: null, rating: Math.min(5, 1 + Math.floor(r() * 3 + r() * 3)) }) },
    { id: 'teletravail', open: '10:28', vote: (r) => ({ choices: [r() < 0.62 ? 0 : 1], rating: null }) },
  ];
  polls.forEach((p, k) => {
    const opened = at(p.open);
    push({ type: 'interaction.opened', interactionId: p.id, at: opened }, opened);
    const voters = 380 - k * 45;
    for (let i = 0; i < voters; i += 1) {
      audience(
        {
          type: 'poll.vote',
          participantId: voter(i),
          origin: i % 3 === 0 ? 'remote' : 'room',
          pollId: p.id,
          ...p.vote(rand),
          replaces: null,
        },
        opened + 1000 + i * 300,
      );
    }
    // Ten voters change their mind: their new vote replaces the old one.
    for (let i = 0; i < 10; i += 1)
      audience(
        {
          type: 'poll.vote',
          participantId: voter(i),
          origin: i % 3 === 0 ? 'remote' : 'room',
          pollId: p.id,
          ...p.vote(rand),
          replaces: `${voter(i)}:m0`,
        },
        opened + 200_000 + i,
      );
    push({ type: 'interaction.closed', interactionId: p.id, at: opened + 3 * MIN }, opened + 3 * MIN);
    push({ type: 'interaction.revealed', interactionId: p.id, at: opened + 3 * MIN + 5000 }, opened + 3 * MIN + 5000);
  });

  // The word cloud: Zipf-like counts, a given name and a swear word held back.
  const cloudOpen = at('10:32');
  push({ type: 'interaction.opened', interactionId: 'un-mot-crise', at: cloudOpen }, cloudOpen);
  for (let i = 0; i < 260; i += 1) {
    const pick = () => CLOUD_WORDS[Math.min(CLOUD_WORDS.length - 1, Math.floor(CLOUD_WORDS.length * rand() ** 2.2))] ?? 'lien';
    audience(
      {
        type: 'words.send',
        participantId: voter(1000 + i),
        origin: i % 4 === 0 ? 'remote' : 'room',
        cloudId: 'un-mot-crise',
        words: [...new Set([pick(), pick()])],
      },
      cloudOpen + i * 500,
    );
  }
  for (let i = 0; i < 4; i += 1) {
    audience(
      { type: 'words.send', participantId: voter(2000 + i), origin: 'room', cloudId: 'un-mot-crise', words: ['Kevin', 'merde'] },
      cloudOpen + 200_000 + i,
      [
        { kind: 'name', match: 'Kevin' },
        { kind: 'profanity', match: 'merde' },
      ],
    );
  }
  push({ type: 'interaction.closed', interactionId: 'un-mot-crise', at: cloudOpen + 4 * MIN }, cloudOpen + 4 * MIN);

  // Questions.
  push({ type: 'qa.opened', at: at('10:37'), sessionId: DEMO_SESSION, roomOnly: false }, at('10:37'));
  const asked: {
    text: string;
    name: string | null;
    origin: 'room' | 'remote';
    upvotes: number;
    then: 'answered' | 'approved' | 'rejected' | 'incoming' | 'flagged';
  }[] = [
    {
      text: 'Comment les départements ont-ils maintenu les visites médiatisées pendant le confinement ?',
      name: 'Claire M.',
      origin: 'room',
      upvotes: 24,
      then: 'answered',
    },
    {
      text: 'Quels effets durables observez-vous sur la santé psychique des adolescents placés ?',
      name: 'Ahmed',
      origin: 'remote',
      upvotes: 41,
      then: 'approved',
    },
    {
      text: 'Les assistants familiaux ont-ils été considérés comme des professionnels prioritaires ?',
      name: null,
      origin: 'room',
      upvotes: 17,
      then: 'approved',
    },
    { text: HOSTILE.html, name: '<b>Hacker</b>', origin: 'remote', upvotes: 2, then: 'approved' },
    { text: HOSTILE.rtl, name: 'Anonyme', origin: 'room', upvotes: 3, then: 'approved' },
    { text: HOSTILE.zeroWidth, name: null, origin: 'remote', upvotes: 1, then: 'answered' },
    { text: HOSTILE.zalgo, name: 'Z', origin: 'remote', upvotes: 0, then: 'incoming' },
    { text: HOSTILE.emoji, name: '🙂', origin: 'room', upvotes: 5, then: 'approved' },
    { text: 'Question hors sujet et insultante', name: 'Troll', origin: 'remote', upvotes: 0, then: 'rejected' },
    {
      text: 'Ma fille Jade, placée à Rezé, ne voit plus son frère : que faire ?',
      name: 'Sandrine',
      origin: 'room',
      upvotes: 0,
      then: 'flagged',
    },
    {
      text: 'Quel bilan tirez-vous des audiences en visioconférence devant le juge des enfants ?',
      name: 'Paul',
      origin: 'room',
      upvotes: 12,
      then: 'incoming',
    },
  ];
  let qSeqs: number[] = [];
  asked.forEach((q, i) => {
    const when = at('10:38') + i * 40_000;
    audience(
      { type: 'question.ask', participantId: voter(3000 + i), origin: q.origin, text: q.text, name: q.name, sessionId: DEMO_SESSION },
      when,
      q.then === 'flagged' ? [{ kind: 'name', match: 'Jade' }] : undefined,
    );
    qSeqs = [...qSeqs, events.length];
  });
  const qid = (i: number) => `q-${qSeqs[i] ?? 0}`;
  asked.forEach((q, i) => {
    for (let v = 0; v < q.upvotes; v += 1)
      audience(
        { type: 'question.upvote', participantId: voter(4000 + v), origin: v % 2 ? 'room' : 'remote', questionId: qid(i) },
        at('10:50') + v,
      );
    if (q.then === 'answered' || q.then === 'approved')
      push({ type: 'question.status.set', questionId: qid(i), status: 'approved' }, at('10:45'));
    if (q.then === 'answered') push({ type: 'question.status.set', questionId: qid(i), status: 'answered' }, at('10:52'));
    if (q.then === 'rejected') push({ type: 'question.status.set', questionId: qid(i), status: 'rejected' }, at('10:45'));
  });
  // A moderator's edit, a duplicate merged into the most voted question, one typed in by the régie.
  push(
    {
      type: 'question.edited',
      questionId: qid(2),
      text: 'Les assistants familiaux ont-ils été reconnus comme professionnels prioritaires pendant la crise ?',
    },
    at('10:46'),
  );
  audience(
    {
      type: 'question.ask',
      participantId: voter(3500),
      origin: 'room',
      text: 'Et la santé mentale des ados placés ?',
      name: 'Léa',
      sessionId: DEMO_SESSION,
    },
    at('10:47'),
  );
  push({ type: 'question.merged', questionId: `q-${events.length}`, intoId: qid(1) }, at('10:48'));
  push(
    { type: 'question.added', text: HOSTILE.long, name: 'Micro salle', sessionId: DEMO_SESSION, at: at('10:49'), flags: [] },
    at('10:49'),
  );
  push({ type: 'question.status.set', questionId: `q-${events.length}`, status: 'approved' }, at('10:49'));
  push({ type: 'qa.closed', at: at('11:02') }, at('11:02'));
  push({ type: 'session.marked', sessionId: DEMO_SESSION, edge: 'end', at: at('11:04'), plannedAt: at('11:00') }, at('11:04'));

  let state = initialState();
  events.forEach((e, i) => {
    state = reduce(state, regieEventSchema.parse(e), { seq: i + 1, at: times[i] ?? 0, actor: 'control-1' });
  });
  return state;
}
