import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProgrammeFile } from './import-programme';
import { ProgrammeFileError } from './programme-file';

/**
 * Every file of tests/fixtures/programmes/broken is refused as a whole, with an error that names
 * the line and the field (CSV: the column as headed in the file; iCalendar: the property; native
 * format: the path of the field).
 */

const DIR = new URL('../../../tests/fixtures/programmes/broken/', import.meta.url);

interface Broken {
  file: string;
  line: number;
  field: string;
  message: RegExp;
}

const broken: Broken[] = [
  // iCalendar
  { file: 'ics-pas-un-calendrier.ics', line: 1, field: 'BEGIN', message: /BEGIN:VCALENDAR/ },
  { file: 'ics-ligne-illisible.ics', line: 17, field: '', message: /ligne illisible/ },
  { file: 'ics-dtstart-illisible.ics', line: 15, field: 'DTSTART', message: /illisible/ },
  { file: 'ics-heure-impossible.ics', line: 15, field: 'DTSTART', message: /heure impossible/ },
  { file: 'ics-date-impossible.ics', line: 16, field: 'DTEND', message: /date impossible/ },
  { file: 'ics-sans-fin.ics', line: 12, field: 'DTEND', message: /fin manquante/ },
  { file: 'ics-fin-avant-debut.ics', line: 16, field: 'DTEND', message: /la fin doit suivre/ },
  { file: 'ics-fuseau-inconnu.ics', line: 15, field: 'DTSTART', message: /fuseau inconnu : Paris\/Nantes/ },
  { file: 'ics-repetition.ics', line: 17, field: 'RRULE', message: /répétée/ },
  { file: 'ics-sans-titre.ics', line: 12, field: 'SUMMARY', message: /titre manquant/ },
  { file: 'ics-vevent-non-ferme.ics', line: 4, field: 'BEGIN', message: /jamais fermé/ },
  { file: 'ics-sur-deux-jours.ics', line: 16, field: 'DTEND', message: /finir le jour où elle commence/ },
  { file: 'ics-titre-trop-long.ics', line: 17, field: 'SUMMARY', message: /300/ },
  { file: 'ics-duree-illisible.ics', line: 16, field: 'DURATION', message: /durée illisible/ },
  // CSV
  { file: 'csv-colonne-manquante.csv', line: 1, field: 'Fin', message: /colonne manquante/ },
  { file: 'csv-date-illisible.csv', line: 3, field: 'Jour', message: /date illisible/ },
  { file: 'csv-date-sans-annee.csv', line: 3, field: 'Jour', message: /année manquante/ },
  { file: 'csv-jour-de-semaine-faux.csv', line: 4, field: 'Jour', message: /est un vendredi, pas un mercredi/ },
  { file: 'csv-heure-illisible.csv', line: 3, field: 'Début', message: /heure illisible/ },
  { file: 'csv-heure-impossible.csv', line: 3, field: 'Fin', message: /heure impossible/ },
  { file: 'csv-fin-avant-debut.csv', line: 3, field: 'Fin', message: /la fin doit suivre/ },
  { file: 'csv-type-inconnu.csv', line: 3, field: 'Type', message: /type inconnu/ },
  { file: 'csv-guillemet-non-ferme.csv', line: 3, field: '', message: /guillemet/ },
  { file: 'csv-titre-manquant.csv', line: 3, field: 'Titre', message: /titre manquant/ },
  { file: 'csv-vide.csv', line: 1, field: '', message: /aucune séance/ },
  { file: 'csv-separateur-dans-titre.csv', line: 3, field: '', message: /guillemets/ },
  { file: 'csv-identifiant-en-double.csv', line: 4, field: 'Id', message: /en double/ },
  // Encodings: Windows-1252 and UTF-16 are read (import-encodings.test.ts); these are not.
  { file: 'csv-mac-roman.csv', line: 3, field: '', message: /ni en UTF-8 ni en Windows-1252 \(octet 0x8F, ligne 3/ },
  { file: 'csv-utf8-abime.csv', line: 3, field: '', message: /en UTF-8 mais contient un octet invalide \(0xE9, ligne 3\)/ },
  // Native format (YAML): cues and interactions
  { file: 'yaml-interaction-inconnue.yaml', line: 24, field: 'sessions[0].cues[1].action.interaction', message: /interaction absente/ },
  {
    file: 'yaml-mauvais-type-d-interaction.yaml',
    line: 24,
    field: 'sessions[0].cues[1].action.interaction',
    message: /pas un nuage de mots/,
  },
  { file: 'yaml-decalage-invalide.yaml', line: 23, field: 'sessions[0].cues[1].at.offset', message: /décalage/ },
  { file: 'yaml-replique-en-double.yaml', line: 22, field: 'sessions[0].cues[1].id', message: /en double/ },
  { file: 'yaml-sondage-une-option.yaml', line: 10, field: 'interactions[0].options', message: /deux options/ },
  { file: 'yaml-tabulation.yaml', line: 17, field: '', message: /syntaxe/ },
];

function refusal(file: string): ProgrammeFileError {
  const bytes = readFileSync(new URL(file, DIR));
  try {
    readProgrammeFile(bytes, file);
  } catch (err) {
    if (err instanceof ProgrammeFileError) return err;
    throw err;
  }
  throw new Error(`${file} aurait dû être refusé`);
}

describe('broken programme files', () => {
  it('covers every file of the folder, at least 20', () => {
    const files = readdirSync(DIR).sort();
    expect(broken.map((b) => b.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(broken)('$file: line $line, field "$field"', ({ file, line, field, message }) => {
    const e = refusal(file);
    expect(e.fileName).toBe(file);
    const issue = e.issues.find((i) => i.line === line && i.field === field);
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(e.message).toContain(`ligne ${line}`);
  });
});
