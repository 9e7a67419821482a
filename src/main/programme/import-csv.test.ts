import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionAudience } from '../../shared/domain/programme';
import { detectDelimiter, importCsv, parseSpeakers } from './import-csv';
import { ProgrammeFileError } from './programme-file';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/programmes/${name}`, import.meta.url));

function refusal(text: string): ProgrammeFileError {
  try {
    importCsv(text, 'test.csv');
  } catch (err) {
    if (err instanceof ProgrammeFileError) return err;
    throw err;
  }
  throw new Error('le fichier aurait dû être refusé');
}

describe('importCsv: a semicolon CSV with a BOM, as French Excel saves it', () => {
  const bytes = fixture('assises-point-virgule-bom.csv');
  const p = importCsv(bytes, 'assises.csv', { eventName: 'Assises 2021' });

  it('starts with a BOM and uses CRLF (the fixture is what it says)', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
  });

  it('reads every row, in order, on the right days', () => {
    expect(p.event).toEqual({ name: 'Assises 2021', timeZone: 'Europe/Paris' });
    expect(p.days).toEqual([
      { date: '2021-06-24', label: 'Jeudi 24 juin' },
      { date: '2021-06-25', label: 'Vendredi 25 juin' },
    ]);
    expect(p.sessions.map((s) => [s.day, s.start, s.end, s.kind])).toEqual([
      ['2021-06-24', '08:00', '09:00', 'break'],
      ['2021-06-24', '09:00', '09:45', 'opening'],
      ['2021-06-24', '09:45', '11:00', 'plenary'],
      ['2021-06-24', '11:00', '11:30', 'break'],
      ['2021-06-24', '11:30', '12:30', 'plenary'],
      ['2021-06-24', '12:30', '14:00', 'break'],
      ['2021-06-24', '16:00', '17:30', 'workshop'],
      ['2021-06-24', '16:00', '17:30', 'workshop'],
      ['2021-06-25', '09:00', '10:30', 'plenary'],
      ['2021-06-25', '14:45', '15:30', 'closing'],
    ]);
  });

  it('keeps titles, rooms, speakers with their roles, and multi-line notes', () => {
    const seq1 = p.sessions[2]!;
    expect(seq1.title).toBe('Séquence 1 — Ce que la crise sanitaire a fait aux enfants');
    expect(seq1.room).toBe('Grand Auditorium');
    expect(seq1.speakers).toEqual([
      { name: 'Dr Yann Le Goff', role: 'pédopsychiatre' },
      { name: 'Sophie Marchetti', role: 'sociologue, famille' },
    ]);
    expect(seq1.notes).toBe('Sondage flash à 10 h 15.\nQuestions de 10 h 30 à 10 h 55.');
    expect(p.sessions[0]!.notes).toBe('Boucle d’attente à l’écran');
    expect(p.sessions[3]!.speakers).toBeUndefined();
  });

  it('gives readable, unique ids, and the default audience of each kind', () => {
    expect(p.sessions.map((s) => s.id)).toContain('ouverture-des-14es-assises');
    expect(new Set(p.sessions.map((s) => s.id)).size).toBe(p.sessions.length);
    const workshop = p.sessions.find((s) => s.kind === 'workshop')!;
    expect(sessionAudience(workshop)).toEqual({ room: true, remote: false });
  });

  it('reads the same from text, with or without the BOM', () => {
    const text = bytes.toString('utf8');
    expect(importCsv(text, 'a.csv', { eventName: 'Assises 2021' })).toEqual(p);
    expect(importCsv(text.replace(/^\uFEFF/, ''), 'a.csv', { eventName: 'Assises 2021' })).toEqual(p);
  });
});

describe('importCsv: a comma CSV with English headers', () => {
  const p = importCsv(fixture('programme-virgule.csv'), 'programme.csv');

  it('reads English dates, 12-hour times and quoted commas', () => {
    expect(p.sessions.map((s) => `${s.day} ${s.start}–${s.end} ${s.kind} ${s.title}`)).toEqual([
      '2021-06-24 09:00–09:45 opening Opening',
      '2021-06-24 09:45–11:00 plenary Plenary 1: children, families and the pandemic',
      '2021-06-24 11:00–11:30 break Coffee break',
      '2021-06-24 16:00–17:30 workshop Workshop A',
      '2021-06-24 16:00–17:30 workshop Workshop B',
    ]);
    expect(p.sessions[0]!.speakers).toEqual([{ name: 'Hélène Quéméneur', role: 'host' }, { name: 'Paul Gaudichon' }]);
    expect(p.sessions[1]!.notes).toBe('Poll at 10:15, Q&A at 10:30');
    expect(p.event.name).toBe('Programme importé');
  });
});

describe('importCsv: details', () => {
  it('detects the delimiter on the header line, outside quotes', () => {
    expect(detectDelimiter('Jour;Début;Fin\n1,2,3')).toBe(';');
    expect(detectDelimiter('"Jour;x",Début,Fin')).toBe(',');
    expect(detectDelimiter('Jour\tDébut\tFin')).toBe('\t');
  });

  it('accepts a time range column, headers in any order, and ignores unknown columns', () => {
    const p = importCsv('Salle;Couleur;Horaire;Intitulé;Date\nSalle 300;bleu;14 h – 15 h 30;Atelier 1;24/06/2021\n', 'a.csv');
    expect(p.sessions).toEqual([
      { id: 'atelier-1', day: '2021-06-24', start: '14:00', end: '15:30', kind: 'workshop', title: 'Atelier 1', room: 'Salle 300' },
    ]);
  });

  it('guesses the kind from the title when the Type column is empty, and reads French kinds', () => {
    const p = importCsv(
      [
        'Jour;Début;Fin;Titre;Type',
        '24/06/2021;8h;9h;Accueil café;',
        '24/06/2021;9h;10h;Ouverture officielle;',
        '24/06/2021;10h;11h;Table ronde;',
        '24/06/2021;11h;12h;Grand témoin;Clôture',
        '24/06/2021;12h;13h;Les ateliers du midi;plénière',
      ].join('\n'),
      'a.csv',
    );
    expect(p.sessions.map((s) => s.kind)).toEqual(['break', 'opening', 'plenary', 'closing', 'plenary']);
  });

  it('makes ids unique, and keeps the ones the file gives', () => {
    const p = importCsv(
      ['Id;Jour;Début;Fin;Titre', ';24/06/2021;9h;10h;Pause', 'pause;24/06/2021;10h;11h;Pause', ';24/06/2021;11h;12h;Pause'].join('\n'),
      'a.csv',
    );
    expect(p.sessions.map((s) => s.id)).toEqual(['pause-2', 'pause', 'pause-3']);
  });

  it('reports every bad row at once, and imports nothing', () => {
    const e = refusal(
      ['Jour;Début;Fin;Titre', '24/06/2021;9h;10h;Bon', '32/06/2021;9h;10h;Mauvais jour', '', '24/06/2021;10h;9h61;Mauvaise fin'].join(
        '\n',
      ),
    );
    expect(e.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'Jour'],
      [5, 'Fin'],
    ]);
    expect(e.message).toContain('test.csv');
  });

  it('refuses a missing header with the headers it found', () => {
    const e = refusal('Quand;Quoi\n24/06/2021;Ouverture\n');
    expect(e.issues.map((i) => i.field)).toEqual(['Jour', 'Titre', 'Début', 'Fin']);
    expect(e.issues[0]!.message).toMatch(/en-têtes lus : Quand, Quoi/);
  });

  it('counts lines across quoted line breaks and blank lines', () => {
    const e = refusal(
      ['Jour;Début;Fin;Titre;Notes', '24/06/2021;9h;10h;Un;"note', 'sur deux lignes"', '', '24/06/2021;9h;10h;;'].join('\r\n'),
    );
    expect(e.issues).toEqual([{ line: 5, column: null, field: 'Titre', message: 'titre manquant' }]);
  });

  it('speaks French about schema limits', () => {
    const e = refusal(`Jour;Début;Fin;Titre\n24/06/2021;9h;10h;${'x'.repeat(301)}\n`);
    expect(e.issues[0]).toMatchObject({ line: 2, field: 'Titre' });
    expect(e.issues[0]!.message).toMatch(/300/);
    expect(e.issues[0]!.message).not.toMatch(/Too big/);
  });
});

describe('parseSpeakers', () => {
  it('splits on semicolons or commas, keeping commas inside roles', () => {
    expect(parseSpeakers('A (x, y); B')).toEqual([{ name: 'A', role: 'x, y' }, { name: 'B' }]);
    expect(parseSpeakers('A (x, y), B — animatrice')).toEqual([
      { name: 'A', role: 'x, y' },
      { name: 'B', role: 'animatrice' },
    ]);
    expect(parseSpeakers('A\nB')).toEqual([{ name: 'A' }, { name: 'B' }]);
    expect(parseSpeakers('  ')).toEqual([]);
  });
});
