/**
 * `npm run purge -- --data-dir DOSSIER --oui`: after the event, the RGPD purge of a data folder
 * (the régie's database, the embedded hub's, the logs; or a remote hub's folder). Pupitre and the
 * hub must be stopped. Without --oui it says what it would purge and changes nothing.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HUB_DB_FILE } from '../../hub';
import { PurgeError } from '../../node/sqlite/compact-file';
import { purgeDataDir, type PurgeReport } from '../store/purge/purge-data-dir';
import { REGIE_DB_FILE } from '../store/purge/purge-regie-db';
import { defaultDataDir } from './paths';

const USAGE = `Usage : npm run purge -- --data-dir DOSSIER --oui [--json]
  --data-dir  le dossier de données de la régie (pupitre.sqlite3, hub.sqlite3, logs/)
              ou celui d’un hub distant (défaut : ${defaultDataDir()})
  --oui       confirme l’effacement (sans --oui : dit ce qui serait purgé, ne change rien)
  --json      le bilan en une ligne JSON
Efface, après l’événement, les noms et identifiants des participants et les données personnelles
des textes (prénoms, téléphones, e-mails… masqués), dans les bases et les journaux ; garde les
questions anonymes, les votes, les mots et les comptes. Arrêtez Pupitre (et le hub) avant.
Irréversible : faites d’abord les exports nominatifs dont vous auriez besoin.`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let values;
try {
  values = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      oui: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
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

const dir = resolve(values['data-dir'] ?? defaultDataDir());
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} Mo`;

if (!values.oui && !values.yes) {
  const found = [REGIE_DB_FILE, HUB_DB_FILE].filter((f) => existsSync(join(dir, f)));
  if (found.length === 0) fail(`Ni ${REGIE_DB_FILE} ni ${HUB_DB_FILE} dans ${dir} : rien à purger.`, 2);
  fail(
    `Purge RGPD de ${dir} : ${found.map((f) => `${f} (${mb(statSync(join(dir, f)).size)})`).join(', ')}, et les journaux.\n` +
      `Rien n’a été modifié : ajoutez --oui pour effacer (irréversible).`,
    2,
  );
}

function summary(r: PurgeReport): string {
  const lines = [`Purge RGPD terminée en ${(r.ms / 1000).toFixed(1)} s : ${r.participants} participants pseudonymisés.`];
  if (r.regie)
    lines.push(
      `  Régie : ${r.regie.counts.events} événements réécrits (${r.regie.counts.questions} questions gardées sans auteur), ` +
        `${mb(r.regie.bytesBefore)} → ${mb(r.regie.bytesAfter)}`,
    );
  if (r.hub)
    lines.push(
      `  Hub : ${r.hub.counts.backlog} messages en attente, ${r.hub.counts.votes} votes, ${r.hub.counts.upvotes} soutiens, ` +
        `${r.hub.counts.words} mots réécrits, ${mb(r.hub.bytesBefore)} → ${mb(r.hub.bytesAfter)}`,
    );
  lines.push(`  Journaux : ${r.logs.files} fichiers lus, ${r.logs.replaced} mentions remplacées.`);
  lines.push('Les exports déjà enregistrés ailleurs ne sont pas touchés : supprimez ceux qui portent des noms.');
  return lines.join('\n');
}

try {
  const report = purgeDataDir(dir);
  console.log(values.json ? JSON.stringify({ ok: true, ...report }) : summary(report));
} catch (err) {
  if (err instanceof PurgeError) fail(`Purge impossible : ${err.message}`, err.exitCode);
  fail(`Purge impossible : ${err instanceof Error ? err.message : String(err)}`, 1);
}
