/**
 * `npm run export -- --db pupitre.sqlite3 --scope session:j1-seq1 --format xlsx --out questions.xlsx`:
 * the exports of the desk, from a database file after the event. The file is opened read-only and
 * never changed; the state is rebuilt from its journal as the régie would at start-up.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openExportDatabase, ExportDatabaseError } from '../export/export-database';
import { parseExportQuery } from '../export/export-request';
import { buildExport, exportFileName, exportFormats, ExportRequestError } from '../export/export-file';
import { ExportScopeError } from '../export/export-scope';

const USAGE = `Usage : npm run export -- --db FICHIER [--scope PÉRIMÈTRE] [--format FORMAT] [--out FICHIER] [--names] [--comma]
  --db       la base de Pupitre (pupitre.sqlite3, ou le dossier de données qui la contient)
  --scope    event (défaut), day:AAAA-MM-JJ, session:<identifiant de séance> ou room:<identifiant de salle>
  --format   ${exportFormats.join(', ')} (défaut : csv, les questions)
  --out      le fichier à écrire (défaut : un nom parlant dans le dossier courant ; un dossier : dedans)
  --names    avec les noms des participants et les textes tels qu’écrits (défaut : pseudonymisé,
             « Participant 12 », données personnelles des textes masquées)
  --comma    CSV séparé par des virgules (défaut : points-virgules, pour un tableur français)
  --list     affiche les jours et les séances de la base, sans rien exporter
La base n'est jamais modifiée.`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let values;
try {
  values = parseArgs({
    options: {
      db: { type: 'string' },
      scope: { type: 'string', default: 'event' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      names: { type: 'boolean', default: false },
      comma: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`, 2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.db) fail(`--db manque : quelle base exporter ?\n\n${USAGE}`, 2);

try {
  const { state, seq } = openExportDatabase(resolve(values.db));
  if (values.list) {
    const p = state.programme;
    console.log(
      `${p?.event.name ?? '(aucun programme)'} — ${seq} événements dans le journal, ${state.audience.questions.length} questions`,
    );
    for (const d of p?.days ?? []) console.log(`  day:${d.date}${d.label ? `  ${d.label}` : ''}`);
    for (const s of p?.sessions ?? []) console.log(`  session:${s.id}  ${s.day} ${s.start}  ${s.title}`);
    process.exit(0);
  }
  const params = new URLSearchParams({
    scope: values.scope,
    format: values.format,
    names: values.names ? '1' : '0',
    sep: values.comma ? ',' : ';',
  });
  const request = parseExportQuery(params, state.programme);
  const now = Date.now();
  const file = await buildExport(state, request, { now });
  let out = values.out ? resolve(values.out) : resolve(exportFileName(state, request, now));
  if (existsSync(out) && statSync(out).isDirectory()) out = join(out, file.fileName);
  if (resolve(values.db) === out) fail('--out désigne la base elle-même : rien n’a été écrit.', 2);
  writeFileSync(out, file.body);
  console.log(`${out} (${file.body.length} octets)`);
} catch (err) {
  if (err instanceof ExportDatabaseError) fail(err.message, err.exitCode);
  if (err instanceof ExportScopeError || err instanceof ExportRequestError)
    fail(`Export impossible : ${err.message}. (--list montre les jours et les séances de la base.)`, 2);
  fail(`Export impossible : ${err instanceof Error ? err.message : String(err)}`, 1);
}
