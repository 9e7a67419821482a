import { overlaps, type Found } from './found';
import { isNumberWord, readNumbers } from './number-words';

/**
 * French phone numbers in every form people type them: « 06 12 34 56 78 », « 0612345678 »,
 * « 06.12.34.56.78 », « 06/12/34/56/78 », « 07-81-22-43-90 », « 0 6 1 2 3 4 5 6 7 8 »,
 * « +33 6 12… », « +33 (0)6 12… », « 0033 6 12… », a letter O for the zero, and in words:
 * « zéro six douze trente-quatre cinquante-six soixante-dix-huit », or a mix (« zéro six 12 34 56 78 »).
 *
 * The text is read as runs of numbers (digit groups and number words) with only separators
 * between them; in each run, consecutive groups that make ten digits starting with 0 (or 33/0033
 * then nine digits) are a phone number. So « 2020-2022 », a date, « 1 200 000 » or the years
 * « 2019 2020 2021 » are not, and two numbers side by side are two.
 */
interface Chunk {
  digits: string;
  start: number;
  end: number;
}

const ITEM = /\d+|\p{L}+(?:-\p{L}+)*/gu;
const SEPARATOR = /^[\s.,\-/_()+]{0,4}$/u;

function phoneAt(d: string, plus: boolean): boolean {
  if (d.length === 10) return d[0] === '0' && d[1] !== '0';
  if (d.length === 11) return d.startsWith('33') && d[2] !== '0' && (plus || d[2] === '6' || d[2] === '7');
  if (d.length === 12) return d.startsWith('330') && d[3] !== '0';
  if (d.length === 13) return d.startsWith('0033') && d[4] !== '0';
  return false;
}

/** Runs of numbers in the text, each number as the digits it stands for. */
function runs(text: string): Chunk[][] {
  // A letter O standing for a zero before digits (« O6 12 34 56 78 »).
  const view = text.replace(/(?<![\p{L}\p{N}])[Oo](?=\d)/gu, '0');
  const out: Chunk[][] = [];
  let run: Chunk[] = [];
  let lastEnd = -1;
  let words: { key: string; start: number; end: number }[] = [];
  const flushWords = () => {
    if (words.length === 0) return;
    const parts = words.flatMap((w) => w.key.split('-'));
    const numbers = readNumbers(parts);
    if (numbers) {
      // Spoken one digit at a time (« zéro six ») or two (« douze »): each number as said.
      const digits = numbers.map((n) => String(n)).join('');
      run.push({ digits, start: words[0]!.start, end: words[words.length - 1]!.end });
    }
    words = [];
  };
  const endRun = () => {
    flushWords();
    if (run.length > 0) out.push(run);
    run = [];
  };
  for (const m of view.matchAll(ITEM)) {
    const start = m.index;
    const end = start + m[0].length;
    if (lastEnd >= 0 && !SEPARATOR.test(view.slice(lastEnd, start))) endRun();
    if (/^\d/.test(m[0])) {
      flushWords();
      run.push({ digits: m[0], start, end });
    } else {
      // Number words are plain letters (« zéro » aside): no need to fold every word of the text.
      const key = m[0].length <= 30 ? m[0].toLowerCase().replace('é', 'e') : '';
      if (key !== 'et' && key.split('-').every(isNumberWord)) words.push({ key, start, end });
      else if (key === 'et' && words.length > 0) words.push({ key, start, end });
      else {
        endRun();
        lastEnd = -1;
        continue;
      }
    }
    lastEnd = end;
  }
  endRun();
  return out;
}

export function detectPhones(text: string, taken: readonly Found[] = []): Found[] {
  const found: Found[] = [];
  for (const run of runs(text)) {
    for (let i = 0; i < run.length; ) {
      const first = run[i]!;
      const plus = /\+\s?$/.test(text.slice(Math.max(0, first.start - 2), first.start));
      let d = '';
      let hit = -1;
      for (let j = i; j < run.length && d.length < 13; j++) {
        d += run[j]!.digits;
        if (phoneAt(d, plus)) {
          hit = j;
          // « +33 6… »: the longest reading (the 13 digits of 0033… before the 10 of 0…).
          if (d.length >= 10 && !(d.startsWith('33') || d.startsWith('0033'))) break;
        }
      }
      if (hit < 0) {
        i++;
        continue;
      }
      const start = plus ? first.start - (text[first.start - 1] === '+' ? 1 : 2) : first.start;
      const end = run[hit]!.end;
      if (!overlaps(taken, start, end)) found.push({ kind: 'phone', start, end });
      i = hit + 1;
    }
  }
  return found;
}
