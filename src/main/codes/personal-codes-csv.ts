import { decodeTextFile, type TextEncodingName } from '../../shared/domain/text-encoding';
import { normalisePersonalCode } from '../../node/presence/presence-key';
import { fold } from '../programme/import-common';

/**
 * The personal codes file the organisers export from their registration tool (docs/rooms.md § 4):
 * one code per line, or a table with a column « code » / « Code personnel » (comma, semicolon or
 * tab). Other columns — names, e-mails — are read past and never kept: only the codes leave this
 * function, and only their salted hashes leave the régie. Pure.
 */

/** A file larger than this is refused before it is read (50,000 codes with names and e-mails fit easily). */
export const MAX_CODES_FILE_BYTES = 8 * 1024 * 1024;
/** More codes than this in one file is refused (a list this long is not a registration list). */
export const MAX_CODES = 200_000;
/** How many line numbers a report quotes for each kind of problem (the counts are whole). */
export const LINES_QUOTED = 20;

/** The headers that name the code column, folded (lower case, no accents or punctuation). */
const CODE_HEADERS = new Set(['code', 'codes', 'code personnel', 'codes personnels', 'personal code', 'code d acces', 'code participant']);

/** A code as the phones can type it: 4 to 32 letters or digits once spaces and dashes are gone (the join's limit). */
const CODE_SHAPE = /^[\p{L}\p{N}]{4,32}$/u;

export interface CodesFileReport {
  /** Distinct valid codes. */
  codes: number;
  /** Lines whose code was already given higher up (counted once each). */
  duplicates: number;
  duplicateLines: number[];
  /** Lines with something that is not a code. */
  malformed: number;
  malformedLines: { line: number; reason: string }[];
  encoding: TextEncodingName;
  /** The column read, as written in the file's header; null: one code per line, no header. */
  column: string | null;
  /** Lines read (not counting blank ones and the header). */
  lines: number;
}

export type ParsedCodes = { ok: true; codes: string[]; report: CodesFileReport } | { ok: false; message: string };

/** The delimiter used most on a line, outside quotes (none: one code per line). */
function delimiterOf(line: string): string | null {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const [best, n] = [...counts.entries()].reduce((a, e) => (e[1] > a[1] ? e : a), [',', 0]);
  return n > 0 ? best : null;
}

/**
 * The records of a delimited text with the line each starts on; a quoted cell may hold the
 * delimiter, doubled quotes and line breaks (an address in another column). A line without a
 * quote is split at once (most lines); one with a quote is read character by character.
 */
function* records(text: string, delimiter: string | null): Generator<{ line: number; cells: string[] }> {
  let line = 1;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const raw = text.slice(at, end);
    if (!raw.includes('"')) {
      const plain = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      // An old Mac's lone CRs: each is a line of its own.
      for (const part of plain.split('\r')) {
        yield { line, cells: delimiter === null ? [part] : part.split(delimiter) };
        line += 1;
      }
      at = end + 1;
      continue;
    }
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let i = at;
    for (; i < text.length; i += 1) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 1;
          } else quoted = false;
        } else {
          if (c === '\n') line += 1;
          cell += c;
        }
      } else if (c === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
      } else if (c === delimiter) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n') break;
      else if (c !== '\r') cell += c;
    }
    cells.push(cell);
    yield { line: start, cells };
    line += 1;
    at = i + 1;
  }
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Why a cell is not a code (null: it is one), in French. */
function problemOf(raw: string, code: string): string | null {
  if (code === '') return 'code vide';
  if (raw.includes('@')) return 'une adresse e-mail, pas un code';
  if (code.length < 4) return 'code trop court (4 caractères au moins)';
  if (code.length > 32) return 'code trop long (32 caractères au plus)';
  if (!CODE_SHAPE.test(code)) return 'caractères autres que des lettres et des chiffres';
  return null;
}

/** Records read between two yields to the event loop (the async reading). */
export const RECORDS_PER_SLICE = 2000;

/**
 * The reading itself, as steps: it yields every RECORDS_PER_SLICE records so that the async
 * reading gives the event loop a turn (50,000 lines never hold the core's loop in one block).
 */
function* parseSteps(text: string, encoding: TextEncodingName): Generator<void, ParsedCodes> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r\n|\n|\r/, 50).find((l) => l.trim() !== '');
  if (firstLine === undefined) return { ok: false, message: 'Le fichier est vide : aucun code à importer.' };
  const delimiter = delimiterOf(firstLine);
  const seen = new Set<string>();
  const codes: string[] = [];
  const report: CodesFileReport = {
    codes: 0,
    duplicates: 0,
    duplicateLines: [],
    malformed: 0,
    malformedLines: [],
    encoding,
    column: null,
    lines: 0,
  };
  let column: number | null = null;
  let read = 0;
  for (const { line, cells } of records(body, delimiter)) {
    read += 1;
    if (read % RECORDS_PER_SLICE === 0) yield;
    if (isBlank(cells)) continue;
    if (column === null) {
      // The first row: a header naming the code column, or (one column) already a code.
      const found = cells.findIndex((c) => CODE_HEADERS.has(fold(c)));
      if (found >= 0) {
        column = found;
        report.column = cells[found]!.trim();
        continue;
      }
      if (cells.length > 1) {
        const names = cells.map((c) => `« ${c.trim().slice(0, 40)} »`).join(', ');
        return {
          ok: false,
          message: `Colonne des codes introuvable : la première ligne (${names}) ne nomme aucune colonne « code » ou « Code personnel ». Ajoutez cet en-tête au-dessus des codes, ou gardez une seule colonne.`,
        };
      }
      column = 0;
    }
    report.lines += 1;
    const raw = (cells[column] ?? '').trim();
    const code = normalisePersonalCode(raw);
    const problem = problemOf(raw, code);
    if (problem !== null) {
      report.malformed += 1;
      if (report.malformedLines.length < LINES_QUOTED) report.malformedLines.push({ line, reason: problem });
      continue;
    }
    if (seen.has(code)) {
      report.duplicates += 1;
      if (report.duplicateLines.length < LINES_QUOTED) report.duplicateLines.push(line);
      continue;
    }
    if (codes.length >= MAX_CODES) {
      return { ok: false, message: `Trop de codes : ${MAX_CODES.toLocaleString('fr-FR')} au plus par liste.` };
    }
    seen.add(code);
    codes.push(code);
  }
  report.codes = codes.length;
  if (codes.length === 0) {
    const why = report.malformed > 0 ? ` (${report.malformed} ligne${report.malformed > 1 ? 's' : ''} illisible${report.malformed > 1 ? 's' : ''})` : '';
    return { ok: false, message: `Aucun code valide dans le fichier${why} : rien n’est importé.` };
  }
  return { ok: true, codes, report };
}

/** Reads decoded text: the codes (normalised, distinct, in file order) and what was found. */
export function parseCodesText(text: string, encoding: TextEncodingName = 'UTF-8'): ParsedCodes {
  const steps = parseSteps(text, encoding);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function decodeCodesFile(bytes: Uint8Array): { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: string } {
  if (bytes.byteLength === 0) return { ok: false, message: 'Le fichier est vide : aucun code à importer.' };
  if (bytes.byteLength > MAX_CODES_FILE_BYTES) {
    return { ok: false, message: `Fichier trop grand (${MAX_CODES_FILE_BYTES / 1024 / 1024} Mio au plus) : ne gardez que la colonne des codes.` };
  }
  const decoded = decodeTextFile(bytes);
  return decoded.ok ? decoded : { ok: false, message: `Fichier illisible : ${decoded.message}.` };
}

/** Reads the file's bytes whatever tool saved it (UTF-8, UTF-16 with BOM, Windows-1252). */
export function parseCodesFile(bytes: Uint8Array): ParsedCodes {
  const decoded = decodeCodesFile(bytes);
  return decoded.ok ? parseCodesText(decoded.text, decoded.encoding) : decoded;
}

/** The same, giving the event loop a turn every RECORDS_PER_SLICE records (the core's route). */
export async function parseCodesFileSliced(bytes: Uint8Array): Promise<ParsedCodes> {
  const decoded = decodeCodesFile(bytes);
  if (!decoded.ok) return decoded;
  await nextTurn();
  const steps = parseSteps(decoded.text, decoded.encoding);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** The report in one French paragraph (the CLI prints it; the desk lays it out itself). */
export function describeReport(r: CodesFileReport): string {
  const n = (x: number) => x.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0');
  const parts = [`${n(r.codes)} code${r.codes > 1 ? 's' : ''} valide${r.codes > 1 ? 's' : ''} (${r.encoding}${r.column ? `, colonne « ${r.column} »` : ''})`];
  if (r.duplicates > 0) parts.push(`${n(r.duplicates)} doublon${r.duplicates > 1 ? 's' : ''} ignoré${r.duplicates > 1 ? 's' : ''} (ligne${r.duplicates > 1 ? 's' : ''} ${r.duplicateLines.join(', ')}${r.duplicates > r.duplicateLines.length ? '…' : ''})`);
  if (r.malformed > 0)
    parts.push(
      `${n(r.malformed)} ligne${r.malformed > 1 ? 's' : ''} illisible${r.malformed > 1 ? 's' : ''} ignorée${r.malformed > 1 ? 's' : ''} : ${r.malformedLines.map((m) => `ligne ${m.line} (${m.reason})`).join(', ')}${r.malformed > r.malformedLines.length ? '…' : ''}`,
    );
  return `${parts.join(' ; ')}.`;
}
