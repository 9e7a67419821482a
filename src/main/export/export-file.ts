import type { RegieState } from '../../shared/api/state';
import { epochToWall } from '../../shared/domain/zoned-time';
import { asRunTable } from './as-run-csv';
import { toCsv } from './csv';
import { type ExportPrivacy, exportPrivacy } from './export-privacy';
import { type ExportScope, scopeLabel, scopeSlug } from './export-scope';
import type { ExportTable } from './export-table';
import { tablesToXlsx } from './export-xlsx';
import { pollsTable, wordCloudsTable } from './interaction-export';
import { questionsInScope, questionsTable, unansweredTable } from './question-export';
import { sessionReportPdf } from '../report/session-report-pdf';

/** The files an organiser can take away after a session. */
export const exportFormats = ['csv', 'csv-unanswered', 'csv-polls', 'csv-words', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

export interface ExportRequest {
  scope: ExportScope;
  format: ExportFormat;
  /**
   * Real names of the askers and texts as written (off by default: pseudonymised, « Participant 12 »
   * and the personal data in the texts redacted — export-privacy.ts).
   */
  names: boolean;
  /** The CSV's separator: `;` for a French spreadsheet, `,` on request. */
  delimiter: ';' | ',';
}

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  /** Plain ASCII, safe in a Content-Disposition header and on every file system. */
  fileName: string;
}

export class ExportRequestError extends Error {
  override name = 'ExportRequestError';
}

const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every sheet of the workbook for a scope (one privacy for all: a participant keeps one pseudonym). */
export function workbookTables(state: RegieState, request: Pick<ExportRequest, 'scope' | 'names'>, privacy?: ExportPrivacy): ExportTable[] {
  const options = { names: request.names, privacy: privacy ?? exportPrivacy(state, { names: request.names }) };
  return [
    questionsTable(state, request.scope, options),
    unansweredTable(state, request.scope, options),
    pollsTable(state, request.scope),
    wordCloudsTable(state, request.scope, options.privacy),
    asRunTable(state, request.scope),
  ];
}

function csvFile(table: ExportTable, delimiter: ';' | ','): Buffer {
  return Buffer.from(toCsv(table.header, table.rows, { delimiter }), 'utf8');
}

/** `pupitre-questions-j1-seq1-2021-06-24.csv`: what it is, its scope, the day it was made. */
export function exportFileName(state: RegieState, request: Pick<ExportRequest, 'scope' | 'format'>, now: number): string {
  const date = epochToWall(now, state.programme?.event.timeZone ?? 'Europe/Paris').date;
  const what: Record<ExportFormat, string> = {
    csv: 'questions',
    'csv-unanswered': 'questions-sans-reponse',
    'csv-polls': 'sondages',
    'csv-words': 'nuages-de-mots',
    xlsx: 'export',
    pdf: 'rapport',
  };
  const ext = request.format === 'xlsx' ? 'xlsx' : request.format === 'pdf' ? 'pdf' : 'csv';
  return `pupitre-${what[request.format]}-${scopeSlug(request.scope)}-${date}.${ext}`;
}

/**
 * Builds the file of an export from the state (pure but for the PDF renderer, which is given):
 * the same function serves the desk's download and the command line.
 */
export async function buildExport(state: RegieState, request: ExportRequest, deps: { now: number }): Promise<ExportedFile> {
  const fileName = exportFileName(state, request, deps.now);
  // The texts are redacted ahead, a chunk at a time: an export made during the show lets it go on.
  const privacy = exportPrivacy(state, { names: request.names });
  if (request.format !== 'csv-polls' && request.format !== 'csv-words') await privacy.prepare(questionsInScope(state, request.scope));
  const options = { names: request.names, privacy };
  switch (request.format) {
    case 'csv':
      return { body: csvFile(questionsTable(state, request.scope, options), request.delimiter), contentType: CSV_TYPE, fileName };
    case 'csv-unanswered':
      return { body: csvFile(unansweredTable(state, request.scope, options), request.delimiter), contentType: CSV_TYPE, fileName };
    case 'csv-polls':
      return { body: csvFile(pollsTable(state, request.scope), request.delimiter), contentType: CSV_TYPE, fileName };
    case 'csv-words':
      return { body: csvFile(wordCloudsTable(state, request.scope, privacy), request.delimiter), contentType: CSV_TYPE, fileName };
    case 'xlsx': {
      const title = `Pupitre — ${scopeLabel(state.programme, request.scope)}`;
      return { body: await tablesToXlsx(workbookTables(state, request, privacy), { title }), contentType: XLSX_TYPE, fileName };
    }
    case 'pdf': {
      if (request.scope.kind !== 'session')
        throw new ExportRequestError('le rapport PDF se fait séance par séance : choisissez une séance');
      return { body: await sessionReportPdf(state, request.scope.sessionId, options), contentType: 'application/pdf', fileName };
    }
    default:
      return request.format satisfies never;
  }
}
