import type { RegieState } from '../../shared/api/state';
import { actionInteraction } from '../../shared/domain/cue';
import type { Poll, PollType, WordCloud } from '../../shared/domain/interaction';
import { pollResults } from '../../shared/domain/poll-results';
import { cachedNormalise } from '../../shared/domain/french-words';
import { mergedKey, NO_WORD_MODERATION, tallyWords } from '../../shared/domain/word-tally';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import type { ExportPrivacy } from './export-privacy';
import { type ExportScope, inScope } from './export-scope';
import type { Cell, ExportTable } from './export-table';
import { yesNo } from './export-table';
import { PERSONAL_DATA_NOUN } from '../../shared/domain/personal-data-words';

/** The sessions whose cues launch each interaction (a poll may be asked in two workshops). */
export function interactionSessions(state: RegieState): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of state.programme?.sessions ?? []) {
    for (const c of s.cues ?? []) {
      const ref = actionInteraction(c.action);
      if (!ref) continue;
      const list = map.get(ref.id) ?? [];
      if (!list.includes(s.id)) list.push(s.id);
      map.set(ref.id, list);
    }
  }
  return map;
}

/**
 * An interaction belongs to the sessions whose cues launch it. One launched by hand (no cue)
 * belongs to the session whose planned times contain its opening, and to that day.
 */
function interactionInScope(state: RegieState, scope: ExportScope, id: string, sessions: Map<string, string[]>): boolean {
  if (scope.kind === 'event') return true;
  const linked = sessions.get(id);
  if (linked && linked.length > 0) return linked.some((s) => inScope(state, scope, s, null));
  const openedAt = state.live.interactions[id]?.openedAt ?? null;
  if (openedAt === null) return false;
  const p = state.programme;
  const during = p?.sessions.find((s) => openedAt >= sessionStartMs(p, s) && openedAt < sessionEndMs(p, s));
  return inScope(state, scope, during?.id ?? null, openedAt);
}

const POLL_TYPE_FR: Record<PollType, string> = {
  single: 'choix unique',
  multiple: 'choix multiple',
  rating: 'échelle',
  yesno: 'oui / non',
};
export const YES_NO_FR = ['Oui', 'Non'] as const;

function runState(state: RegieState, id: string): string {
  const run = state.live.interactions[id];
  if (!run) return 'non lancé';
  return run.status === 'open' ? 'ouvert' : 'fermé';
}

export function pollsInScope(state: RegieState, scope: ExportScope): Poll[] {
  const sessions = interactionSessions(state);
  return (state.programme?.interactions ?? []).filter(
    (i): i is Poll => i.kind === 'poll' && interactionInScope(state, scope, i.id, sessions),
  );
}

export function wordCloudsInScope(state: RegieState, scope: ExportScope): WordCloud[] {
  const sessions = interactionSessions(state);
  return (state.programme?.interactions ?? []).filter(
    (i): i is WordCloud => i.kind === 'wordcloud' && interactionInScope(state, scope, i.id, sessions),
  );
}

export const POLL_HEADER = [
  'sondage',
  'séances',
  'question',
  'type',
  'état',
  'résultats révélés',
  'réponse',
  'salle',
  'à distance',
  'total',
  '%',
  'votants salle',
  'votants à distance',
  'votants',
  'moyenne',
];

/** One row per answer of each poll: counts by origin, share, voters (and a rating's mean). */
export function pollsTable(state: RegieState, scope: ExportScope): ExportTable {
  const sessions = interactionSessions(state);
  const rows: Cell[][] = [];
  for (const poll of pollsInScope(state, scope)) {
    const r = pollResults(poll, state.audience.tallies[poll.id], YES_NO_FR);
    const mean = r.mean === null ? null : Math.round(r.mean * 100) / 100;
    for (const row of r.rows) {
      rows.push([
        poll.id,
        (sessions.get(poll.id) ?? []).join(', '),
        poll.question,
        POLL_TYPE_FR[poll.type],
        runState(state, poll.id),
        yesNo(state.live.interactions[poll.id]?.revealed ?? false),
        row.endLabel === null ? row.label : `${row.label} (${row.endLabel})`,
        row.byOrigin.room,
        row.byOrigin.remote,
        row.count,
        row.percent,
        r.voters.room,
        r.voters.remote,
        r.voters.total,
        mean,
      ]);
    }
  }
  return { sheet: 'Sondages', header: POLL_HEADER, rows, widths: [20, 18, 50, 14, 10, 10, 30, 8, 10, 8, 6, 10, 12, 8, 9] };
}

const HELD_FR = PERSONAL_DATA_NOUN;

export interface CloudWordRow {
  /** The word as counted (the most common spelling of its group). */
  word: string;
  count: number;
  /** Every spelling counted under it (« Écoute ×2, ecoute ×1 »). */
  spellings: string;
  /** On the projector, or why not (held back as a name, banned by a moderator). */
  shown: string;
}

/**
 * A word cloud's words as the projector counts them (normalised, merges folded: `tallyWords`),
 * most sent first; then the words kept off the projector, as sent, with the reason.
 */
export function cloudWordRows(state: RegieState, cloudId: string, privacy?: ExportPrivacy): CloudWordRow[] {
  const raw = state.audience.words[cloudId] ?? {};
  const held = state.audience.heldWords[cloudId] ?? {};
  const moderation = state.wordModeration[cloudId] ?? NO_WORD_MODERATION;
  const counted = tallyWords(raw, moderation, held);
  const shownKeys = new Set(counted.map((w) => w.key));
  // Pseudonymised: a word held back as personal data (or found so now) shows as its label.
  const as = (word: string) => privacy?.word(cloudId, word) ?? word;
  const rows: CloudWordRow[] = counted.map((w) => ({
    word: as(w.text),
    count: w.count,
    spellings: w.variants.length > 1 ? w.variants.map((v) => `${as(v.text)} ×${v.count}`).join(', ') : '',
    shown: 'oui',
  }));
  for (const [word, count] of Object.entries(raw)) {
    const key = cachedNormalise(word)?.key;
    if (count <= 0 || (key !== undefined && shownKeys.has(mergedKey(key, moderation)))) continue;
    const why = Object.hasOwn(held, word) ? held[word] : undefined;
    rows.push({
      word: as(word),
      count,
      spellings: '',
      shown: why === undefined ? 'non (écarté par la modération)' : `non (retenu : ${HELD_FR[why]})`,
    });
  }
  return rows;
}

export const WORD_HEADER = ['nuage', 'séances', 'consigne', 'état', 'mot', 'occurrences', 'orthographes', 'projeté'];

export function wordCloudsTable(state: RegieState, scope: ExportScope, privacy?: ExportPrivacy): ExportTable {
  const sessions = interactionSessions(state);
  const rows: Cell[][] = [];
  for (const cloud of wordCloudsInScope(state, scope)) {
    for (const w of cloudWordRows(state, cloud.id, privacy)) {
      rows.push([
        cloud.id,
        (sessions.get(cloud.id) ?? []).join(', '),
        cloud.prompt,
        runState(state, cloud.id),
        w.word,
        w.count,
        w.spellings,
        w.shown,
      ]);
    }
  }
  return { sheet: 'Nuages de mots', header: WORD_HEADER, rows, widths: [20, 18, 45, 10, 25, 12, 30, 24] };
}
