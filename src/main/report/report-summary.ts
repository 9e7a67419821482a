import { formatCount, meanWords, percentWords, plural, votesWords } from './report-words';
import type { SessionReportModel } from './session-report-model';

/**
 * The first page's summary of a session report: its key figures (questions, votes, words, time)
 * and each result in one line (the leading answer, a rating's mean, the most frequent words), so
 * that the page an organiser forwards says the essentials before the charts. Pure: plain strings,
 * the programme's own text left as written (the PDF typesets it).
 */

export interface KeyFigure {
  /** « 13 », « 1 h 12 » */
  value: string;
  /** « questions reçues » */
  label: string;
  /** « 2 traitées · 5 pour les intervenants », or nothing. */
  detail: string | null;
}

export interface ResultLine {
  kind: 'poll' | 'cloud';
  /** The poll's question or the cloud's prompt (programme text). */
  title: string;
  /** « En tête : « un peu augmenté », 42 % (159 voix) » (the counts of answers are in the participation table). */
  outcome: string;
}

const NBSP = '\u00a0';

function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}${NBSP}h${NBSP}${String(m).padStart(2, '0')}` : `${m}${NBSP}min`;
}

const quoted = (s: string) => `«${NBSP}${s}${NBSP}»`;

export function keyFigures(m: SessionReportModel): KeyFigure[] {
  const q = m.questions;
  const received = q.received.room + q.received.remote + q.received.regie;
  const figures: KeyFigure[] = [
    {
      value: formatCount(received),
      label: received > 1 ? 'questions reçues' : 'question reçue',
      detail:
        received === 0
          ? null
          : `${formatCount(q.answered.length)} traitée${q.answered.length > 1 ? 's' : ''} · ${formatCount(q.unanswered.length)} pour les intervenants`,
    },
  ];
  if (m.polls.length > 0) {
    const most = Math.max(...m.polls.map((p) => p.results.voters.total));
    figures.push({
      value: formatCount(most),
      label: most > 1 ? 'votants' : 'votant',
      detail: m.polls.length === 1 ? 'au sondage' : `au plus suivi des ${plural(m.polls.length, 'sondage', 'sondages')}`,
    });
  }
  if (m.clouds.length > 0) {
    const sent = m.clouds.reduce((n, c) => n + c.sent, 0);
    const distinct = m.clouds.reduce((n, c) => n + c.distinct, 0);
    figures.push({
      value: formatCount(sent),
      label: sent > 1 ? 'mots envoyés' : 'mot envoyé',
      detail: `${plural(distinct, 'mot différent', 'mots différents')} · ${plural(m.clouds.length, 'nuage', 'nuages')}`,
    });
  }
  const { start, end } = m.actual;
  const planned = m.plannedEnd - m.plannedStart;
  figures.push(
    start !== null && end !== null
      ? { value: duration(end - start), label: 'de séance', detail: `prévue${NBSP}: ${duration(planned)}` }
      : { value: duration(planned), label: 'de séance prévue', detail: 'début et fin non pointés' },
  );
  return figures;
}

export function resultLines(m: SessionReportModel): ResultLine[] {
  const lines: ResultLine[] = m.polls.map(({ poll, results }) => {
    const title = poll.question;
    const voters = results.voters.total;
    if (voters === 0) return { kind: 'poll', title, outcome: 'Aucun vote.' };
    if (poll.type === 'rating' && results.mean !== null) {
      return { kind: 'poll', title, outcome: meanWords(results.mean, poll.max) };
    }
    const top = Math.max(...results.rows.map((r) => r.count));
    const leaders = results.rows.filter((r) => r.count === top);
    const lead =
      leaders.length === 1 && leaders[0]
        ? `En tête${NBSP}: ${quoted(leaders[0].label)}, ${percentWords(leaders[0].percent)} (${votesWords(leaders[0].count)})`
        : `Ex${NBSP}æquo${NBSP}: ${leaders.map((r) => quoted(r.label)).join(', ')}, ${percentWords(leaders[0]?.percent ?? 0)} chacun`;
    return { kind: 'poll', title, outcome: lead };
  });
  for (const { cloud, sent, top } of m.clouds) {
    const words = top.slice(0, 5).map((w) => `${w.text} (${formatCount(w.count)})`);
    lines.push({
      kind: 'cloud',
      title: cloud.prompt,
      outcome: sent === 0 || words.length === 0 ? 'Aucun mot.' : `Les plus fréquents${NBSP}: ${words.join(', ')}`,
    });
  }
  return lines;
}
