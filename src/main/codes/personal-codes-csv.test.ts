import { describe, expect, it } from 'vitest';
import { describeReport, parseCodesFile, parseCodesText } from './personal-codes-csv';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ok = (r: ReturnType<typeof parseCodesText>) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('parseCodesText', () => {
  it('reads one code per line, normalised (case, spaces, dashes), blank lines skipped', () => {
    const r = ok(parseCodesText('ab12-cd34\n\n  EF56 GH78 \r\nij90kl12\n'));
    expect(r.codes).toEqual(['AB12CD34', 'EF56GH78', 'IJ90KL12']);
    expect(r.report).toMatchObject({ codes: 3, duplicates: 0, malformed: 0, column: null, lines: 3 });
  });

  it('reads the « Code personnel » column of a table and keeps nothing else', () => {
    const csv = 'Nom;Prénom;E-mail;Code personnel\nDupont;Marie;marie@exemple.fr;AB12-CD34\n"Martin; fils";Paul;"paul@exemple.fr";EF56GH78\n';
    const r = ok(parseCodesText(csv));
    expect(r.codes).toEqual(['AB12CD34', 'EF56GH78']);
    expect(r.report.column).toBe('Code personnel');
    expect(JSON.stringify(r)).not.toMatch(/Dupont|Marie|exemple/);
  });

  it('finds a « code » column whatever its place, with commas, tabs and quoted line breaks', () => {
    expect(ok(parseCodesText('code,nom\nAAAA1111,"Dupont\nMarie"\nBBBB2222,X\n')).codes).toEqual(['AAAA1111', 'BBBB2222']);
    expect(ok(parseCodesText('nom\tCODE\nX\tCCCC3333\n')).codes).toEqual(['CCCC3333']);
  });

  it('counts duplicates and says their lines; the line after a quoted break is numbered right', () => {
    const r = ok(parseCodesText('code,adresse\nAB12CD34,"1 rue X\nNantes"\nab12-cd34,y\nEF56GH78,z\nAB12CD34,w\n'));
    expect(r.codes).toEqual(['AB12CD34', 'EF56GH78']);
    expect(r.report).toMatchObject({ duplicates: 2, duplicateLines: [4, 6] });
  });

  it('says malformed lines with their numbers and why, and imports the others', () => {
    const r = ok(parseCodesText('code;nom\nAB12CD34;a\nmarie@exemple.fr;b\nX1;c\n;d\nAB!2CD34;e\n' + 'Z'.repeat(40) + ';f\n'));
    expect(r.codes).toEqual(['AB12CD34']);
    expect(r.report.malformed).toBe(5);
    expect(r.report.malformedLines).toEqual([
      { line: 3, reason: 'une adresse e-mail, pas un code' },
      { line: 4, reason: 'code trop court (4 caractères au moins)' },
      { line: 5, reason: 'code vide' },
      { line: 6, reason: 'caractères autres que des lettres et des chiffres' },
      { line: 7, reason: 'code trop long (32 caractères au plus)' },
    ]);
    expect(describeReport(r.report)).toContain('ligne 3 (une adresse e-mail, pas un code)');
  });

  it('refuses an empty file, a table without a code column, and a file with no valid code', () => {
    expect(parseCodesText('\n \n')).toEqual({ ok: false, message: 'Le fichier est vide : aucun code à importer.' });
    const noColumn = parseCodesText('Nom;Prénom;E-mail\nDupont;Marie;m@x.fr\n');
    expect(noColumn.ok).toBe(false);
    expect(!noColumn.ok && noColumn.message).toContain('« Nom », « Prénom », « E-mail »');
    expect(parseCodesText('code\nx\n@\n')).toEqual({ ok: false, message: 'Aucun code valide dans le fichier (2 lignes illisibles) : rien n’est importé.' });
  });
});

describe('parseCodesFile', () => {
  it('reads UTF-8 with BOM, UTF-16 LE with BOM and Windows-1252 alike', () => {
    const text = 'Nom;Code personnel\nHélène Œuvray;ÉTÉ2026A\n';
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const cp1252 = Uint8Array.from(text, (c) => (c === 'Œ' ? 0x8c : c.charCodeAt(0)));
    for (const [bytes, encoding] of [
      [bom8, 'UTF-8 avec BOM'],
      [le, 'UTF-16 LE'],
      [cp1252, 'Windows-1252'],
    ] as const) {
      const r = parseCodesFile(bytes);
      expect(r).toMatchObject({ ok: true, codes: ['ÉTÉ2026A'], report: { encoding, column: 'Code personnel' } });
    }
  });

  it('refuses an empty file and a spreadsheet in French', () => {
    expect(parseCodesFile(new Uint8Array())).toEqual({ ok: false, message: 'Le fichier est vide : aucun code à importer.' });
    const xlsx = parseCodesFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]));
    expect(!xlsx.ok && xlsx.message).toMatch(/^Fichier illisible : c’est un classeur Excel/);
  });
});
