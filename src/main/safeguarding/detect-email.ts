import type { Found } from './found';

/**
 * E-mail addresses, written plainly or the ways people dodge filters: spaces around « @ » and the
 * dots, « (at) », « [at] », « (a) », « arobase », « arobaz », « at … dot … », « point » for the dot,
 * « chez wanadoo point fr ». A plain word between two others (« il reste at home », « chez les
 * Martin ») is not an address: the forms that are also English or French words (« at », « chez »)
 * need a domain that ends like one (« .fr », « point com ») or a known mail provider.
 */
const PART = String.raw`[\p{L}\p{N}_%+\-]+`;
/** A dot, spoken or not; spaced around only when spaced on both sides (« laposte . net », not « .com. Merci »). */
const SPOKEN_DOT = String.raw`\s+(?:point|dot)\s+|\s?[(\[{]\s?(?:dot|point)\s?[)\]}]\s?`;
const LOCAL = `${PART}(?:(?:\\.|${SPOKEN_DOT})${PART})*`;
const DOMAIN = `${PART}(?:(?:\\.(?=[\\p{L}\\p{N}])|\\s\\.\\s|${SPOKEN_DOT})${PART})*`;
/** « @ » and the forms that cannot be anything else. */
const AT_SURE = String.raw`(?:\s?[@＠]\s?|\s?[([{]\s?(?:at|a|arobase)\s?[)\]}]\s?|\s+(?:arobase|arobaz|arobas|arrobase|arrobas|a commercial)\s+)`;
/** « at », « chez »: only with a domain that looks like one. */
const AT_WORD = String.raw`\s+(?:at|chez)\s+`;

const SURE = new RegExp(`${LOCAL}${AT_SURE}${DOMAIN}`, 'giu');
const WORDY = new RegExp(`${LOCAL}${AT_WORD}${DOMAIN}`, 'giu');

const TLD = /(?:\.|\s(?:point|dot)\s|[)\]}])\s?(?:com|fr|net|org|eu|be|ch|ca|io|info|biz|gouv|re|de|uk|es|it|pt|ma|sn|tn|dz|lu|me)\b/iu;
const PROVIDER = /\b(?:gmail|hotmail|yahoo|orange|free|sfr|laposte|wanadoo|outlook|live|icloud|protonmail|proton|bbox|aol|msn|gmx|numericable|neuf|club-internet|ymail)\b/iu;

const MAY_HOLD = /[@＠]|[([{]\s?(?:at|a|arobase)\s?[)\]}]|arr?oba[sz]|a commercial/iu;
const MAY_HOLD_WORDY = /\s(?:at|chez)\s/iu;

export function detectEmails(text: string): Found[] {
  const found: Found[] = [];
  if (!MAY_HOLD.test(text) && !MAY_HOLD_WORDY.test(text)) return found;
  for (const m of MAY_HOLD.test(text) ? text.matchAll(SURE) : []) {
    // The part after « @ » must be a name, not a lone handle (« sur @assises_enfance »).
    const at = m[0].search(/[@＠]|[([{]\s?(?:at|a|arobase)\s?[)\]}]|\s(?:arobase|arobaz|arobas|arrobase|arrobas|a commercial)\s/iu);
    const domain = m[0].slice(at);
    if (/[@＠]/u.test(m[0]) && !TLD.test(domain) && !PROVIDER.test(domain) && !/\.\s?\p{L}{2,}/u.test(domain)) continue;
    found.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  for (const m of MAY_HOLD_WORDY.test(text) ? text.matchAll(WORDY) : []) {
    const at = m[0].search(/\s(?:at|chez)\s/iu);
    const domain = m[0].slice(at + 1);
    if (!TLD.test(domain) && !PROVIDER.test(domain)) continue;
    if (found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) continue;
    found.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
