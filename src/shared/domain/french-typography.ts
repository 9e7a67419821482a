/**
 * French typography for text shown to the audience (projector, stream): pure, no DOM.
 *
 * - a narrow no-break space (U+202F) before ? ! ;
 * - a no-break space (U+00A0) before : and inside « »
 * - "straight quotes" around a phrase become « guillemets » when the pairing is unambiguous
 * - an apostrophe between two letters becomes ’
 * Spaces already there are replaced, never doubled; URLs, e-mail addresses, times (14:00),
 * ratios (3:2) and emoticons are left alone. Idempotent: applying it twice changes nothing more.
 */

export const NNBSP = '\u202F'; // espace fine insécable
export const NBSP = '\u00A0'; // espace insécable

/** Whitespace that may sit before a punctuation mark: replaced by the right kind, never added to. */
const SPACES = '[ \\t\\u00A0\\u202F\\u2009\\u2007]';

/** Pieces that must reach the screen untouched. */
const PROTECTED = new RegExp(
  [
    String.raw`\b(?:https?|ftp)://[^\s«»"<>]+`, // URLs with a scheme
    String.raw`\bwww\.[^\s«»"<>]+`, // bare www. addresses
    String.raw`\bmailto:[^\s«»"<>]+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`, // e-mail addresses
    String.raw`(?<![\p{L}\p{N}])[:;]-?[()DPp](?![\p{L}\p{N}])`, // :) ;-) :D
  ].join('|'),
  'gu',
);

/** Letters, digits and closing marks after which a high punctuation mark gets its space. */
const BEFORE_MARK = String.raw`[\p{L}\p{N})\]}»”’'"…%€$*]`;

function typesetPlain(text: string): string {
  let s = text;
  // Apostrophe between letters: l'enfance -> l’enfance.
  s = s.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
  // Straight double quotes around phrases -> « », only when they pair up cleanly.
  s = straightQuotesToGuillemets(s);
  // Inside guillemets: one no-break space, whatever was there.
  s = s.replace(new RegExp(`«${SPACES}*(?=\\S)`, 'gu'), `«${NBSP}`);
  s = s.replace(new RegExp(`(?<=\\S)${SPACES}*»`, 'gu'), `${NBSP}»`);
  // ? ! ; : after a word (or a closing mark). A run such as ?! gets one space, before the first.
  s = s.replace(new RegExp(`(${BEFORE_MARK})${SPACES}*([?!;]+)`, 'gu'), `$1${NNBSP}$2`);
  s = s.replace(
    new RegExp(`(${BEFORE_MARK})(${SPACES}*):(?!//)`, 'gu'),
    (m, before: string, spaces: string, offset: number, whole: string) => {
      // 14:00, 3:2, 12:30:15 — digits on both sides, no space: a time or a ratio, not prose.
      const after = whole.charAt(offset + m.length);
      if (spaces === '' && /\p{N}/u.test(before) && /\p{N}/u.test(after)) return m;
      return `${before}${NBSP}:`;
    },
  );
  return s;
}

/**
 * "phrase" -> « phrase » when the quotes are balanced and each one clearly opens or closes
 * (an opening one after a start, a space or an opening bracket; a closing one before an end,
 * a space or a punctuation mark). Otherwise the text is left as it is: 24" screens, odd counts.
 */
function straightQuotesToGuillemets(s: string): string {
  const count = (s.match(/"/g) ?? []).length;
  if (count === 0 || count % 2 !== 0) return s;
  const pair = /(^|[\s([{\-–—/])"(?=\S)([^"]*?\S)"(?=$|[\s)\]}.,;:!?…\-–—])/gu;
  const replaced = s.replace(pair, (_m, lead: string, inner: string) => `${lead}«${NBSP}${inner.trim()}${NBSP}»`);
  // All or nothing: if a quote is still straight, the pairing was not clean; keep the original.
  return replaced.includes('"') ? s : replaced;
}

/** Applies French typography to a text, leaving URLs, e-mail addresses and emoticons alone. */
export function frenchTypography(text: string): string {
  if (!text) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PROTECTED)) {
    const start = m.index;
    out += typesetPlain(text.slice(last, start)) + m[0];
    last = start + m[0].length;
  }
  return out + typesetPlain(text.slice(last));
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

function clockParts(epochMs: number, timeZone: string): { hour: number; minute: number } {
  let f = clockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    clockFormatters.set(timeZone, f);
  }
  let hour = 0;
  let minute = 0;
  for (const p of f.formatToParts(new Date(epochMs))) {
    if (p.type === 'hour') hour = Number(p.value) % 24;
    if (p.type === 'minute') minute = Number(p.value);
  }
  return { hour, minute };
}

/** « 9 h 05 », « 14 h 00 »: the hour as French typography writes it (no-break spaces around h). */
export function formatHourMinuteFr(hour: number, minute: number): string {
  return `${hour}${NBSP}h${NBSP}${String(minute).padStart(2, '0')}`;
}

/** The wall time of an instant in a time zone, the French way: « 14 h 00 ». */
export function formatClockFr(epochMs: number, timeZone: string): string {
  const { hour, minute } = clockParts(epochMs, timeZone);
  return formatHourMinuteFr(hour, minute);
}

/** A wall time written "HH:MM" (as in a programme), the French way: "09:30" -> « 9 h 30 ». */
export function formatWallTimeFr(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return hhmm;
  return formatHourMinuteFr(Number(m[1]), Number(m[2]));
}

/** A time range: « 9 h 00 – 10 h 30 » (no break before the dash, a line may break after it). */
export function formatRange(startMs: number, endMs: number, timeZone: string): string {
  return `${formatClockFr(startMs, timeZone)}${NBSP}– ${formatClockFr(endMs, timeZone)}`;
}
