import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, ExportTable } from './export-table';

// Characters XML 1.0 cannot hold (an .xlsx is XML): a control character or a lone surrogate would
// make the whole file unreadable. The hub already removes them from the audience's text.
// eslint-disable-next-line no-control-regex
const XML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit for one cell's text. */
const MAX_CELL_TEXT = 32_767;

function xlsxValue(cell: Cell): string | number | null {
  if (typeof cell !== 'string') return cell;
  if (cell === '') return null; // an empty cell, not an empty string
  const text = cell.replace(XML_CONTROL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/**
 * A workbook with one sheet per table: a bold header row frozen at the top, column widths and an
 * autofilter. Every string is a shared-string cell (t="s"), never a formula: a participant's
 * `=HYPERLINK(…)` stays text, shown as typed, with no apostrophe added. Written with exceljs's
 * streaming writer (10,000 questions in well under the in-memory writer's time).
 */
export async function tablesToXlsx(tables: readonly ExportTable[], meta: { title: string }): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  workbook.creator = 'Pupitre';
  workbook.title = meta.title;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((h, i) => ({ header: h, key: `c${i}`, width: table.widths[i] ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.header.length } };
    for (const [i, row] of table.rows.entries()) {
      // Made in the core's process, perhaps during the show: a TAKE or a vote does not wait behind
      // a whole workbook.
      if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
      sheet.addRow(row.map(xlsxValue)).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  out.end();
  await ended;
  return Buffer.concat(chunks);
}
