import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","clic")', ';')).toBe(`"'=HYPERLINK(""http://x"",""clic"")"`);
    expect(csvCell('+33 6 12', ';')).toBe("'+33 6 12");
    expect(csvCell('-1', ';')).toBe("'-1");
    expect(csvCell('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvCell(-1, ';')).toBe('-1'); // a number we wrote ourselves stays a number
  });
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('il a dit "oui"\npuis non', ';')).toBe('"il a dit ""oui""\npuis non"');
  });
  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv(['x', 'y'], [[1, 'é']])).toBe('\uFEFFx;y\r\n1;é\r\n');
  });
});
