import type { PersonalDataKind } from './personal-data';

/**
 * The French noun of each kind of personal data, for a badge, a list or a cell (« prénom »,
 * « téléphone »): the exports and the core's messages. The desk says them through its locales.
 */
export const PERSONAL_DATA_NOUN: Record<PersonalDataKind, string> = {
  'given-name': 'prénom',
  'family-name': 'nom de famille',
  'listed-name': 'nom de la liste de vigilance',
  email: 'e-mail',
  phone: 'téléphone',
  address: 'adresse',
  postcode: 'code postal',
  'birth-date': 'date de naissance',
  nir: 'n° de sécurité sociale',
  'case-number': 'n° de dossier',
  profanity: 'grossièreté',
  long: 'très longue',
};
