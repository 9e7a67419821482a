import type { Programme } from '../../shared/domain/programme';
import { parseScope } from './export-scope';
import { type ExportRequest, ExportRequestError, exportFormats, isExportFormat } from './export-file';

/**
 * Reads an export request as the desk sends it (`/export?scope=…&format=…&names=0|1&sep=;|,`):
 * every field checked, a French error for the first wrong one. Absent fields take the defaults
 * (the whole event, CSV, no names, semicolons).
 */
export function parseExportQuery(params: URLSearchParams, programme: Programme | null): ExportRequest {
  const format = params.get('format') ?? 'csv';
  if (!isExportFormat(format))
    throw new ExportRequestError(`format inconnu : « ${format.slice(0, 40)} » (attendu : ${exportFormats.join(', ')})`);
  const names = params.get('names') ?? '0';
  if (names !== '0' && names !== '1') throw new ExportRequestError('names : 0 (pseudonymisé) ou 1 (avec les noms)');
  const sep = params.get('sep') ?? ';';
  if (sep !== ';' && sep !== ',') throw new ExportRequestError('sep : « ; » ou « , »');
  return { scope: parseScope(params.get('scope') ?? 'event', programme), format, names: names === '1', delimiter: sep };
}
