import { isIsoDate } from '../../shared/domain/zoned-time';
import { fold } from './import-common';

/**
 * Dates and times as people type them in a spreadsheet, in French first: « 24/06/2021 »,
 * « jeudi 24 juin 2021 », « 1er juillet 2021 », ISO « 2021-06-24 »; « 9h », « 09h30 », « 9:30 »,
 * « 14 h 00 », and English ones (June 24, 2021; 2:30 PM). Each returns the native form or a reason.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The words for each month (French, then English), without accents: index 0 is January. */
const MONTH_NAMES = [
  ['janvier', 'janv', 'january', 'jan'],
  ['fevrier', 'fevr', 'fev', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['avril', 'avr', 'april', 'apr'],
  ['mai', 'may'],
  ['juin', 'june', 'jun'],
  ['juillet', 'juil', 'july', 'jul'],
  ['aout', 'august', 'aug'],
  ['septembre', 'sept', 'september', 'sep'],
  ['octobre', 'october', 'oct'],
  ['novembre', 'november', 'nov'],
  ['decembre', 'december', 'dec'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((words, i) => words.map((w) => [w, i + 1] as const)));

/** The same for weekdays, from Sunday (« mar » is left to March). */
const WEEKDAY_NAMES_ALL = [
  ['dimanche', 'dim', 'sunday', 'sun'],
  ['lundi', 'lun', 'monday', 'mon'],
  ['mardi', 'tuesday', 'tue'],
  ['mercredi', 'mer', 'wednesday', 'wed'],
  ['jeudi', 'jeu', 'thursday', 'thu'],
  ['vendredi', 'ven', 'friday', 'fri'],
  ['samedi', 'sam', 'saturday', 'sat'],
];
const WEEKDAYS = new Map(WEEKDAY_NAMES_ALL.flatMap((words, i) => words.map((w) => [w, i] as const)));
const WEEKDAY_NAMES = WEEKDAY_NAMES_ALL.map((words) => words[0] ?? '');

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): Parsed<string> {
  const full = year < 100 ? 2000 + year : year;
  const iso = `${full}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? ok(iso) : fail(`date impossible : ${day}/${month}/${full}`);
}

export function parseFrenchDate(raw: string): Parsed<string> {
  const s = raw.trim();
  if (!s) return fail('date manquante');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isIsoDate(s) ? ok(s) : fail(`date impossible : ${s}`);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));

  // Words: [weekday] day[er] month year, or (English) month day, year.
  const words = fold(s.replace(/(\d)(er|e|st|nd|rd|th)\b/gi, '$1')).split(' ');
  let weekday: number | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const w of words) {
    if (/^\d{4}$/.test(w)) year = Number(w);
    else if (/^\d{1,2}$/.test(w) && day === null) day = Number(w);
    else if (month === null && MONTHS.has(w)) month = MONTHS.get(w) ?? null;
    else if (weekday === null && WEEKDAYS.has(w)) weekday = WEEKDAYS.get(w) ?? null;
    else return fail(`date illisible : « ${s} » (ex. 24/06/2021 ou jeudi 24 juin 2021)`);
  }
  if (day === null || month === null) return fail(`date illisible : « ${s} » (ex. 24/06/2021 ou jeudi 24 juin 2021)`);
  if (year === null) return fail(`année manquante : « ${s} »`);
  const iso = isoOf(year, month, day);
  if (!iso.ok || weekday === null) return iso;
  const actual = new Date(`${iso.value}T12:00:00Z`).getUTCDay();
  return actual === weekday
    ? iso
    : fail(`le ${day}/${pad(month)}/${year} est un ${WEEKDAY_NAMES[actual]}, pas un ${WEEKDAY_NAMES[weekday]}`);
}

/** « 9h », « 09h30 », « 9:30 », « 14 h 00 », « 09:30:00 », « 2:30 PM » → "HH:MM". */
export function parseFrenchTime(raw: string): Parsed<string> {
  const s = raw.trim().replace(/[\u00A0\u202F]/g, ' ');
  if (!s) return fail('heure manquante');
  const ampm = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?$/i.exec(s);
  if (ampm) {
    const h = Number(ampm[1]);
    const m = Number(ampm[2] ?? '0');
    if (h < 1 || h > 12 || m > 59) return fail(`heure impossible : « ${s} »`);
    const h24 = (h % 12) + (ampm[3]?.toLowerCase() === 'p' ? 12 : 0);
    return ok(`${pad(h24)}:${pad(m)}`);
  }
  const m = /^(\d{1,2})\s*(?:[hH]\s*(\d{2})?|[:.]\s*(\d{2})(?::\d{2})?)$/.exec(s);
  if (!m) return fail(`heure illisible : « ${s} » (ex. 9h30, 09:30 ou 14 h 00)`);
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[3] ?? '0');
  if (hours > 23 || minutes > 59) return fail(`heure impossible : « ${s} »`);
  return ok(`${pad(hours)}:${pad(minutes)}`);
}

/** « 9h – 10h30 », « 09:00-10:30 », « de 14 h à 15 h 30 » → start and end. */
export function parseTimeRange(raw: string): Parsed<{ start: string; end: string }> {
  const parts = raw
    .trim()
    .replace(/^de\s+/i, '')
    .split(/\s*[-–—]\s*|\s+(?:à|to)\s+/i);
  if (parts.length !== 2) return fail(`horaire illisible : « ${raw.trim()} » (ex. 9h – 10h30)`);
  const start = parseFrenchTime(parts[0] ?? '');
  const end = parseFrenchTime(parts[1] ?? '');
  if (!start.ok) return start;
  if (!end.ok) return end;
  return ok({ start: start.value, end: end.value });
}
