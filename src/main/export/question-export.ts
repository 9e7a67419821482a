import { roomsOf } from '../../shared/domain/rooms';
import type { AudienceQuestion, QuestionFlagKind, RegieState } from '../../shared/api/state';
import { PERSONAL_DATA_NOUN } from '../../shared/domain/personal-data-words';
import { type ExportPrivacy, exportPrivacy } from './export-privacy';
import { type ExportScope, inScope } from './export-scope';
import { type Cell, type ExportTable, wallClock } from './export-table';

export interface QuestionExportOptions {
  /**
   * The askers' names and the texts as they were written. Off by default: what leaves the desk is
   * pseudonymised (« Participant 12 », personal data in the texts redacted: export-privacy.ts).
   */
  names?: boolean;
  /** Shared by the sheets of one export, so that a participant keeps one pseudonym across them. */
  privacy?: ExportPrivacy;
}

function privacyOf(state: RegieState, options: QuestionExportOptions): ExportPrivacy {
  return options.privacy ?? exportPrivacy(state, { names: options.names });
}

const ORIGIN_FR: Record<AudienceQuestion['origin'], string> = { room: 'salle', remote: 'à distance', regie: 'saisie par la régie' };

const FLAG_FR: Record<QuestionFlagKind, string> = PERSONAL_DATA_NOUN;

export function statusFr(q: AudienceQuestion): string {
  switch (q.status) {
    case 'answered':
      return 'répondue';
    case 'approved':
      return 'non répondue (approuvée)';
    case 'incoming':
      return 'à trier';
    case 'rejected':
      return 'rejetée';
    case 'merged':
      return `fusionnée dans ${q.mergedInto ?? '?'}`;
    default:
      return q.status satisfies never;
  }
}

/** Place in the moderators' shortlist (1 = first), from the ranks (which may be fractions). */
export function shortlistPositions(questions: readonly AudienceQuestion[]): Map<string, number> {
  const starred = questions.filter((q) => q.rank !== null).sort((a, b) => a.rank! - b.rank!);
  return new Map(starred.map((q, i) => [q.id, i + 1]));
}

/** Which questions were merged into each one. */
function mergedSources(questions: readonly AudienceQuestion[]): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const q of questions) {
    if (q.mergedInto === null) continue;
    const list = sources.get(q.mergedInto) ?? [];
    list.push(q.id);
    sources.set(q.mergedInto, list);
  }
  return sources;
}

export function questionsInScope(state: RegieState, scope: ExportScope): AudienceQuestion[] {
  return state.audience.questions
    .filter((q) => inScope(state, scope, q.sessionId, q.receivedAt, q.room))
    .sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export const QUESTION_HEADER = [
  'n°',
  'séance',
  'titre de la séance',
  'salle',
  'reçue le',
  'origine',
  'auteur',
  'texte d’origine',
  'texte modifié',
  'statut',
  'fusionnée dans',
  'questions fusionnées ici',
  'rang dans la sélection',
  'votes',
  'personnes',
  'signalements',
  'signalement levé',
];

/** Every question of the scope, as received and as screened. */
export function questionsTable(state: RegieState, scope: ExportScope, options: QuestionExportOptions = {}): ExportTable {
  const programme = state.programme;
  const when = wallClock(programme?.event.timeZone ?? 'Europe/Paris');
  const titles = new Map((programme?.sessions ?? []).map((s) => [s.id, s.title]));
  const positions = shortlistPositions(state.audience.questions);
  const sources = mergedSources(state.audience.questions);
  const privacy = privacyOf(state, options);
  const rooms = new Map((programme ? roomsOf(programme) : []).map((r) => [r.id, r.name]));
  const rows = questionsInScope(state, scope).map((q): Cell[] => [
    q.id,
    q.sessionId ?? '',
    q.sessionId === null ? '' : (titles.get(q.sessionId) ?? ''),
    rooms.get(q.room) ?? q.room,
    when(q.receivedAt),
    ORIGIN_FR[q.origin],
    privacy.author(q),
    privacy.original(q),
    privacy.edited(q) ?? '',
    statusFr(q),
    q.mergedInto ?? '',
    (sources.get(q.id) ?? []).join(', '),
    positions.get(q.id) ?? null,
    q.upvotes,
    q.askers,
    q.flags
      .map((f) => FLAG_FR[f.kind])
      .filter((k, i, all) => all.indexOf(k) === i)
      .join(', '),
    q.flags.length === 0 ? '' : q.flagsClearedBy === null ? 'non' : 'oui',
  ]);
  return { sheet: 'Questions', header: QUESTION_HEADER, rows, widths: [10, 16, 30, 20, 20, 18, 16, 60, 60, 24, 12, 18, 10, 8, 10, 18, 10] };
}

/** The questions the speakers still owe an answer to: approved (or shortlisted), not answered. */
export function unansweredQuestions(state: RegieState, scope: ExportScope): AudienceQuestion[] {
  const order = new Map((state.programme?.sessions ?? []).map((s, i) => [s.id, i]));
  const positions = shortlistPositions(state.audience.questions);
  const sessionOrder = (q: AudienceQuestion) =>
    q.sessionId === null ? Number.MAX_SAFE_INTEGER : (order.get(q.sessionId) ?? Number.MAX_SAFE_INTEGER - 1);
  return questionsInScope(state, scope)
    .filter((q) => q.status === 'approved')
    .sort(
      (a, b) =>
        sessionOrder(a) - sessionOrder(b) ||
        (positions.get(a.id) ?? Infinity) - (positions.get(b.id) ?? Infinity) ||
        b.upvotes - a.upvotes ||
        a.receivedAt - b.receivedAt,
    );
}

export const UNANSWERED_HEADER = [
  'séance',
  'titre de la séance',
  'rang dans la sélection',
  'question',
  'votes',
  'personnes',
  'origine',
  'auteur',
  'reçue le',
  'n°',
];

/** For the speakers: per session, the shortlist first, then by votes. The text as edited. */
export function unansweredTable(state: RegieState, scope: ExportScope, options: QuestionExportOptions = {}): ExportTable {
  const programme = state.programme;
  const when = wallClock(programme?.event.timeZone ?? 'Europe/Paris');
  const titles = new Map((programme?.sessions ?? []).map((s) => [s.id, s.title]));
  const positions = shortlistPositions(state.audience.questions);
  const privacy = privacyOf(state, options);
  const rows = unansweredQuestions(state, scope).map((q): Cell[] => [
    q.sessionId ?? '',
    q.sessionId === null ? '' : (titles.get(q.sessionId) ?? ''),
    positions.get(q.id) ?? null,
    privacy.shown(q),
    q.upvotes,
    q.askers,
    ORIGIN_FR[q.origin],
    privacy.author(q),
    when(q.receivedAt),
    q.id,
  ]);
  return { sheet: 'Sans réponse', header: UNANSWERED_HEADER, rows, widths: [16, 30, 10, 70, 8, 10, 18, 16, 20, 10] };
}
