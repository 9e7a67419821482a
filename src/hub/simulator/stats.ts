import { percentiles } from './schedule';

/** What the simulator counts, and the bilan it prints (pure). */
export const MESSAGE_KINDS = ['question.ask', 'poll.vote', 'words.send', 'question.upvote'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface KindCounts {
  sent: number;
  accepted: number;
  /** Answered `duplicate` (a resend after a reconnection that the hub had already taken). */
  duplicates: number;
  refused: Record<string, number>;
  /** No answer in time or the link dropped: resent after the next join. */
  lost: number;
  /** Due, but nothing open for it (no poll, Q&A closed, no published question). */
  nothingOpen: number;
  /** Due, but no participant free and entitled to send it (all busy, all voted…). */
  nobodyFree: number;
  latenciesMs: number[];
}

const emptyKind = (): KindCounts => ({
  sent: 0,
  accepted: 0,
  duplicates: 0,
  refused: {},
  lost: 0,
  nothingOpen: 0,
  nobodyFree: 0,
  latenciesMs: [],
});

export class SimStats {
  readonly kinds: Record<MessageKind, KindCounts> = {
    'question.ask': emptyKind(),
    'poll.vote': emptyKind(),
    'words.send': emptyKind(),
    'question.upvote': emptyKind(),
  };
  joins = { ok: 0, refused: {} as Record<string, number>, retries: 0, firstMs: null as number | null, lastMs: null as number | null };
  disconnects = 0;
  room = 0;
  remote = 0;

  refuse(kind: MessageKind, code: string): void {
    const r = this.kinds[kind].refused;
    r[code] = (r[code] ?? 0) + 1;
  }

  joinRefused(code: string): void {
    this.joins.refused[code] = (this.joins.refused[code] ?? 0) + 1;
  }
}

export interface Summary {
  url: string;
  eventCode: string;
  seed: number;
  durationMs: number;
  participants: {
    wanted: number;
    joined: number;
    room: number;
    remote: number;
    joinMs: number | null;
    joinRefused: Record<string, number>;
    joinRetries: number;
  };
  disconnects: number;
  messages: Record<MessageKind, Omit<KindCounts, 'latenciesMs'> & { latencyMs: Record<string, number> | null }>;
  refusedTotal: Record<string, number>;
  openAtEnd: string;
}

export function summarise(
  stats: SimStats,
  base: Pick<Summary, 'url' | 'eventCode' | 'seed' | 'durationMs' | 'openAtEnd'> & { wanted: number },
): Summary {
  const refusedTotal: Record<string, number> = {};
  const add = (r: Record<string, number>) => {
    for (const [code, n] of Object.entries(r)) refusedTotal[code] = (refusedTotal[code] ?? 0) + n;
  };
  add(stats.joins.refused);
  const messages = {} as Summary['messages'];
  for (const kind of MESSAGE_KINDS) {
    const { latenciesMs, ...rest } = stats.kinds[kind];
    add(rest.refused);
    messages[kind] = { ...rest, latencyMs: percentiles(latenciesMs) };
  }
  const { firstMs, lastMs } = stats.joins;
  return {
    url: base.url,
    eventCode: base.eventCode,
    seed: base.seed,
    durationMs: base.durationMs,
    participants: {
      wanted: base.wanted,
      joined: stats.joins.ok,
      room: stats.room,
      remote: stats.remote,
      joinMs: firstMs !== null && lastMs !== null ? Math.round(lastMs - firstMs) : null,
      joinRefused: stats.joins.refused,
      joinRetries: stats.joins.retries,
    },
    disconnects: stats.disconnects,
    messages,
    refusedTotal,
    openAtEnd: base.openAtEnd,
  };
}

const LABELS: Record<MessageKind, string> = {
  'question.ask': 'questions',
  'poll.vote': 'votes',
  'words.send': 'envois de mots',
  'question.upvote': 'soutiens',
};

const codes = (r: Record<string, number>) =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');

/** The bilan in French, for the terminal. */
export function formatSummary(s: Summary): string {
  const p = s.participants;
  const lines = [
    '',
    `Pupitre — simulation terminée (${(s.durationMs / 1000).toFixed(1)} s, hub ${s.url}, code ${s.eventCode}, graine ${s.seed})`,
    `  Participants : ${p.joined} rejoints sur ${p.wanted} (${p.room} dans la salle, ${p.remote} à distance)` +
      (p.joinMs !== null ? ` en ${(p.joinMs / 1000).toFixed(1)} s` : '') +
      (p.joinRetries > 0 ? ` ; ${p.joinRetries} nouvelles tentatives` : '') +
      (Object.keys(p.joinRefused).length > 0 ? ` ; refus : ${codes(p.joinRefused)}` : ''),
  ];
  if (s.disconnects > 0) lines.push(`  Déconnexions : ${s.disconnects}`);
  lines.push(
    '  Messages            envoyés  acceptés  doublons  refusés  sans réponse  rien d’ouvert  personne de libre   latence p50/p95/p99/max (ms)',
  );
  for (const kind of MESSAGE_KINDS) {
    const m = s.messages[kind];
    const refused = Object.values(m.refused).reduce((a, b) => a + b, 0);
    const lat = m.latencyMs ? `${m.latencyMs.p50}/${m.latencyMs.p95}/${m.latencyMs.p99}/${m.latencyMs.max}` : '—';
    lines.push(
      `    ${LABELS[kind].padEnd(16)}${String(m.sent).padStart(9)}${String(m.accepted).padStart(10)}${String(m.duplicates).padStart(10)}${String(refused).padStart(9)}${String(m.lost).padStart(14)}${String(m.nothingOpen).padStart(15)}${String(m.nobodyFree).padStart(19)}   ${lat}`,
    );
  }
  if (Object.keys(s.refusedTotal).length > 0) lines.push(`  Refus par motif : ${codes(s.refusedTotal)}`);
  if (s.refusedTotal.rate_limited) {
    lines.push(
      '  Note : toute la simulation vient d’une seule adresse IP ; pour une répétition, démarrez le hub avec',
      '         --limits \'{"addressRate":{"perSecond":5000,"burst":10000}}\' (les vrais téléphones ont chacun la leur).',
    );
  }
  lines.push(`  À la fin : ${s.openAtEnd}`, '');
  return lines.join('\n');
}
