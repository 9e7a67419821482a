// Builds the safeguarding detector's data files (resources/safeguarding/*.txt) from maintained
// packages (devDependencies): `node scripts/build-safeguarding-data.mjs`. The files are committed:
// the packaged app ships them in resources/ and never needs the packages (see the folder's README).
// Deterministic: the same packages give the same bytes.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'safeguarding');
mkdirSync(out, { recursive: true });

/** The detector's key: lower case, accents and ligatures folded, one apostrophe. Same as src/main/safeguarding/fold.ts. */
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/['’ʼ‘`´]/g, "'");
/** A place or a phrase: its words (hyphens and apostrophes are word breaks), folded, one space apart. */
const phrase = (s) => fold(s).replace(/['\-–]/g, ' ').replace(/\s+/g, ' ').trim();
const isWordish = (s) => /^[\p{L}][\p{L}'\- ]*$/u.test(s);
const sorted = (set) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** A file of an installed package (read from node_modules: some packages export no file paths). */
const pkgFile = (name, file) => join(root, 'node_modules', name, file);
const pkgVersion = (name) => JSON.parse(readFileSync(pkgFile(name, 'package.json'), 'utf8')).version;

function write(name, header, lines) {
  const body = `${header.map((h) => `# ${h}`).join('\n')}\n${lines.join('\n')}\n`;
  writeFileSync(join(out, name), body);
  console.log(`${name}: ${lines.length} lignes, ${(Buffer.byteLength(body) / 1024).toFixed(0)} Kio`);
}

// --- common French words: an-array-of-french-words (all forms) + every form of Hunspell dictionary-fr's
// lower-case stems, expanded with the dictionary's suffix rules (SFX: plurals, feminines, conjugations).
const words = new Set();
for (const w of JSON.parse(readFileSync(pkgFile('an-array-of-french-words', 'index.json'), 'utf8'))) if (isWordish(w)) words.add(fold(w));

/** The dictionary's suffix rules by flag (FLAG long: two characters a flag). */
function suffixRules(aff) {
  const rules = new Map();
  for (const line of aff.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SFX' || f.length < 5) continue;
    const [, flag, strip, addWithFlags, condition] = f;
    const add = addWithFlags.split('/')[0];
    const list = rules.get(flag) ?? [];
    list.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, condition: new RegExp(`${condition === '.' ? '' : condition}$`, 'u') });
    rules.set(flag, list);
  }
  return rules;
}
const sfx = suffixRules(readFileSync(pkgFile('dictionary-fr', 'index.aff'), 'utf8'));
const dic = readFileSync(pkgFile('dictionary-fr', 'index.dic'), 'utf8').split('\n').slice(1);
const properNouns = new Set();
for (const line of dic) {
  const [stem, flagField = ''] = line.trim().split('/');
  if (!stem || !isWordish(stem)) continue;
  if (/^\p{Lu}/u.test(stem)) {
    properNouns.add(phrase(stem));
    continue;
  }
  words.add(fold(stem));
  const flags = flagField.split(/\s/)[0].match(/../gu) ?? [];
  for (const flag of flags) {
    for (const r of sfx.get(flag) ?? []) {
      if (!r.condition.test(stem) || !stem.endsWith(r.strip)) continue;
      words.add(fold(stem.slice(0, stem.length - r.strip.length) + r.add));
    }
  }
}

// --- subtitles frequency (zxcvbn-ts French, OpenSubtitles 2024 via OPUS): "everyday" words, the 10,000 most frequent
const zx = (f) => JSON.parse(readFileSync(pkgFile('@zxcvbn-ts/language-fr', `src/${f}.json`), 'utf8'));
const everyday = new Set(zx('commonWords').slice(0, 10_000).map(fold));

// --- given names: the INSEE « fichier des prénoms » as shipped by gender-detection-from-name (fr),
// plus zxcvbn-ts' French given names (the frequent ones: flag t).
function genderNames(lang) {
  const src = readFileSync(pkgFile('gender-detection-from-name', `names/${lang}.js`), 'utf8');
  return [...src.matchAll(/\['([^']+)',/g)].map((m) => m[1]);
}
// zxcvbn-ts 4.1.2 ships its two French name lists under each other's file name (firstnames.json
// holds family names): tell them apart by content, so that a fixed package still builds right.
const [zxA, zxB] = [zx('firstnames'), zx('lastnames')];
const zxFamily = zxA.includes('moreau') ? zxA : zxB;
const zxGiven = zxA.includes('moreau') ? zxB : zxA;
if (!zxGiven.includes('lucas') || !zxFamily.includes('dubois')) throw new Error('zxcvbn-ts : listes de prénoms et de noms introuvables');

const given = new Set();
for (const n of [...genderNames('fr'), ...zxGiven]) if (isWordish(n) && n.length >= 2) given.add(fold(n));
const topGiven = new Set(zxGiven.map(fold));
const family = new Set();
for (const n of zxFamily) if (isWordish(n) && n.length >= 2 && n !== 'autres noms') family.add(fold(n));

// --- places: communes (current, delegated, associated, Paris/Lyon/Marseille districts), departments,
// regions (@etalab/decoupage-administratif, INSEE's COG), countries (the ICU data of Node: CLDR's French names).
const etalab = (f) => JSON.parse(readFileSync(pkgFile('@etalab/decoupage-administratif', `data/${f}.json`), 'utf8'));
// A town of 10,000 people or more, a department, a region or a country is « big »: a given name that
// is also one (« Nancy », « Valence ») is taken for the place when it stands alone; a village's name
// (« Anais », « Luc ») is not.
const places = new Set();
const bigPlaces = new Set();
const postcodes = new Set();
for (const c of etalab('communes')) {
  places.add(phrase(c.nom));
  if ((c.population ?? 0) >= 10_000) bigPlaces.add(phrase(c.nom));
  for (const p of c.codesPostaux ?? []) postcodes.add(p);
}
for (const d of etalab('departements')) bigPlaces.add(phrase(d.nom));
for (const r of etalab('regions')) bigPlaces.add(phrase(r.nom));
const countries = new Intl.DisplayNames(['fr'], { type: 'region' });
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
for (const a of letters)
  for (const b of letters) {
    const name = countries.of(a + b);
    if (name && name !== a + b) bigPlaces.add(phrase(name));
  }

// --- profanity: french-badwords-list, plain spellings only (the detector undoes leetspeak itself)
const badwords = new Set();
for (const w of require('french-badwords-list').array) if (isWordish(w)) badwords.add(fold(w));

const flags = (k, extra) => {
  let f = '';
  if (words.has(k)) f += 'c';
  if (everyday.has(k)) f += 'e';
  if (places.has(k) || bigPlaces.has(k)) f += 'p';
  return f + extra;
};

const v = {
  gender: pkgVersion('gender-detection-from-name'),
  zxcvbn: pkgVersion('@zxcvbn-ts/language-fr'),
  words: pkgVersion('an-array-of-french-words'),
  hunspell: pkgVersion('dictionary-fr'),
  etalab: pkgVersion('@etalab/decoupage-administratif'),
  badwords: pkgVersion('french-badwords-list'),
};
const FLAGS = 'flags: c = also a common French word, e = an everyday word (10,000 most frequent in subtitles), p = a place';

write(
  'given-names.txt',
  [
    `Given names, folded (lower case, no accents). gender-detection-from-name ${v.gender} (MIT; INSEE fichier des prénoms, Licence Ouverte)`,
    `+ @zxcvbn-ts/language-fr ${v.zxcvbn} (MIT). Generated by scripts/build-safeguarding-data.mjs.`,
    `key<TAB>flags; ${FLAGS}, t = a frequent given name (zxcvbn), f = also a family name`,
  ],
  sorted(given).map((k) => `${k}\t${flags(k, (topGiven.has(k) ? 't' : '') + (family.has(k) ? 'f' : ''))}`),
);
write(
  'family-names.txt',
  [
    `Family names, folded. @zxcvbn-ts/language-fr ${v.zxcvbn} (MIT). Generated by scripts/build-safeguarding-data.mjs.`,
    `key<TAB>flags; ${FLAGS}, g = also a given name`,
  ],
  sorted(family).map((k) => `${k}\t${flags(k, given.has(k) ? 'g' : '')}`),
);
write(
  'common-words.txt',
  [
    `Common French words (every form), folded. an-array-of-french-words ${v.words} (MIT)`,
    `+ the lower-case stems of dictionary-fr ${v.hunspell} (Grammalecte, MPL-2.0). Generated by scripts/build-safeguarding-data.mjs.`,
  ],
  // Plain letters only (the dictionary's ordinals « iiᵉ » are no use here): one byte a character in memory.
  sorted(words).filter((w) => /^[a-z][a-z' -]*$/.test(w)),
);
write(
  'places.txt',
  [
    `French communes, departments and regions (@etalab/decoupage-administratif ${v.etalab}, INSEE COG, Licence Ouverte)`,
    `and countries (CLDR French names, through Node's ICU). Folded, words one space apart. Generated by scripts/build-safeguarding-data.mjs.`,
    'key<TAB>b for a big place (a town of 10,000 people or more, a department, a region, a country)',
  ],
  sorted(new Set([...places, ...bigPlaces])).map((k) => (bigPlaces.has(k) ? `${k}\tb` : k)),
);
write(
  'postcodes.txt',
  [`French postcodes (@etalab/decoupage-administratif ${v.etalab}, La Poste, Licence Ouverte). Generated by scripts/build-safeguarding-data.mjs.`],
  sorted(postcodes),
);
const knownProper = new Set([...properNouns].filter((k) => !given.has(k) && !family.has(k) && !places.has(k) && !bigPlaces.has(k)));
write(
  'proper-nouns.txt',
  [
    `Other proper nouns of dictionary-fr ${v.hunspell} (Grammalecte, MPL-2.0: this file is under the MPL-2.0): capitalised`,
    'entries that are neither given names, family names nor places (people of history, brands, places abroad). Folded.',
  ],
  sorted(knownProper),
);
write(
  'profanity.txt',
  [`Profanity, folded: french-badwords-list ${v.badwords} (MIT), plain spellings. Generated by scripts/build-safeguarding-data.mjs.`],
  sorted(badwords),
);
