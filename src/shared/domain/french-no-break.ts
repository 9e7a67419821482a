import { NBSP, NNBSP } from './french-typography';

/**
 * What a French reader reads as one block never breaks across two lines on the projector:
 * « 14 h 00 », « 9 h », « 30 % », « 2 000 ». Complements frenchTypography (punctuation) for text
 * typed at the desk with ordinary spaces. Pure and idempotent; URLs are not touched (they have
 * no spaces).
 *
 * - times: 14 h 00, 14h00, 14 h → 14 h 00 / 14 h with no-break spaces (the French way to write them)
 * - percent: 30 % or 30% → 30 % with a narrow no-break space
 * - thousands: 2 000, 12 500 → a narrow no-break space between the groups
 */
const SPACE = '[ \\u00A0\\u202F]';
const TIME = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})${SPACE}?h${SPACE}?(\\d{2})(?![\\p{L}\\p{N}])`, 'gu');
const HOUR = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})${SPACE}?h(?![\\p{L}\\p{N}])`, 'gu');
const PERCENT = new RegExp(`(\\d)${SPACE}?%`, 'gu');
const THOUSANDS = new RegExp(`(?<![\\d.,])(\\d{1,3})((?:${SPACE}\\d{3})+)(?![\\d.,])`, 'gu');

export function frenchNoBreak(text: string): string {
  return text
    .replace(TIME, (_m, h: string, m: string) => (Number(h) < 24 && Number(m) < 60 ? `${h}${NBSP}h${NBSP}${m}` : _m))
    .replace(HOUR, (_m, h: string) => (Number(h) < 24 ? `${h}${NBSP}h` : _m))
    .replace(PERCENT, `$1${NNBSP}%`)
    .replace(THOUSANDS, (_m, head: string, groups: string) => head + groups.replace(new RegExp(SPACE, 'gu'), NNBSP));
}
