import type { ModerationSettings } from '../../shared/api/state';
import type { Programme } from '../../shared/domain/programme';
import { roomsOf } from '../../shared/domain/rooms';
import { builtInNames, nameKey } from './name-list';
import type { ModerationLists } from '../safeguarding/detector-lists';
import { detectPersonalData } from '../safeguarding/detect-personal-data';
import { badWordSet } from './question-flags';

let lastSettings: ModerationSettings | null = null;
let lastProgramme: Programme | null = null;
let lastLists: ModerationLists | null = null;

/**
 * The words of the programme's room names that are plain words (« Salle », « Auditorium »,
 * « Grand »): written with a capital in every question about a workshop (« En Salle 450… »), they
 * are not personal data. A word of a room's name that the detector takes for a name on its own
 * (« Salle Jean Moulin »: « Jean ») is not added: recall first.
 */
function roomWords(programme: Programme | null, lists: ModerationLists): string[] {
  if (!programme) return [];
  const words = roomsOf(programme).flatMap((r) => r.places.flatMap((place) => place.split(/[^\p{L}]+/u).filter((w) => w.length > 1)));
  return [...new Set(words)].filter((w) => detectPersonalData(w, 'word', lists).length === 0);
}

/**
 * The lists in force: the maintained ones, the organisers', and the words of the programme's rooms
 * among the words never flagged (rebuilt only when those change).
 */
export function moderationLists(settings: ModerationSettings, programme: Programme | null = null): ModerationLists {
  if (settings === lastSettings && programme === lastProgramme && lastLists) return lastLists;
  const names = new Set(builtInNames());
  settings.names.forEach((n) => names.add(nameKey(n)));
  const lists: ModerationLists = {
    badWords: badWordSet(settings.badWords),
    names,
    allowed: new Set(settings.allowed.map(nameKey)),
    organiserNames: new Set(settings.names.map(nameKey)),
  };
  const rooms = roomWords(programme, lists);
  lastLists = rooms.length === 0 ? lists : { ...lists, allowed: new Set([...lists.allowed, ...rooms.map(nameKey)]) };
  lastSettings = settings;
  lastProgramme = programme;
  return lastLists;
}
