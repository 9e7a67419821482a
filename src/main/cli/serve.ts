/**
 * `npm run serve`: the régie core alone, for a browser-only desk, a venue PC and the tests.
 * Prints the views' addresses (with their tokens). With --json, one line of JSON for scripts.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { describeReport } from '../codes/personal-codes-csv';
import { join } from 'node:path';
import { isLoopbackUrl, loopbackWarning } from '../../shared/domain/join-address';
import { DatabaseTooNewError } from '../../node/sqlite/database';
import { type HubSetting, startCore } from '../core';
import { defaultDataDir, repoRoot } from './paths';
import { partialHubLimitsSchema, type PartialHubLimits } from '../../hub';
import { parseMessage } from '../../shared/protocol/validate';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    lan: { type: 'boolean', default: false },
    'no-demo': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'no-hub': { type: 'boolean', default: false },
    'hub-port': { type: 'string' },
    'hub-host': { type: 'string' },
    'hub-url': { type: 'string' },
    'hub-token': { type: 'string' },
    'hub-limits': { type: 'string' },
    'hub-in-process': { type: 'boolean', default: false },
    'osc-port': { type: 'string' },
    codes: { type: 'string' },
    follow: { type: 'string' },
    'follow-token': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage : npm run serve -- [--data-dir DOSSIER] [--port N] [--lan] [--no-demo] [--json]
  --data-dir  dossier de la base et des journaux (défaut : ${defaultDataDir()})
  --port      port des vues (défaut : 4870, ou le suivant libre ; 0 = au hasard)
  --lan       ouvrir aussi les vues au réseau du lieu pour cette fois ; sans --lan, le choix de la régie
              (« Sièges » → « Ouvrir aux tablettes du réseau local »), fermé par défaut
  --no-demo   ne pas charger le programme de démonstration dans une base vide
  --json      une ligne JSON sur la sortie standard (pour les scripts et les tests)
  Public (hub) :
  --hub-port N      port du hub intégré (défaut : 4871, ou un port libre)
  --hub-host ADR    adresse d’écoute du hub intégré (défaut : 0.0.0.0, le réseau du lieu)
  --hub-url URL --hub-token JETON   utiliser un hub distant (npm run hub sur un serveur) ; une grappe :
                                    les adresses de ses nœuds séparées par des virgules (URL1,URL2,URL3),
                                    le lien passe au suivant quand le sien tombe
  --no-hub          sans public (ni questions, ni votes)
  --hub-limits JSON limites du hub intégré, p. ex. '{"addressRate":{"perSecond":200,"burst":400}}'
  --hub-in-process  le hub intégré dans le processus de la régie (comparaison de bench/take seulement :
                    ses connexions et ses votes passent alors par la boucle de la régie, et rien ne le relance)
  Télécommande (Stream Deck, Companion) : HTTP /api/remote/… avec le jeton de régie (docs/remote-control.md)
  --osc-port N      aussi en OSC sur ce port UDP (jeton de régie en premier argument ; désactivé sans cette option)
  Régie de secours (docs/standby.md) :
  --follow URL --follow-token JETON   suivre la régie principale (son adresse des vues, son jeton
                    de secours) : copie de son journal, lecture seule, « Prendre la main » pour la
                    remplacer ; avec --hub-url et --hub-token (le hub du public de la principale) ou --no-hub
  Codes personnels (participants à distance) :
  --codes FICHIER   importer la liste (CSV : colonne « code » ou « Code personnel », ou un code par ligne) ;
                    remplace la liste en vigueur ; seuls les codes, hachés, quittent le fichier`);
  process.exit(0);
}

const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
  console.error(`Port invalide : ${values.port}`);
  process.exit(2);
}

const oscPort = values['osc-port'] === undefined ? undefined : Number(values['osc-port']);
if (oscPort !== undefined && (!Number.isInteger(oscPort) || oscPort < 0 || oscPort > 65535)) {
  console.error(`Port OSC invalide : ${values['osc-port']}`);
  process.exit(2);
}

function followSetting(): { url: string; token: string } | undefined {
  if (values.follow === undefined) return undefined;
  const token = values['follow-token'] ?? process.env.PUPITRE_FOLLOW_TOKEN;
  if (!token) {
    console.error('--follow demande --follow-token (ou PUPITRE_FOLLOW_TOKEN) : le jeton de secours que la régie principale affiche.');
    process.exit(2);
  }
  let url: URL;
  try {
    url = new URL(values.follow);
  } catch {
    console.error(`--follow : adresse illisible (${values.follow}) ; p. ex. http://192.168.1.20:4870`);
    process.exit(2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    console.error(`--follow : une adresse http:// ou https:// est attendue (${values.follow})`);
    process.exit(2);
  }
  if (!values['hub-url'] && !values['no-hub']) {
    console.error('--follow : la régie de secours rejoint le hub du public de la principale (--hub-url et --hub-token), ou aucun (--no-hub) ; un hub intégré à la principale s’arrête avec elle.');
    process.exit(2);
  }
  return { url: url.origin, token };
}

function hubSetting(): HubSetting {
  if (values['no-hub']) return { mode: 'off' };
  if (values['hub-url']) {
    const token = values['hub-token'] ?? process.env.PUPITRE_HUB_TOKEN;
    if (!token) {
      console.error('--hub-url demande --hub-token (ou PUPITRE_HUB_TOKEN) : le jeton de régie du hub distant.');
      process.exit(2);
    }
    return { mode: 'remote', url: values['hub-url'], token };
  }
  const hubPort = values['hub-port'] === undefined ? undefined : Number(values['hub-port']);
  if (hubPort !== undefined && (!Number.isInteger(hubPort) || hubPort < 0 || hubPort > 65535)) {
    console.error(`Port du hub invalide : ${values['hub-port']}`);
    process.exit(2);
  }
  return {
    mode: 'embedded',
    ...(hubPort === undefined ? {} : { port: hubPort }),
    ...(values['hub-host'] ? { host: values['hub-host'] } : {}),
    ...(values['hub-limits'] === undefined ? {} : { limits: hubLimits(values['hub-limits']) }),
    ...(values['hub-in-process'] ? { inProcess: true } : {}),
  };
}

function hubLimits(json: string): PartialHubLimits {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    console.error('--hub-limits : JSON illisible');
    process.exit(2);
  }
  const parsed = parseMessage(partialHubLimitsSchema, raw, '--hub-limits');
  if (!parsed.ok) {
    console.error(parsed.error.message);
    process.exit(2);
  }
  return parsed.value;
}

const follow = followSetting();

try {
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = await startCore({
    dataDir,
    rendererDir: join(repoRoot, 'out', 'renderer'),
    resourcesDir: join(repoRoot, 'resources'),
    ...(port === undefined ? {} : { port }),
    // --lan opens for this run; without it, the desk's stored choice (« Sièges »).
    ...(values.lan ? { lan: true } : {}),
    demo: !values['no-demo'],
    hub: hubSetting(),
    participantDir: join(repoRoot, 'out', 'participant'),
    echoLog: !values.json,
    ...(oscPort === undefined ? {} : { oscPort }),
    ...(follow ? { follow } : {}),
  });
  // Before saying it is ready: a signal sent as soon as the ready line is read must find its
  // handler (without one, SIGTERM kills the process at once and the hub is left to notice alone).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    core.logger.info('stopping', { signal });
    void core.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // The organisers' IT imports the personal codes without the desk (the same path as its dialog).
  if (values.codes !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(values.codes);
    } catch (err) {
      console.error(`--codes : fichier illisible (${values.codes}) : ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      await core.close();
      process.exit(2);
    }
    const imported = await core.codes.importFile(bytes, 'Ligne de commande');
    if (!imported.ok) {
      console.error(`--codes : ${imported.message}`);
      await core.close();
      process.exit(2);
    }
    if (!values.json) console.log(`\n  Codes personnels importés : ${describeReport(imported.report)}`);
  }
  // No phone reaches 127.0.0.1: said under the addresses (and in the JSON for scripts).
  const joinUrls = core.link?.current.joinUrls ?? [];
  const joinWarning = loopbackWarning(joinUrls, values['hub-host']);
  const lan = await core.lan.state();
  if (values.json) {
    process.stdout.write(
      JSON.stringify({
        ready: true,
        port: core.port,
        pid: process.pid,
        urls: core.urls,
        tokens: core.tokens,
        dataDir,
        hubPort: core.hub?.port ?? null,
        hubPid: core.hub?.pid ?? null,
        joinUrls,
        joinWarning,
        oscPort: core.oscPort,
        lan: { open: lan.open, addresses: lan.addresses, failed: lan.failed },
        followToken: core.standbyToken,
        following: follow?.url ?? null,
      }) + '\n',
    );
  } else {
    console.log(`\nPupitre — régie prête (données : ${dataDir})\n`);
    console.log(`  Régie (pupitre)   ${core.urls.control}`);
    console.log(`  Sortie (projecteur, OBS)  ${core.urls.output}`);
    console.log(`  Scène (tablette)          ${core.urls.stage}`);
    for (const u of core.urls.lanControl) console.log(`  Régie, réseau du lieu     ${u}`);
    for (const u of core.urls.lanOutput) console.log(`  Sortie, réseau du lieu    ${u}`);
    if (!lan.open) console.log('  Réseau du lieu : fermé (--lan, ou « Sièges » → « Ouvrir aux tablettes du réseau local »)');
    else if (!values.lan) console.log(`  Réseau du lieu : ouvert (choix de la régie${lan.changedBy ? `, ${lan.changedBy}` : ''})`);
    for (const f of lan.failed) console.log(`  Réseau du lieu : ${f.message}`);
    for (const u of joinUrls) console.log(`  Public (participants)     ${u}${isLoopbackUrl(u) ? '  (cet ordinateur seulement)' : ''}`);
    if (joinWarning) console.log(`\n  ${joinWarning}`);
    if (core.oscPort !== null) console.log(`  Télécommande OSC (UDP)    port ${core.oscPort}`);
    if (follow) console.log(`\n  Régie de secours : suit ${follow.url} (lecture seule ; « Prendre la main » sur le pupitre pour la remplacer)`);
    else console.log(`  Régie de secours (l’autre portable) : npm run serve -- --follow http://${core.urls.lanControl[0] ? new URL(core.urls.lanControl[0]).host : `127.0.0.1:${core.port}`} --follow-token=${core.standbyToken} --hub-url … --hub-token …`);
    console.log(`\n  Journal d'exploitation : ${core.logFile ?? '-'}\n  Ctrl+C pour arrêter.\n`);
  }
} catch (err) {
  if (err instanceof DatabaseTooNewError) {
    console.error(err.message);
    process.exit(3);
  }
  console.error(`Pupitre n'a pas pu démarrer : ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
