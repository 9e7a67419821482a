import { type AudienceQuestion, type InteractionRun, type RegieState } from '../../shared/api/state';
import { applyDelays } from '../../shared/domain/delays';
import { formatClockFr, formatWallTimeFr } from '../../shared/domain/french-typography';
import type { Poll, WordCloud } from '../../shared/domain/interaction';
import { pollResults, type PollResults } from '../../shared/domain/poll-results';
import type { Programme, Session } from '../../shared/domain/programme';
import { type ExportPrivacy, exportPrivacy } from '../export/export-privacy';
import { imageWords } from './image-words';
import { YES_NO } from './report-words';

/**
 * What a session's report says, gathered from the régie's state: pure, no PDF. The questions are
 * sorted for their readers (the unanswered ones by votes, for the speakers); those the moderation
 * kept back (rejected, flagged and not cleared) are only counted: the report leaves the desk.
 */

export interface ReportQuestion {
  id: string;
  /** The moderator's edit when there is one (what the room saw), else the original. */
  text: string;
  edited: boolean;
  origin: AudienceQuestion['origin'];
  /** Pseudonymised: « Participant 12 » (« Régie » when typed in); with the names: the name given, if any. */
  author: string | null;
  upvotes: number;
  askers: number;
  receivedAt: number;
}

export interface ReportPoll {
  poll: Poll;
  results: PollResults;
  run: InteractionRun | null;
}

export interface ReportCloud {
  cloud: WordCloud;
  sent: number;
  distinct: number;
  top: { text: string; count: number }[];
  run: InteractionRun | null;
}

export interface SessionReportModel {
  programme: Programme;
  session: Session;
  timeZone: string;
  plannedStart: number;
  plannedEnd: number;
  expected: { start: number; end: number; startDelay: number } | null;
  actual: { start: number | null; end: number | null };
  delays: { minutes: number; at: number }[];
  polls: ReportPoll[];
  clouds: ReportCloud[];
  questions: {
    received: Record<AudienceQuestion['origin'], number>;
    answered: ReportQuestion[];
    /** Approved, never answered: what the speakers are sent. */
    unanswered: ReportQuestion[];
    /** Received but never screened (and not flagged): shown apart, unread by the moderators. */
    unscreened: ReportQuestion[];
    withheld: { rejected: number; flagged: number; merged: number };
  };
}

/** The interactions a session launched: those its cues open, then those opened while it ran. */
function sessionInteractions(state: RegieState, p: Programme, session: Session, window: { start: number; end: number }): string[] {
  const openedBy = new Map<string, string>();
  for (const s of p.sessions) {
    for (const c of s.cues ?? []) {
      if ((c.action.type === 'poll.open' || c.action.type === 'wordcloud.open') && !openedBy.has(c.action.interaction)) {
        openedBy.set(c.action.interaction, s.id);
      }
    }
  }
  const ids = (session.cues ?? []).flatMap((c) =>
    c.action.type === 'poll.open' || c.action.type === 'wordcloud.open' ? [c.action.interaction] : [],
  );
  for (const i of p.interactions ?? []) {
    const run = state.live.interactions[i.id];
    const owner = openedBy.get(i.id);
    if (run && owner === undefined && run.openedAt >= window.start && run.openedAt < window.end) ids.push(i.id);
  }
  return [...new Set(ids)];
}

function reportQuestion(q: AudienceQuestion, privacy: ExportPrivacy): ReportQuestion {
  const author = privacy.author(q);
  return {
    id: q.id,
    text: privacy.shown(q),
    edited: q.editedText !== null,
    origin: q.origin,
    author: author.trim() === '' ? null : author,
    upvotes: q.upvotes,
    askers: q.askers,
    receivedAt: q.receivedAt,
  };
}

/**
 * The session's delays in force, each at the show-clock time it was entered. A delay entry keeps
 * the real time (it orders the entries); its as-run line has the show clock's: the entries in
 * force are those after the session's last « delay cleared », matched from the end (the as-run
 * kept in the state may have lost its oldest lines; those fall back to the entry's own time).
 */
function sessionDelays(state: RegieState, sessionId: string): { minutes: number; at: number }[] {
  const entries = state.delays.filter((d) => d.sessionId === sessionId);
  let lines: number[] = [];
  for (const e of state.asRun) {
    if (e.sessionId !== sessionId) continue;
    if (e.kind === 'delay.cleared') lines = [];
    else if (e.kind === 'delay.set') lines.push(e.actualAt);
  }
  const shift = lines.length - entries.length;
  return entries.map((d, i) => ({ minutes: d.minutes, at: lines[i + shift] ?? d.at }));
}

const byVotes = (a: ReportQuestion, b: ReportQuestion) => b.upvotes - a.upvotes || b.askers - a.askers || a.receivedAt - b.receivedAt;
const byTime = (a: ReportQuestion, b: ReportQuestion) => a.receivedAt - b.receivedAt;

export function sessionReportModel(
  state: RegieState,
  sessionId: string,
  options: { names?: boolean; privacy?: ExportPrivacy } = {},
): SessionReportModel {
  const p = state.programme;
  if (!p) throw new Error('Aucun programme chargé : pas de rapport de séance possible.');
  const session = p.sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error(`Séance inconnue : « ${sessionId} » (absente du programme).`);
  const timing = applyDelays(p, state.delays)[sessionId];
  if (!timing) throw new Error(`Séance sans horaires : « ${sessionId} ».`);
  const mark = state.sessionMarks[sessionId] ?? { startedAt: null, endedAt: null };
  const window = {
    start: Math.min(mark.startedAt ?? timing.expectedStart, timing.expectedStart),
    end: Math.max(mark.endedAt ?? timing.expectedEnd, timing.expectedEnd),
  };

  const privacy = options.privacy ?? exportPrivacy(state, { names: options.names });
  const polls: ReportPoll[] = [];
  const clouds: ReportCloud[] = [];
  for (const id of sessionInteractions(state, p, session, window)) {
    const it = p.interactions?.find((i) => i.id === id);
    const run = state.live.interactions[id] ?? null;
    if (it?.kind === 'poll') polls.push({ poll: it, results: pollResults(it, state.audience.tallies[id], YES_NO), run });
    if (it?.kind === 'wordcloud') {
      const { words, distinct, sent } = imageWords(state, id);
      const top = words.slice(0, 10).map((w) => ({ ...w, text: privacy.word(id, w.text) }));
      clouds.push({ cloud: it, sent, distinct, top, run });
    }
  }

  const own = state.audience.questions.filter((q) => q.sessionId === sessionId);
  const received = { room: 0, remote: 0, regie: 0 };
  const withheld = { rejected: 0, flagged: 0, merged: 0 };
  const answered: ReportQuestion[] = [];
  const unanswered: ReportQuestion[] = [];
  const unscreened: ReportQuestion[] = [];
  for (const q of own) {
    received[q.origin] += 1;
    const flagged = q.flags.length > 0 && q.flagsClearedBy === null;
    if (q.status === 'merged') withheld.merged += 1;
    else if (q.status === 'rejected') withheld.rejected += 1;
    else if (flagged) withheld.flagged += 1;
    else if (q.status === 'answered') answered.push(reportQuestion(q, privacy));
    else if (q.status === 'approved') unanswered.push(reportQuestion(q, privacy));
    else unscreened.push(reportQuestion(q, privacy));
  }

  return {
    programme: p,
    session,
    timeZone: p.event.timeZone,
    plannedStart: timing.plannedStart,
    plannedEnd: timing.plannedEnd,
    expected:
      timing.startDelay !== 0 || timing.endDelay !== 0
        ? { start: timing.expectedStart, end: timing.expectedEnd, startDelay: timing.startDelay }
        : null,
    actual: { start: mark.startedAt, end: mark.endedAt },
    delays: sessionDelays(state, sessionId),
    polls,
    clouds,
    questions: {
      received,
      answered: answered.sort(byTime),
      unanswered: unanswered.sort(byVotes),
      unscreened: unscreened.sort(byVotes),
      withheld,
    },
  };
}

/** « 9 h 45 – 11 h 00 », from the programme's wall times. */
export function plannedRange(s: Session): string {
  return `${formatWallTimeFr(s.start)}\u00a0– ${formatWallTimeFr(s.end)}`;
}

export function clock(ms: number | null, timeZone: string): string {
  return ms === null ? '—' : formatClockFr(ms, timeZone);
}
