import { NBSP, NNBSP } from '../../shared/domain/french-typography';

/**
 * The words of the images and the report, in French with French number formatting, worded as the
 * projector's scenes word them (src/renderer/output/scene-words.ts): « 1 214 réponses », « 42 % ».
 */

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const YES_NO = ['Oui', 'Non'] as const;

/** 1214 → « 1 214 » (a narrow no-break space between thousands). */
export function formatCount(n: number): string {
  return integer.format(n).replace(/\s/g, NNBSP);
}

export function responsesWords(n: number): string {
  return `${formatCount(n)}${NBSP}${n > 1 ? 'réponses' : 'réponse'}`;
}

/** « 214 réponses · 150 salle · 64 distance » */
export function votersLine(v: { room: number; remote: number }): string {
  const total = v.room + v.remote;
  if (total === 0) return responsesWords(0);
  return `${responsesWords(total)} · ${formatCount(v.room)}${NBSP}salle · ${formatCount(v.remote)}${NBSP}distance`;
}

export function percentWords(p: number): string {
  return `${formatCount(p)}${NNBSP}%`;
}

export function votesWords(n: number): string {
  return `${formatCount(n)}${NBSP}voix`;
}

export function meanWords(mean: number, max: number): string {
  return `Moyenne${NBSP}: ${decimal.format(mean)}${NBSP}/${NBSP}${max}`;
}

export function ratingLabel(value: string, endLabel: string | null): string {
  return endLabel ? `${value} · ${endLabel}` : value;
}

export function wordsSentWords(n: number): string {
  return `${formatCount(n)}${NBSP}${n > 1 ? 'mots envoyés' : 'mot envoyé'}`;
}

/** « 3 questions », « 1 question » */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)}${NBSP}${n > 1 ? many : one}`;
}

/** Minutes of delay: « +12 min », « −5 min », « à l’heure ». */
export function delayWords(minutes: number): string {
  if (minutes === 0) return 'à l’heure';
  return `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)}${NBSP}min`;
}
