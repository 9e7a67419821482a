/** Every string of the protocol has a size limit; these are the numbers, in UTF-16 code units. */
export const MAX = {
  eventCode: 32,
  participantIdMin: 16,
  participantId: 64,
  id: 64,
  questionText: 500,
  name: 60,
  pollQuestion: 300,
  pollOption: 120,
  pollOptions: 20,
  cloudPrompt: 300,
  word: 40,
  wordsPerMessage: 10,
  wordsPerParticipant: 20,
  notice: 280,
  publishedQuestions: 200,
  resultWords: 100,
  /** Banned words of one word cloud, and the length of a normalised key (œ folds to oe: twice a word). */
  bannedWords: 2000,
  bannedWordKey: 80,
  /** The event's name and its logo's alternative text, on the phones. */
  eventName: 200,
  logoAlt: 200,
  /**
   * The logo's bytes on the phones: a `branding.set` command (base64, ~13.7 KB) must stay under
   * the hub's 16 KB message limit, and 2,000 phones fetch it on the venue's Wi-Fi.
   */
  logoBytes: 10 * 1024,
  /** Audience messages in one batch from the hub to the régie. */
  audienceBatch: 1000,
  /** A count shown to participants (votes, results). */
  count: 10_000_000,
  /** A hub or régie sequence number. */
  seq: Number.MAX_SAFE_INTEGER,
} as const;

/**
 * Raw text may carry invisible characters that the cleaner removes; a raw string longer than
 * this factor times the limit is refused before cleaning (a 1 MB string costs nothing to refuse).
 */
export const RAW_TEXT_FACTOR = 4;
