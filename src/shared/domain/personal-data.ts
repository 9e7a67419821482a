/**
 * Personal data found in a text: the contract between the detector (src/main/safeguarding), the
 * desk (highlights, redaction), the exports (pseudonymisation) and the journal. Pure: no data
 * files here, only what every side needs to name, explain and redact a span.
 */

export const personalDataKinds = [
  'given-name',
  'family-name',
  'listed-name',
  'email',
  'phone',
  'address',
  'postcode',
  'birth-date',
  'nir',
  'case-number',
  'profanity',
  'long',
] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

/** Where a text comes from: the detector is the same everywhere; a field may weigh a clue differently. */
export type TextField = 'question' | 'display-name' | 'edit' | 'word' | 'stage-message';

/**
 * One finding: `start` and `end` are UTF-16 offsets into the text as stored (not the normalised
 * form the detector matched on), so that the desk highlights and redacts exactly what was written.
 * A finding over the whole text (`long`) spans it all.
 */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** The text of the span, as written. */
  match: string;
}

/** What replaces a span in a redacted text (the desk's « caviarder », the pseudonymised exports). */
export const REDACTION_LABEL: Record<PersonalDataKind, string> = {
  'given-name': '[prénom]',
  'family-name': '[nom]',
  'listed-name': '[nom]',
  email: '[e-mail]',
  phone: '[téléphone]',
  address: '[adresse]',
  postcode: '[code postal]',
  'birth-date': '[date de naissance]',
  nir: '[n° de sécurité sociale]',
  'case-number': '[n° de dossier]',
  profanity: '[grossièreté]',
  long: '',
};

/** Why a span is flagged, in French, for the moderator (hover on the highlight). */
export const PERSONAL_DATA_REASON: Record<PersonalDataKind, string> = {
  'given-name': 'Prénom : une personne peut être reconnue.',
  'family-name': 'Nom de famille : une personne peut être reconnue.',
  'listed-name': 'Nom de la liste de vigilance des organisateurs.',
  email: 'Adresse e-mail.',
  phone: 'Numéro de téléphone.',
  address: 'Adresse postale.',
  postcode: 'Code postal : situe une famille.',
  'birth-date': 'Date de naissance.',
  nir: 'Numéro de sécurité sociale.',
  'case-number': 'Numéro de dossier ou d’affaire.',
  profanity: 'Grossièreté.',
  long: 'Question très longue : à relire en entier.',
};

/** Spans sorted by start, overlapping or touching ones of any kind merged (the first kind wins). */
export function mergeSpans(spans: readonly PersonalDataSpan[], text: string): PersonalDataSpan[] {
  const sorted = spans.filter((s) => s.kind !== 'long' && s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalDataSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) {
        last.end = s.end;
        last.match = text.slice(last.start, last.end);
      }
      continue;
    }
    out.push({ ...s, match: text.slice(s.start, s.end) });
  }
  return out;
}

/** The text with each span replaced by its label (« [prénom] »). Spans outside the text are ignored. */
export function redactSpans(text: string, spans: readonly PersonalDataSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of mergeSpans(spans, text)) {
    if (s.start < at || s.end > text.length) continue;
    out += text.slice(at, s.start) + REDACTION_LABEL[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}
