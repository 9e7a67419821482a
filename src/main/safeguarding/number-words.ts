/**
 * French numbers from 0 to 99 written in words, read the way a phone number or a date is spoken:
 * « zéro six douze trente-quatre » → [0, 6, 12, 34]; « soixante et onze » → [71];
 * « quatre-vingt-dix-huit » → [98]. Words are folded (fold.ts) and split on hyphens by the caller.
 */
const UNITS: Readonly<Record<string, number>> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
};
const TENS: Readonly<Record<string, number>> = { vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60 };

/** Whether a folded word can be part of a spoken number. */
const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(UNITS), ...Object.keys(TENS), 'et', 'mille', 'cent', 'cents']);

export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

/**
 * The numbers (0–99) the words say, in order; null if they do not read as numbers. « et » only
 * joins (« vingt et un »). « mille », « cent » build years (« deux mille quinze » → [2015]).
 */
export function readNumbers(words: readonly string[]): number[] | null {
  const out: number[] = [];
  let i = 0;
  const unit = (w: string | undefined) => (w !== undefined && w in UNITS ? UNITS[w]! : undefined);
  while (i < words.length) {
    let w = words[i]!;
    if (w === 'et') {
      i++;
      continue;
    }
    // Years: « deux mille quinze », « mille neuf cent quatre-vingt-dix ».
    if (w === 'mille' || words[i + 1] === 'mille') {
      let value = 0;
      if (w !== 'mille') {
        value = (unit(w) ?? 1) * 1000;
        i += 2;
      } else {
        value = 1000;
        i += 1;
      }
      const rest = readNumbers(words.slice(i).filter((x) => x !== 'cent' && x !== 'cents'));
      const hundreds = words.slice(i).includes('cent') || words.slice(i).includes('cents');
      if (rest && rest.length > 0) {
        value += hundreds && rest[0]! < 10 ? rest[0]! * 100 + (rest[1] ?? 0) : rest[0]!;
      }
      out.push(value);
      return out;
    }
    if (w in TENS || (w === 'quatre' && (words[i + 1] === 'vingt' || words[i + 1] === 'vingts'))) {
      let value: number;
      if (w === 'quatre') {
        value = 80;
        i += 2;
      } else {
        value = TENS[w]!;
        i += 1;
      }
      if (words[i] === 'et') i++;
      w = words[i] ?? '';
      // 70–79 and 90–99 add 10–19; the others add a unit.
      if ((value === 60 || value === 80) && w === 'dix') {
        const next = unit(words[i + 1]);
        if (next !== undefined && next >= 1 && next <= 9) {
          value += 10 + next;
          i += 2;
        } else {
          value += 10;
          i += 1;
        }
      } else {
        const u = unit(w);
        if (u !== undefined && u >= 1 && (u <= 9 || value === 60 || value === 80) && u <= 16) {
          value += u;
          i += 1;
        }
      }
      out.push(value);
      continue;
    }
    const u = unit(w);
    if (u === undefined) return null;
    i += 1;
    // dix-sept, dix-huit, dix-neuf
    if (u === 10) {
      const next = unit(words[i]);
      if (next !== undefined && next >= 7 && next <= 9) {
        out.push(10 + next);
        i += 1;
        continue;
      }
    }
    out.push(u);
  }
  return out;
}
