import type { Programme } from '../../shared/domain/programme';
import { type ImportOptions, decodeProgrammeText } from './import-common';
import { importCsv } from './import-csv';
import { importIcs } from './import-ics';
import { ProgrammeFileError, parseProgrammeFile } from './programme-file';

/** The formats a programme can be opened from, by file extension. */
export const PROGRAMME_EXTENSIONS = ['yaml', 'yml', 'json', 'ics', 'csv', 'tsv', 'txt'] as const;

/**
 * Opens a programme file of any supported format, chosen by its extension: the native format
 * (YAML, JSON), iCalendar or CSV. Returns a valid programme or throws a ProgrammeFileError.
 */
export function readProgrammeFile(input: string | Uint8Array, fileName: string, options: ImportOptions = {}): Programme {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  switch (ext) {
    case 'yaml':
    case 'yml':
    case 'json':
      return parseProgrammeFile(decodeProgrammeText(input, fileName), fileName);
    case 'ics':
    case 'ical':
    case 'ifb':
      return importIcs(input, fileName, options);
    case 'csv':
    case 'tsv':
    case 'txt':
      return importCsv(input, fileName, options);
    default:
      throw new ProgrammeFileError(fileName, [
        { line: null, column: null, field: '', message: 'format inconnu : .yaml, .json, .ics ou .csv attendu' },
      ]);
  }
}
