import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX } from '../../shared/protocol/limits';
import { presenceKeySchema, roomIdSchema } from '../../shared/protocol/rooms';
import { DEFAULT_HUB_PORT } from '../options';

/**
 * The simulator's options: command line (and PUPITRE_EVENT_CODE), checked here, pure. It talks to
 * one hub: 127.0.0.1 by default, or exactly the address given with --url; it never looks for one.
 */
export const simulatorOptionsSchema = z.strictObject({
  url: z.string(),
  eventCode: z.string().min(1, 'code d’événement vide').max(MAX.eventCode),
  participants: z.number().int().min(1).max(20_000),
  roomShare: z.number().min(0).max(1),
  joinPerSecond: z.number().positive().max(10_000),
  questionsPerMinute: z.number().min(0).max(600_000),
  votesPerSecond: z.number().min(0).max(100_000),
  wordsPerSecond: z.number().min(0).max(100_000),
  upvotesPerSecond: z.number().min(0).max(100_000),
  /** Share of votes that change a participant's earlier vote. */
  changeShare: z.number().min(0).max(1),
  durationSeconds: z
    .number()
    .positive()
    .max(24 * 3600),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  ackTimeoutMs: z.number().int().min(100).max(120_000),
  json: z.boolean(),
  /** The room the participants join (absent: the main room). */
  room: roomIdSchema.optional(),
  /** The room's presence key (`k=` of its QR code): the « in the room » share joins with it, as a phone that scanned it. */
  roomKey: presenceKeySchema.optional(),
  /**
   * Several rooms at once (`--rooms`): each room gets its own participants, rates and seed (the
   * numbers above are per room), and its « in the room » share joins with that room's key from
   * `roomKeys` (the `k=` its screen shows now; a room without one is all « à distance »).
   */
  rooms: z.array(roomIdSchema).min(1).max(50).optional(),
  roomKeys: z.record(roomIdSchema, presenceKeySchema).optional(),
  /** A file that receives one JSON line per accepted message (room, participant, clientMsgId, body): for checks afterwards. */
  record: z.string().min(1).optional(),
});
export type SimulatorOptions = z.infer<typeof simulatorOptionsSchema>;

export const usage = `Usage : npm run simulate -- --event-code CODE [options]
  --url URL               adresse du hub (défaut : http://127.0.0.1:${DEFAULT_HUB_PORT}) ; seul ce hub est contacté
  --event-code CODE       code de l’événement (ou PUPITRE_EVENT_CODE)
  --participants N        participants simulés (défaut 200)
  --room-share X          part dans la salle, de 0 à 1 (défaut 0.8 ; le reste à distance)
  --join-per-s N          arrivées par seconde (défaut 100)
  --questions-per-min N   questions par minute (défaut 30) ; quand les questions sont ouvertes
  --votes-per-s N         votes par seconde (défaut 50) ; quand un sondage est ouvert
  --words-per-s N         envois de mots par seconde (défaut 10) ; quand un nuage est ouvert
  --upvotes-per-s N       soutiens par seconde (défaut 5) ; aux questions publiées
  --change-share X        part des votes qui modifient un vote déjà donné (défaut 0.1)
  --duration S            durée en secondes (défaut 60) ; la simulation s’arrête seule
  --seed N                graine du hasard (même graine, même répétition)
  --ack-timeout-ms N      délai d’attente d’un accusé (défaut 10000)
  --json                  le bilan en JSON sur la sortie standard
  --room SALLE            la salle que les participants rejoignent (défaut : la salle principale)
  --room-key CLÉ          la clé de présence de la salle (k= du QR code affiché à son écran) : sans
                          elle, le hub compte tout le monde « à distance »
  --rooms S1,S2,…         plusieurs salles à la fois : chacune ses participants, ses débits et sa
                          graine (--participants et les débits s’entendent alors par salle)
  --room-keys S1=CLÉ,…    la clé de présence de chaque salle (k= du QR code de son écran) ; une
                          clé vaut 5 à 10 minutes : relancez avec les clés du moment
  --record FICHIER        chaque message accepté en une ligne JSON (salle, participant, message)
Tout vient d’une seule adresse IP : démarrez le hub de répétition avec une limite par adresse
plus large, p. ex. --limits '{"addressRate":{"perSecond":5000,"burst":10000}}'.`;

export type Parsed = { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'ok'; options: SimulatorOptions };

const number = (name: string, raw: string | undefined, fallback: number): number | string => {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : `--${name} : nombre attendu, reçu « ${raw} »`;
};

/** The hub's address: http(s), no path beyond `/`, no credentials. */
export function checkUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, message: `--url : adresse illisible « ${raw} »` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, message: '--url : http:// ou https:// attendu' };
  if (u.username || u.password) return { ok: false, message: '--url : pas d’identifiants dans l’adresse' };
  if (u.pathname !== '/' || u.search || u.hash)
    return { ok: false, message: '--url : l’adresse du hub seule, sans chemin (http://hôte:port)' };
  return { ok: true, url: u.origin };
}

/** `--rooms a,b` and `--room-keys a=KEY,b=KEY`: every key names one of the rooms, at most once. */
function severalRooms(rawRooms: string | undefined, rawKeys: string | undefined): { rooms?: string[]; roomKeys?: Record<string, string> } | string {
  if (rawRooms === undefined) return rawKeys === undefined ? {} : '--room-keys demande --rooms';
  const rooms = rawRooms.split(',').map((r) => r.trim());
  if (new Set(rooms).size !== rooms.length) return `--rooms : une salle en double dans « ${rawRooms} »`;
  const roomKeys: Record<string, string> = {};
  for (const pair of rawKeys === undefined ? [] : rawKeys.split(',')) {
    const [room, key, extra] = pair.trim().split('=');
    if (!room || !key || extra !== undefined) return `--room-keys : SALLE=CLÉ attendu, reçu « ${pair} »`;
    if (!rooms.includes(room)) return `--room-keys : la salle « ${room} » n’est pas dans --rooms`;
    if (room in roomKeys) return `--room-keys : deux clés pour « ${room} »`;
    roomKeys[room] = key;
  }
  return { rooms, roomKeys };
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function parseSimulatorArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
  randomSeed = () => Date.now() >>> 0,
): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        'event-code': { type: 'string' },
        participants: { type: 'string' },
        'room-share': { type: 'string' },
        'join-per-s': { type: 'string' },
        'questions-per-min': { type: 'string' },
        'votes-per-s': { type: 'string' },
        'words-per-s': { type: 'string' },
        'upvotes-per-s': { type: 'string' },
        'change-share': { type: 'string' },
        duration: { type: 'string' },
        seed: { type: 'string' },
        'ack-timeout-ms': { type: 'string' },
        room: { type: 'string' },
        'room-key': { type: 'string' },
        rooms: { type: 'string' },
        'room-keys': { type: 'string' },
        record: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { kind: 'help' };
  const url = checkUrl(values.url ?? `http://127.0.0.1:${DEFAULT_HUB_PORT}`);
  if (!url.ok) return { kind: 'error', message: url.message };
  const eventCode = values['event-code'] ?? env.PUPITRE_EVENT_CODE;
  if (!eventCode) return { kind: 'error', message: '--event-code manque (ou PUPITRE_EVENT_CODE)' };

  const numbers = {
    participants: number('participants', values.participants, 200),
    roomShare: number('room-share', values['room-share'], 0.8),
    joinPerSecond: number('join-per-s', values['join-per-s'], 100),
    questionsPerMinute: number('questions-per-min', values['questions-per-min'], 30),
    votesPerSecond: number('votes-per-s', values['votes-per-s'], 50),
    wordsPerSecond: number('words-per-s', values['words-per-s'], 10),
    upvotesPerSecond: number('upvotes-per-s', values['upvotes-per-s'], 5),
    changeShare: number('change-share', values['change-share'], 0.1),
    durationSeconds: number('duration', values.duration, 60),
    seed: number('seed', values.seed, randomSeed()),
    ackTimeoutMs: number('ack-timeout-ms', values['ack-timeout-ms'], 10_000),
  };
  const bad = Object.values(numbers).find((v) => typeof v === 'string');
  if (typeof bad === 'string') return { kind: 'error', message: bad };

  const place = {
    ...(values.room === undefined ? {} : { room: values.room }),
    ...(values['room-key'] === undefined ? {} : { roomKey: values['room-key'] }),
  };
  const several = severalRooms(values.rooms, values['room-keys']);
  if (typeof several === 'string') return { kind: 'error', message: several };
  if (several.rooms && (place.room !== undefined || place.roomKey !== undefined))
    return { kind: 'error', message: '--rooms remplace --room et --room-key : l’un ou l’autre' };
  const record = values.record === undefined ? {} : { record: values.record };
  const parsed = simulatorOptionsSchema.safeParse({ url: url.url, eventCode, json: values.json, ...numbers, ...place, ...several, ...record });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'error', message: `${issue?.path.join('.') ?? 'options'} : ${issue?.message ?? 'invalide'}` };
  }
  return { kind: 'ok', options: parsed.data };
}
