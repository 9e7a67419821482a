import { NBSP, NNBSP } from './french-typography';

/**
 * The words of the projector's scenes, always in French (the audience's language), with French
 * number formatting (« 1 214 », « 3,4 », « 42 % »). Pure.
 */
export const sceneWords = {
  poll: 'Sondage',
  wordcloud: 'Nuage de mots',
  yesNo: ['Oui', 'Non'] as const,
  resultsToCome: 'Résultats à venir',
  multipleChoices: 'plusieurs réponses possibles',
  voteOpen: 'Votez maintenant',
  wordsOpen: 'Envoyez vos mots',
  voteClosed: 'Vote clos',
  cloudEmpty: 'En attente des premiers mots…',
  join: 'Participez',
  joinHint: 'Scannez le QR code ou saisissez l’adresse',
  joinMissing: 'Adresse de participation indisponible',
  joinMissingHint: 'Merci de patienter quelques instants.',
  resumesImminent: 'Reprise imminente',
  qrAlt: 'QR code de l’adresse de participation',
} as const;

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1214 → « 1 214 » (a narrow no-break space between thousands). */
export function formatCount(n: number): string {
  return integer.format(n).replace(/\s/g, NNBSP);
}

/** « 0 réponse », « 1 réponse », « 214 réponses » (French: the singular up to 1). */
export function responsesWords(n: number): string {
  return `${formatCount(n)}${NBSP}${n > 1 ? 'réponses' : 'réponse'}`;
}

/** « 214 réponses · 150 salle · 64 distance »; just « 0 réponse » before the first one. */
export function votersLine(v: { room: number; remote: number }): string {
  const total = v.room + v.remote;
  if (total === 0) return responsesWords(0);
  return `${responsesWords(total)} · ${formatCount(v.room)}${NBSP}salle · ${formatCount(v.remote)}${NBSP}distance`;
}

/** « 42 % » */
export function percentWords(p: number): string {
  return `${formatCount(p)}${NNBSP}%`;
}

/** « 1 voix », « 84 voix » (invariable). */
export function votesWords(n: number): string {
  return `${formatCount(n)}${NBSP}voix`;
}

/** « Moyenne : 3,4 / 5 » */
export function meanWords(mean: number, max: number): string {
  return `Moyenne${NBSP}: ${decimal.format(mean)}${NBSP}/${NBSP}${max}`;
}

/** « Code : ABC234 » */
export function codeWords(code: string): string {
  return `Code${NBSP}: ${code}`;
}

/** « 124 mots envoyés » */
export function wordsSentWords(n: number): string {
  return `${formatCount(n)}${NBSP}${n > 1 ? 'mots envoyés' : 'mot envoyé'}`;
}

/** A rating's row: « 1 · pas du tout », or just « 3 ». */
export function ratingLabel(value: string, endLabel: string | null): string {
  return endLabel ? `${value} · ${endLabel}` : value;
}
