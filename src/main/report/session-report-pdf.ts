import PDFDocument from 'pdfkit';
import type { RegieState } from '../../shared/api/state';
import { formatClockFr, frenchTypography } from '../../shared/domain/french-typography';
import { epochToWall } from '../../shared/domain/zoned-time';
import type { ExportPrivacy } from '../export/export-privacy';
import { PAPER_THEME } from './chart-theme';
import { inertLine, inertParagraphs } from './inert-text';
import { CHART_HEIGHT, CHART_WIDTH } from './poll-chart-svg';
import { printableText } from './printable-text';
import { pollChartPng, wordCloudPng } from './result-images';
import { reportFonts } from './report-fonts';
import { keyFigures, resultLines } from './report-summary';
import { delayWords, formatCount, plural, votersLine } from './report-words';
import { clock, plannedRange, type ReportQuestion, type SessionReportModel, sessionReportModel } from './session-report-model';

/**
 * A session's report as a PDF an organiser can forward: the session and its times (planned,
 * recalculated after the delays, actual), participation in the room and remote, each poll's chart
 * and each word cloud, the questions answered and those left for the speakers. Printed with the
 * bundled DejaVu fonts, so any French (or other) text prints; participants' text is made inert
 * first (inert-text.ts). Pseudonymised unless `names: true` (export-privacy.ts).
 */

export interface SessionReportOptions {
  names?: boolean;
  /** The export's pseudonyms and redactions (made from `names` when absent). */
  privacy?: ExportPrivacy;
  /** When the report says it was made (now by default). */
  generatedAt?: number;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 54, bottom: 70, left: 56, right: 56 };
const CONTENT = A4.width - MARGIN.left - MARGIN.right;
const INK = PAPER_THEME.ink;
const SOFT = PAPER_THEME.inkSoft;
const ACCENT = PAPER_THEME.accent;
const RULE = PAPER_THEME.rule;

const ORIGIN_FR = { room: 'Salle', remote: 'À distance', regie: 'Saisie par la régie' } as const;
const POLL_TYPE_FR = { single: 'choix unique', multiple: 'choix multiples', rating: 'échelle de notes', yesno: 'oui / non' } as const;
const KIND_FR = { opening: 'Ouverture', plenary: 'Plénière', workshop: 'Atelier', break: 'Pause', closing: 'Clôture' } as const;

type Doc = PDFKit.PDFDocument;

/** The programme's text: inert, printable, with French typography (as the projector shows it). */
const line = (s: string, bold = false) => printableText(frenchTypography(inertLine(s)), bold);
/** A participant's text: inert and printable, otherwise as written (the record, not a slide). */
const verbatim = (s: string) =>
  printableText(inertParagraphs(s))
    // Only the spaces already there before ? ! : ; » (and after «) stop breaking: no lone « ? » line.
    .replace(/ (?=[?!:;»])/g, '\u00a0')
    .replace(/« /g, '«\u00a0');

function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const s = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
  return s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}\u00a0h\u00a0${String(m).padStart(2, '0')}` : `${m}\u00a0min`;
}

function generatedWords(at: number, timeZone: string): string {
  const wall = epochToWall(at, timeZone);
  return `${longDate(wall.date).replace(/^\p{L}+ /u, '')} à ${formatClockFr(at, timeZone)}`;
}

class ReportWriter {
  constructor(readonly doc: Doc) {}

  private bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `height` still fits on this one. */
  room(height: number): void {
    if (this.doc.y + height > this.bottom()) this.doc.addPage();
  }

  /** A section title, kept on the page with the first `keepWith` points of what follows. */
  heading(title: string, count?: number, keepWith = 60): void {
    const doc = this.doc;
    this.room(40 + keepWith);
    doc.moveDown(0.8);
    const y = doc.y;
    doc.rect(MARGIN.left, y + 2, 4, 14).fill(ACCENT);
    doc
      .font('bold')
      .fontSize(13)
      .fillColor(INK)
      .text(count === undefined || count === 1 ? title : `${title} (${formatCount(count)})`, MARGIN.left + 12, y, { width: CONTENT - 12 });
    doc.moveDown(0.4);
    doc.x = MARGIN.left;
  }

  /** Label on the left, value on the right, on as many lines as the value needs. */
  row(label: string, value: string): void {
    const doc = this.doc;
    const labelWidth = 132;
    doc.font('regular').fontSize(9.5);
    const h = Math.max(doc.heightOfString(value, { width: CONTENT - labelWidth }), 12);
    this.room(h + 4);
    const y = doc.y;
    doc.fillColor(SOFT).text(label, MARGIN.left, y, { width: labelWidth - 8 });
    doc.fillColor(INK).text(value, MARGIN.left + labelWidth, y, { width: CONTENT - labelWidth });
    doc.y = Math.max(doc.y, y + h) + 2;
    doc.x = MARGIN.left;
  }

  note(text: string): void {
    this.doc.font('oblique').fontSize(9).fillColor(SOFT).text(text, MARGIN.left, this.doc.y, { width: CONTENT });
    this.doc.moveDown(0.3);
  }

  rule(): void {
    const y = this.doc.y + 4;
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + CONTENT, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = y + 6;
  }

  /** A result image the width of the text, kept whole on one page. */
  image(png: Buffer): void {
    const height = (CONTENT * CHART_HEIGHT) / CHART_WIDTH;
    this.room(height + 10);
    const y = this.doc.y;
    this.doc.image(png, MARGIN.left, y, { width: CONTENT });
    this.doc.rect(MARGIN.left, y, CONTENT, height).lineWidth(0.5).strokeColor(RULE).stroke();
    this.doc.y = y + height + 6;
    this.doc.x = MARGIN.left;
  }

  table(head: string[], rows: string[][], widths: number[]): void {
    const doc = this.doc;
    const draw = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(9);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 60) - 8 })));
      this.room(h + 6);
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 60;
        doc.fillColor(bold ? SOFT : INK).text(c, x, y, { width: w - 8, align: i === 0 ? 'left' : 'right' });
        x += w;
      });
      doc.y = y + h + 2;
      doc
        .moveTo(MARGIN.left, doc.y)
        .lineTo(MARGIN.left + CONTENT, doc.y)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.y += 2;
    };
    draw(head, true);
    for (const r of rows) draw(r, false);
    doc.x = MARGIN.left;
  }

  question(n: number, q: ReportQuestion, timeZone: string): void {
    const doc = this.doc;
    const text = verbatim(q.text) || '(texte vide)';
    const meta = [
      ORIGIN_FR[q.origin],
      plural(q.upvotes, 'vote', 'votes'),
      q.askers > 1 ? `posée par ${formatCount(q.askers)}\u00a0personnes` : null,
      `reçue à ${formatClockFr(q.receivedAt, timeZone)}`,
      q.edited ? 'texte modifié par la modération' : null,
      q.author ? `par ${printableText(inertLine(q.author))}` : null,
    ]
      .filter((s): s is string => s !== null)
      .join(' · ');
    const indent = 26;
    doc.font('regular').fontSize(10.5);
    // The first lines and the meta line together: a question never starts at a page's foot.
    this.room(Math.min(doc.heightOfString(text, { width: CONTENT - indent }), 60) + 24);
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor(ACCENT)
      .text(`${n}.`, MARGIN.left, y, { width: indent - 4 });
    doc
      .font('regular')
      .fontSize(10.5)
      .fillColor(INK)
      .text(text, MARGIN.left + indent, y, { width: CONTENT - indent });
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(SOFT)
      .text(meta, MARGIN.left + indent, doc.y + 2, { width: CONTENT - indent });
    doc.x = MARGIN.left;
    this.rule();
  }
}

function writeHeader(w: ReportWriter, m: SessionReportModel): void {
  const doc = w.doc;
  const ev = m.programme.event;
  // Our own words in capitals; the event's name as written: « 14es Assises », never « 14ES ».
  doc.font('bold').fontSize(9).fillColor(ACCENT).text('RAPPORT DE SÉANCE', { width: CONTENT, characterSpacing: 0.6, continued: true });
  doc
    .font('regular')
    .fillColor(SOFT)
    .text(` · ${line(ev.name)}`, { characterSpacing: 0 });
  doc.moveDown(0.5);
  doc.font('bold').fontSize(19).fillColor(INK).text(line(m.session.title, true), { width: CONTENT });
  if (m.session.subtitle) {
    doc.moveDown(0.2);
    doc.font('oblique').fontSize(10.5).fillColor(SOFT).text(line(m.session.subtitle), { width: CONTENT });
  }
  doc.moveDown(0.5);
  w.rule();
}

/** The session in four figures, in a band under the title: what a reader of page 1 wants first. */
function writeKeyFigures(w: ReportWriter, m: SessionReportModel): void {
  const doc = w.doc;
  const figures = keyFigures(m);
  const gap = 8;
  const width = (CONTENT - gap * (figures.length - 1)) / figures.length;
  const height = 50;
  const y = doc.y + 2;
  figures.forEach((f, i) => {
    const x = MARGIN.left + i * (width + gap);
    doc.rect(x, y, width, height).fillColor(PAPER_THEME.track).fill();
    doc.rect(x, y, 3, height).fillColor(ACCENT).fill();
    doc
      .font('bold')
      .fontSize(15)
      .fillColor(INK)
      .text(f.value, x + 10, y + 5, { width: width - 16, lineBreak: false });
    doc
      .font('bold')
      .fontSize(8)
      .fillColor(INK)
      .text(f.label, x + 10, y + 22, { width: width - 16, height: 10, ellipsis: true });
    if (f.detail)
      doc
        .font('regular')
        .fontSize(7)
        .fillColor(SOFT)
        .text(f.detail, x + 10, y + 31, { width: width - 16, height: 18, ellipsis: true });
  });
  doc.y = y + height + 4;
  doc.x = MARGIN.left;
}

/**
 * Each result in a line or two (the leading answer, a rating's mean, the most frequent words),
 * under the key figures. Kept whole: on this page if it fits, else at the top of the next.
 */
function writeSummary(w: ReportWriter, m: SessionReportModel): void {
  const lines = resultLines(m);
  if (lines.length === 0) return;
  const doc = w.doc;
  const indent = 24;
  let poll = 0;
  let cloud = 0;
  const items = lines.map((r) => ({
    n: r.kind === 'poll' ? `S${(poll += 1)}` : `N${(cloud += 1)}`,
    title: line(r.title, true),
    outcome: line(r.outcome),
  }));
  // Measured in bold throughout: a little more than it takes, never less.
  doc.font('bold').fontSize(9.5);
  const heights = items.map((i) => doc.heightOfString(`${i.title} — ${i.outcome}`, { width: CONTENT - indent }) + 2);
  const total = heights.reduce((a, b) => a + b, 0);
  w.heading('Les résultats en bref', undefined, Math.min(total, 200));
  w.room(total);
  items.forEach((item, k) => {
    w.room(heights[k] ?? 0);
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(ACCENT)
      .text(item.n, MARGIN.left, y, { width: indent - 4 });
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`${item.title} `, MARGIN.left + indent, y, { width: CONTENT - indent, continued: true });
    doc.font('regular').text(`—\u00a0${item.outcome}`);
    doc.y += 2;
    doc.x = MARGIN.left;
  });
}

function writeTimes(w: ReportWriter, m: SessionReportModel): void {
  const tz = m.timeZone;
  const s = m.session;
  w.heading('La séance');
  const day = m.programme.days.find((d) => d.date === s.day);
  w.row('Jour', `${longDate(s.day)}${day?.label && !longDate(s.day).startsWith(day.label) ? ` (${line(day.label)})` : ''}`);
  w.row('Type', `${KIND_FR[s.kind]}${s.room ? ` · ${line(s.room)}` : ''}`);
  w.row('Horaire prévu', plannedRange(s));
  if (m.expected) {
    w.row(
      'Horaire après retards',
      `${clock(m.expected.start, tz)}\u00a0– ${clock(m.expected.end, tz)} (${delayWords(m.expected.startDelay)})`,
    );
  }
  const late = (actual: number | null, planned: number) =>
    actual === null ? '' : ` (${delayWords(Math.round((actual - planned) / 60_000))})`;
  if (m.actual.start !== null || m.actual.end !== null) {
    w.row('Début réel', `${clock(m.actual.start, tz)}${late(m.actual.start, m.plannedStart)}`);
    w.row('Fin réelle', `${clock(m.actual.end, tz)}${late(m.actual.end, m.plannedEnd)}`);
    if (m.actual.start !== null && m.actual.end !== null) {
      w.row('Durée réelle', `${duration(m.actual.end - m.actual.start)} (prévue\u00a0: ${duration(m.plannedEnd - m.plannedStart)})`);
    }
  } else {
    w.row('Horaire réel', 'début et fin non pointés par la régie');
  }
  if (m.delays.length > 0) {
    w.row('Retards annoncés', m.delays.map((d) => `${delayWords(d.minutes)} (saisi à ${formatClockFr(d.at, tz)})`).join(', '));
  }
  const speakers = s.speakers ?? [];
  if (speakers.length > 0) {
    w.row('Intervenants', speakers.map((sp) => (sp.role ? `${line(sp.name)}, ${line(sp.role)}` : line(sp.name))).join('\n'));
  }
}

function writeParticipation(w: ReportWriter, m: SessionReportModel): void {
  // The table (one line a row) and its note are kept whole: never split across two pages.
  const rowHeight = w.doc.font('regular').fontSize(9).heightOfString('Ag') + 4;
  w.heading('Participation', undefined, rowHeight * (2 + m.polls.length + m.clouds.length) + 14);
  const q = m.questions.received;
  const rows: string[][] = [
    ['Questions reçues', formatCount(q.room), formatCount(q.remote), formatCount(q.regie), formatCount(q.room + q.remote + q.regie)],
  ];
  m.polls.forEach(({ results: { voters: v } }, i) => {
    rows.push([`Sondage ${i + 1} : votants`, formatCount(v.room), formatCount(v.remote), '—', formatCount(v.total)]);
  });
  m.clouds.forEach((c, i) => rows.push([`Nuage ${i + 1} : mots envoyés`, '—', '—', '—', formatCount(c.sent)]));
  w.table(['', 'Salle', 'À distance', 'Régie', 'Total'], rows, [CONTENT - 4 * 82, 82, 82, 82, 82]);
  if (m.clouds.length > 0) w.note('Les mots des nuages ne sont pas comptés par origine.');
}

function runWords(run: { openedAt: number; closedAt: number | null; revealed: boolean } | null, tz: string): string {
  if (!run) return 'Jamais lancé : aucun résultat.';
  const parts = [
    `Ouvert à ${formatClockFr(run.openedAt, tz)}`,
    run.closedAt !== null ? `clos à ${formatClockFr(run.closedAt, tz)}` : 'encore ouvert à la génération du rapport',
  ];
  return `${parts.join(', ')}.`;
}

async function writeInteractions(w: ReportWriter, m: SessionReportModel, state: RegieState): Promise<void> {
  const imageBlock = 50 + (CONTENT * CHART_HEIGHT) / CHART_WIDTH;
  const numbered = (n: number, i: number, text: string) => (n > 1 ? `${i + 1}. ${text}` : text);
  if (m.polls.length > 0) {
    w.heading(m.polls.length > 1 ? 'Sondages' : 'Sondage', m.polls.length, imageBlock);
    for (const [i, { poll, results, run }] of m.polls.entries()) {
      await breathe();
      w.room(imageBlock);
      w.doc
        .font('bold')
        .fontSize(10.5)
        .fillColor(INK)
        .text(numbered(m.polls.length, i, line(poll.question, true)), MARGIN.left, w.doc.y, { width: CONTENT });
      w.doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(SOFT)
        .text(`${POLL_TYPE_FR[poll.type]} · ${votersLine(results.voters)} · ${runWords(run, m.timeZone)}`, { width: CONTENT });
      w.doc.moveDown(0.3);
      w.image(pollChartPng(state, poll.id, { theme: 'paper' }));
      w.doc.moveDown(0.5);
    }
  }
  if (m.clouds.length > 0) {
    w.heading(m.clouds.length > 1 ? 'Nuages de mots' : 'Nuage de mots', m.clouds.length, imageBlock);
    for (const [i, { cloud, sent, distinct, top, run }] of m.clouds.entries()) {
      await breathe();
      w.room(imageBlock);
      w.doc
        .font('bold')
        .fontSize(10.5)
        .fillColor(INK)
        .text(numbered(m.clouds.length, i, line(cloud.prompt, true)), MARGIN.left, w.doc.y, { width: CONTENT });
      w.doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(SOFT)
        .text(
          `${plural(sent, 'mot envoyé', 'mots envoyés')} · ${plural(distinct, 'mot différent', 'mots différents')} · ${runWords(run, m.timeZone)}`,
          { width: CONTENT },
        );
      w.doc.moveDown(0.3);
      w.image(wordCloudPng(state, cloud.id, { theme: 'paper' }));
      if (top.length > 0) {
        w.doc
          .font('regular')
          .fontSize(9)
          .fillColor(INK)
          .text(`Les plus fréquents\u00a0: ${top.map((t) => `${t.text} (${formatCount(t.count)})`).join(', ')}.`, MARGIN.left, w.doc.y, {
            width: CONTENT,
          });
      }
      w.note('Les mots retenus par la modération (noms, grossièretés) ne figurent pas dans le nuage.');
      w.doc.moveDown(0.5);
    }
  }
}

async function writeQuestions(w: ReportWriter, m: SessionReportModel, names: boolean): Promise<void> {
  const { answered, unanswered, unscreened, withheld } = m.questions;
  w.heading('Questions restées sans réponse, pour les intervenants', unanswered.length);
  if (unanswered.length === 0) w.note('Aucune : toutes les questions retenues ont été traitées en séance.');
  else w.note('Retenues par la modération, non traitées en séance ; les plus soutenues d’abord.');
  await writeEach(unanswered, (q, i) => w.question(i + 1, q, m.timeZone));

  w.heading('Questions traitées en séance', answered.length);
  if (answered.length === 0) w.note('Aucune question marquée comme traitée.');
  await writeEach(answered, (q, i) => w.question(i + 1, q, m.timeZone));

  if (unscreened.length > 0) {
    w.heading('Questions reçues, non relues par la modération', unscreened.length);
    w.note('Arrivées sans être examinées avant la fin de la séance : à relire avant toute diffusion.');
    await writeEach(unscreened, (q, i) => w.question(i + 1, q, m.timeZone));
  }

  const kept = [
    withheld.rejected > 0 ? plural(withheld.rejected, 'question écartée par la modération', 'questions écartées par la modération') : null,
    withheld.flagged > 0
      ? plural(
          withheld.flagged,
          'question signalée (données personnelles, grossièreté) non vérifiée',
          'questions signalées (données personnelles, grossièretés) non vérifiées',
        )
      : null,
    withheld.merged > 0
      ? plural(
          withheld.merged,
          'question fusionnée avec une autre (comptée avec elle)',
          'questions fusionnées avec d’autres (comptées avec elles)',
        )
      : null,
  ].filter((s): s is string => s !== null);
  w.doc.moveDown(0.5);
  if (kept.length > 0) w.note(`Non reproduites ici\u00a0: ${kept.join(' ; ')}.`);
  w.note(
    names
      ? 'Les noms donnés par les participants sont reproduits.'
      : 'Document pseudonymisé : chaque participant est désigné par un numéro (« Participant 3 ») et les données personnelles des questions (prénoms, noms, téléphones, adresses…) sont masquées.',
  );
}

/**
 * The report is made in the core's process, during the show perhaps: between images and every few
 * questions it lets the event loop run, so that a TAKE or a vote never waits behind a whole report.
 */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function writeEach<T>(items: readonly T[], write: (item: T, i: number) => void): Promise<void> {
  for (const [i, item] of items.entries()) {
    if (i % 20 === 19) await breathe();
    write(item, i);
  }
}

/** Page numbers and the footer, once every page exists (« Page 2 / 5 »). */
function writeFooters(doc: Doc, m: SessionReportModel, generatedAt: number): void {
  const range = doc.bufferedPageRange();
  const left = `${line(m.programme.event.shortName ?? m.programme.event.name)} · ${line(m.session.title)}`;
  const made = `Généré le ${generatedWords(generatedAt, m.timeZone)} par Pupitre`;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    const y = doc.page.height - 46;
    doc
      .moveTo(MARGIN.left, y - 6)
      .lineTo(MARGIN.left + CONTENT, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font('regular').fontSize(7.5).fillColor(SOFT);
    doc.text(left, MARGIN.left, y, { width: CONTENT - 70, height: 10, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1} / ${range.count}`, MARGIN.left + CONTENT - 70, y, { width: 70, align: 'right', lineBreak: false });
    doc.text(made, MARGIN.left, y + 11, { width: CONTENT, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export async function sessionReportPdf(state: RegieState, sessionId: string, options: SessionReportOptions = {}): Promise<Buffer> {
  const m = sessionReportModel(state, sessionId, options);
  const generatedAt = options.generatedAt ?? Date.now();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `Rapport de séance — ${inertLine(m.session.title)}`,
      Author: 'Pupitre',
      Subject: inertLine(m.programme.event.name),
      CreationDate: new Date(generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', reportFonts.regular());
  doc.registerFont('bold', reportFonts.bold());
  doc.registerFont('oblique', reportFonts.oblique());
  const w = new ReportWriter(doc);
  // Page 1: the session in figures and in results, then its times and participation; the charts follow.
  writeHeader(w, m);
  writeKeyFigures(w, m);
  writeSummary(w, m);
  writeTimes(w, m);
  writeParticipation(w, m);
  await writeInteractions(w, m, state);
  await writeQuestions(w, m, options.names === true);
  await breathe();
  writeFooters(doc, m, generatedAt);
  doc.end();
  return done;
}
