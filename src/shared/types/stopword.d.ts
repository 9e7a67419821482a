/** `stopword` ships no types; Pupitre uses only its French list. */
declare module 'stopword' {
  /** The French stop words (lower case, with their accents). */
  export const fra: readonly string[];
}
