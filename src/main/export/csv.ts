/**
 * CSV as a French spreadsheet opens it: UTF-8 with a BOM, semicolons, CRLF. Every cell that a
 * spreadsheet would read as a formula (= + - @, tab, carriage return) is prefixed with an
 * apostrophe, so a participant's text can never become a live formula.
 */
export interface CsvOptions {
  delimiter?: ';' | ',';
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(delimiter) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], options: CsvOptions = {}): string {
  const d = options.delimiter ?? ';';
  const lines = [header, ...rows].map((r) => r.map((c) => csvCell(c, d)).join(d));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
