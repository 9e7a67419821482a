import type { ModerationSettings } from '../../shared/api/state';
import { builtInNames, nameKey } from './name-list';
import type { ModerationLists } from '../safeguarding/detector-lists';
import { badWordSet } from './question-flags';

let lastSettings: ModerationSettings | null = null;
let lastLists: ModerationLists | null = null;

/** The lists in force: the maintained ones plus the organisers' (rebuilt only when those change). */
export function moderationLists(settings: ModerationSettings): ModerationLists {
  if (settings === lastSettings && lastLists) return lastLists;
  const names = new Set(builtInNames());
  settings.names.forEach((n) => names.add(nameKey(n)));
  lastLists = {
    badWords: badWordSet(settings.badWords),
    names,
    allowed: new Set(settings.allowed.map(nameKey)),
    organiserNames: new Set(settings.names.map(nameKey)),
  };
  lastSettings = settings;
  return lastLists;
}
