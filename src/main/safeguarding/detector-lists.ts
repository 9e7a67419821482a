/**
 * The lists the detector reads besides its maintained data: profanity, given names, the words
 * never flagged and the organisers' own names. Built from the settings by
 * src/main/moderation/moderation-lists.ts.
 */
export interface ModerationLists {
  /** Profanity in force: the maintained list (badWordSet) and the organisers' words. */
  badWords: ReadonlySet<string>;
  /**
   * Given names (builtInNames) and the organisers' names. A name here that the maintained data
   * does not hold is taken as one of the organisers' (flagged wherever it stands).
   */
  names: ReadonlySet<string>;
  /** Words never flagged (a name that is also a common word at this event, e.g. « Rose », a speaker's name). */
  allowed: ReadonlySet<string>;
  /** The organisers' own names: flagged wherever they stand, whatever their case (« listed-name »). */
  organiserNames?: ReadonlySet<string>;
}
