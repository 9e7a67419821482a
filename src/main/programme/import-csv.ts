import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Programme, Speaker } from '../../shared/domain/programme';
import { parseFrenchDate, parseFrenchTime, parseTimeRange } from './french-date-time';
import {
  type DraftSession,
  type ImportOptions,
  decodeProgrammeText,
  finishProgramme,
  fold,
  guessKind,
  kindFromWord,
  slugify,
  uniqueIds,
} from './import-common';
import { type FileIssue, ProgrammeFileError } from './programme-file';

/**
 * Imports a programme from CSV as organisers export it from a spreadsheet: comma, semicolon or tab
 * (detected on the header line), UTF-8, UTF-16 or Windows-1252 (import-common.ts), French or English headers in any order
 * (« Jour;Début;Fin;Titre;Type;Salle;Intervenants », "Date,Start,End,Title"…), French dates and
 * times. Unknown columns are ignored. Errors name the line of the row and the column's header as
 * written in the file; any error and nothing is imported.
 */

type Column = 'day' | 'start' | 'end' | 'range' | 'title' | 'kind' | 'room' | 'speakers' | 'subtitle' | 'notes' | 'id';

const HEADERS: Record<Column, string[]> = {
  day: ['jour', 'date', 'day', 'journee', 'date de la seance'],
  start: ['debut', 'heure de debut', 'heure debut', 'horaire de debut', 'start', 'start time', 'begin', 'begins', 'de'],
  end: ['fin', 'heure de fin', 'heure fin', 'horaire de fin', 'end', 'end time', 'ends', 'a', 'jusqu a'],
  range: ['horaire', 'horaires', 'heure', 'heures', 'creneau', 'time', 'times', 'schedule'],
  title: ['titre', 'intitule', 'title', 'session', 'seance', 'nom', 'name', 'intitule de la seance'],
  kind: ['type', 'kind', 'format', 'nature', 'categorie', 'category'],
  room: ['salle', 'lieu', 'room', 'location', 'venue'],
  speakers: ['intervenants', 'intervenant', 'intervenant e s', 'intervenantes', 'orateurs', 'speakers', 'speaker'],
  subtitle: ['sous titre', 'subtitle', 'theme'],
  notes: ['notes', 'note', 'remarques', 'commentaire', 'commentaires', 'description', 'consignes'],
  id: ['id', 'identifiant'],
};

/** How a missing column is named in the error (the French header). */
const COLUMN_NAMES: Record<Column, string> = {
  day: 'Jour',
  start: 'Début',
  end: 'Fin',
  range: 'Horaire',
  title: 'Titre',
  kind: 'Type',
  room: 'Salle',
  speakers: 'Intervenants',
  subtitle: 'Sous-titre',
  notes: 'Notes',
  id: 'Identifiant',
};

const COLUMN_OF = new Map<string, Column>(
  (Object.entries(HEADERS) as [Column, string[]][]).flatMap(([col, names]) => names.map((n) => [n, col] as const)),
);

/** The delimiter used most on the first non-empty line, outside quotes. */
export function detectDelimiter(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of first) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best), [',', 0])[0];
}

interface Row {
  line: number;
  cells: string[];
}

/** What csv-parse gives with `info` and `raw` (its types do not say so). */
const recordsSchema = z.array(z.object({ record: z.array(z.string()), raw: z.string(), info: z.object({ lines: z.number() }) }));

function readRows(text: string, fileName: string): Row[] {
  let parsed: unknown;
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: '\n',
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // csv-parse counts an unclosed quote at the end of the file: point at where it opened.
    const lines = err.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : typeof err.lines === 'number' ? err.lines : null;
    const detail: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: 'guillemet ouvert et jamais fermé',
      INVALID_OPENING_QUOTE: 'guillemet au milieu d’une valeur (doublez-le : "")',
      CSV_INVALID_CLOSING_QUOTE: 'guillemet fermant suivi d’autre chose qu’un séparateur',
      CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'guillemet fermant suivi d’autre chose qu’un séparateur',
    };
    throw new ProgrammeFileError(fileName, [
      { line: lines, column: null, field: '', message: `syntaxe CSV : ${detail[err.code] ?? err.message}` },
    ]);
  }
  // `lines` is where a record ends; a record starts that many line breaks earlier.
  return recordsSchema.parse(parsed).map(({ record, raw, info }) => ({
    line: info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0),
    cells: record,
  }));
}

/** The line of the quote still open at the end of the text ("" inside a quoted value toggles twice). */
function unclosedQuoteLine(text: string): number | null {
  let open: number | null = null;
  let line = 1;
  for (const c of text) {
    if (c === '"') open = open === null ? line : null;
    else if (c === '\n') line += 1;
  }
  return open;
}

/** « Hélène Quéméneur (journaliste), Dr Yann Le Goff (pédopsychiatre) » → speakers. */
export function parseSpeakers(cell: string): Speaker[] {
  const separator = /[;\n|]/.test(cell) ? /[;\n|]/ : /,/;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of cell) {
    if (c === '(') depth += 1;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^(.+?)\s*\((.+)\)$/.exec(p) ?? /^(.+?)\s+[—–]\s+(.+)$/.exec(p);
      return m?.[1] && m[2] ? { name: m[1].trim(), role: m[2].trim() } : { name: p };
    });
}

export function importCsv(input: string | Uint8Array, fileName = 'programme.csv', options: ImportOptions = {}): Programme {
  const text = decodeProgrammeText(input, fileName).replace(/\r\n?/g, '\n');
  const rows = readRows(text, fileName).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows.shift();
  if (!header) throw new ProgrammeFileError(fileName, [{ line: null, column: null, field: '', message: 'fichier vide' }]);

  const issues: FileIssue[] = [];
  const at = (line: number, field: string, message: string) => issues.push({ line, column: null, field, message });
  const columns = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const col = COLUMN_OF.get(fold(h));
    if (!col) return;
    if (columns.has(col)) at(header.line, h, `colonne en double (déjà en colonne ${(columns.get(col) ?? 0) + 1})`);
    else columns.set(col, i);
  });
  const hasTimes = columns.has('range') || (columns.has('start') && columns.has('end'));
  const required: Column[] = ['day', 'title', ...(hasTimes ? [] : (['start', 'end'] as Column[]).filter((c) => !columns.has(c)))];
  for (const col of required) {
    if (!columns.has(col))
      at(header.line, COLUMN_NAMES[col], `colonne manquante : « ${COLUMN_NAMES[col]} » (en-têtes lus : ${header.cells.join(', ')})`);
  }
  if (issues.length > 0) throw new ProgrammeFileError(fileName, issues);

  const headerOf = (col: Column) => header.cells[columns.get(col) ?? -1] ?? COLUMN_NAMES[col];
  const drafts: (DraftSession & { explicitId: boolean })[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    const cell = (col: Column) => {
      const i = columns.get(col);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const errorsBefore = issues.length;
    if (row.cells.length > header.cells.length && row.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      at(
        row.line,
        '',
        `plus de valeurs (${row.cells.length}) que de colonnes (${header.cells.length}) : un séparateur dans un texte ? Mettez-le entre guillemets`,
      );
    }
    const day = parseFrenchDate(cell('day'));
    if (!day.ok) at(row.line, headerOf('day'), day.reason);
    let start = '';
    let end = '';
    if (columns.has('start') && columns.has('end')) {
      const s = parseFrenchTime(cell('start'));
      const e = parseFrenchTime(cell('end'));
      if (s.ok) start = s.value;
      else at(row.line, headerOf('start'), s.reason);
      if (e.ok) end = e.value;
      else at(row.line, headerOf('end'), e.reason);
    } else {
      const r = parseTimeRange(cell('range'));
      if (r.ok) ({ start, end } = r.value);
      else at(row.line, headerOf('range'), r.reason);
    }
    const title = cell('title');
    if (!title) at(row.line, headerOf('title'), 'titre manquant');
    const kindCell = cell('kind');
    const kind = kindCell ? kindFromWord(kindCell) : guessKind(title);
    if (!kind) at(row.line, headerOf('kind'), `type inconnu : « ${kindCell} » (plénière, atelier, pause, ouverture ou clôture)`);
    if (issues.length > errorsBefore || !day.ok || !kind) continue;

    const draft: DraftSession & { explicitId: boolean } = {
      id: cell('id') || slugify(title),
      explicitId: cell('id') !== '',
      day: day.value,
      start,
      end,
      kind,
      title,
    };
    const optional: ['subtitle' | 'room' | 'notes', string][] = [
      ['subtitle', cell('subtitle')],
      ['room', cell('room')],
      ['notes', cell('notes')],
    ];
    for (const [key, value] of optional) if (value) draft[key] = value;
    const speakers = parseSpeakers(cell('speakers'));
    if (speakers.length > 0) draft.speakers = speakers;
    drafts.push(draft);
    lines.push(row.line);
  }
  if (issues.length > 0) throw new ProgrammeFileError(fileName, issues);
  if (drafts.length === 0)
    throw new ProgrammeFileError(fileName, [
      { line: header.line, column: null, field: '', message: 'aucune séance après la ligne des en-têtes' },
    ]);

  // Generated ids give way to the ones written in the file, then are made unique.
  const reserved = new Set(drafts.filter((d) => d.explicitId).map((d) => d.id));
  const generated = uniqueIds([...reserved, ...drafts.filter((d) => !d.explicitId).map((d) => d.id)]).slice(reserved.size);
  const sessions: DraftSession[] = drafts.map(({ explicitId, ...d }) => (explicitId ? d : { ...d, id: generated.shift() ?? d.id }));

  const fieldColumn: Partial<Record<string, Column>> = {
    day: 'day',
    start: 'start',
    end: 'end',
    title: 'title',
    kind: 'kind',
    room: 'room',
    speakers: 'speakers',
    subtitle: 'subtitle',
    notes: 'notes',
    id: columns.has('id') ? 'id' : 'title',
  };
  return finishProgramme(
    fileName,
    { name: options.eventName ?? 'Programme importé', timeZone: options.timeZone ?? 'Europe/Paris' },
    sessions,
    (index, field) => {
      let col = fieldColumn[field];
      if ((col === 'start' || col === 'end') && !columns.has(col)) col = 'range';
      return { line: index === null ? null : (lines[index] ?? null), field: col ? headerOf(col) : field };
    },
  );
}
