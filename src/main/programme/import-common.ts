import { z } from 'zod';
import { type Programme, type ProgrammeInput, type Session, type SessionKind, programmeSchema } from '../../shared/domain/programme';
import { decodeTextFile } from '../../shared/domain/text-encoding';
import { type FileIssue, MAX_PROGRAMME_FILE_BYTES, ProgrammeFileError } from './programme-file';

/** What the programme imports share: decoding, ids, kinds, days, the final check. */

export interface ImportOptions {
  /** The event's name (the iCalendar's own name, X-WR-CALNAME, comes first if there is one). */
  eventName?: string;
  /** The event's zone; times are converted to it (default: the calendar's, else Europe/Paris). */
  timeZone?: string;
}

/**
 * A programme file's text: bytes are decoded as their tool saved them (UTF-8 with or without BOM,
 * UTF-16 with its BOM, Windows-1252: see text-encoding.ts) or refused with a sentence naming the
 * encoding and, when it can, the line of the first byte that does not fit. Text already decoded
 * (the desk decodes the file it sends) only loses its BOM.
 */
export function decodeProgrammeText(input: string | Uint8Array, fileName: string): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_PROGRAMME_FILE_BYTES) {
    throw new ProgrammeFileError(fileName, [
      { line: null, column: null, field: '', message: `fichier trop grand (${MAX_PROGRAMME_FILE_BYTES / 1024} Kio au plus)` },
    ]);
  }
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const decoded = decodeTextFile(input);
  if (decoded.ok) return decoded.text;
  throw new ProgrammeFileError(fileName, [{ line: decoded.line, column: null, field: '', message: decoded.message }]);
}

/** Lower case, without accents or punctuation: for matching words and headers. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function slugify(title: string, max = 48): string {
  const slug = fold(title).replace(/ /g, '-').slice(0, max).replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : `seance${slug ? `-${slug}` : ''}`;
}

/** Makes ids unique by appending -2, -3… in order. */
export function uniqueIds(ids: string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n += 1) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  });
}

const KIND_WORDS: [RegExp, SessionKind][] = [
  [/\b(atelier|ateliers|workshop)s?\b/, 'workshop'],
  [/\b(pause|dejeuner|accueil|cafe|cocktail|buffet|repas|break|lunch)\b/, 'break'],
  [/\b(ouverture|opening)\b/, 'opening'],
  [/\b(cloture|closing)\b/, 'closing'],
  [/\b(pleniere|table ronde|conference|plenary|keynote)\b/, 'plenary'],
];

/** The kind a title suggests (« Atelier 4A », « Pause déjeuner », « Clôture »); plenary by default. */
export function guessKind(title: string): SessionKind {
  const t = fold(title);
  return KIND_WORDS.find(([re]) => re.test(t))?.[1] ?? 'plenary';
}

/** A written kind (« Plénière », « atelier », "Break") or null if it is not one. */
export function kindFromWord(word: string): SessionKind | null {
  const t = fold(word);
  if (!t) return null;
  const exact: Record<string, SessionKind> = {
    pleniere: 'plenary',
    plenary: 'plenary',
    conference: 'plenary',
    'table ronde': 'plenary',
    atelier: 'workshop',
    workshop: 'workshop',
    pause: 'break',
    dejeuner: 'break',
    accueil: 'break',
    repas: 'break',
    break: 'break',
    lunch: 'break',
    ouverture: 'opening',
    opening: 'opening',
    cloture: 'closing',
    closing: 'closing',
  };
  return exact[t] ?? exact[t.replace(/s$/, '')] ?? null;
}

const WEEKDAYS = ['Dimanche', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'];
const MONTH_LABELS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "2021-06-24" → « Jeudi 24 juin ». */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${d === 1 ? '1er' : String(d)} ${MONTH_LABELS[(m ?? 1) - 1]}`;
}

/** A session as read from a file, before the final check; `source` finds it again in the file. */
export type DraftSession = Omit<Session, 'cues' | 'minMinutes'>;

/**
 * Builds and checks the programme. Any issue is located in the file by `locate` (session index and
 * field → line and column name) and the whole import is refused: never a half-imported programme.
 */
export function finishProgramme(
  fileName: string,
  event: ProgrammeInput['event'],
  sessions: DraftSession[],
  locate: (sessionIndex: number | null, field: string) => Pick<FileIssue, 'line' | 'field'>,
): Programme {
  const order = sessions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.day.localeCompare(b.s.day) || a.s.start.localeCompare(b.s.start) || a.i - b.i);
  const input: ProgrammeInput = {
    version: 1,
    event,
    days: [...new Set(sessions.map((s) => s.day))].sort().map((date) => ({ date, label: dayLabel(date) })),
    sessions: order.map(({ s }) => s),
  };
  // French messages for people who exported a spreadsheet or a calendar (per parse: no global setting).
  const parsed = programmeSchema.safeParse(input, { error: z.locales.fr().localeError });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue): FileIssue => {
    const [root, index, field] = issue.path;
    const where =
      root === 'sessions' && typeof index === 'number'
        ? locate(order[index]?.i ?? null, typeof field === 'string' ? field : '')
        : locate(null, typeof root === 'string' ? root : '');
    return { line: where.line, column: null, field: where.field, message: issue.message };
  });
  throw new ProgrammeFileError(fileName, issues);
}
