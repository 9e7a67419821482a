/**
 * What the views know of the personal codes (docs/rooms.md § 4): how many are in force, when the
 * list was imported or cleared and by which seat, and the latest releases — never a code, never a
 * hash (the hashes live in the outbox to the hub, the codes nowhere). The central régie's only.
 */
export interface PersonalCodesState {
  /** Distinct codes in the list the hub was last sent (0: none). */
  count: number;
  /** The last change of the list: an import or « Effacer la liste » (real time, epoch ms). */
  changedAt: number | null;
  changedBy: string | null;
  change: 'imported' | 'cleared' | null;
  /** Duplicates left out of the last import. */
  duplicates: number;
  /** Codes freed for another phone since the list was imported. */
  released: number;
  /** The latest releases, newest last: when, by whom, the hash's first 8 characters (null once purged). */
  releases: { at: number; by: string; hashPrefix: string | null }[];
}

export const RELEASES_KEPT_IN_STATE = 20;

export function noPersonalCodes(): PersonalCodesState {
  return { count: 0, changedAt: null, changedBy: null, change: null, duplicates: 0, released: 0, releases: [] };
}
