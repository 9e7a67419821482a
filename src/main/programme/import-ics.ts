import ICAL from 'ical.js';
import type { Programme } from '../../shared/domain/programme';
import { epochToWall, isIsoDate, isValidTimeZone, zonedToEpoch } from '../../shared/domain/zoned-time';
import {
  type DraftSession,
  type ImportOptions,
  decodeProgrammeText,
  finishProgramme,
  guessKind,
  kindFromWord,
  slugify,
  uniqueIds,
} from './import-common';
import { type FileIssue, ProgrammeFileError } from './programme-file';

/**
 * Imports a programme from iCalendar (.ics), as Google Calendar, Thunderbird, Outlook or Apple
 * Calendar export it. Each VEVENT becomes a session: DTSTART/DTEND (or DURATION) converted to the
 * event's zone, whatever the file uses (TZID known to Intl, a VTIMEZONE of the file, UTC, or
 * floating); SUMMARY → title, LOCATION → room, DESCRIPTION → notes (cut at 2,000 characters);
 * kind from CATEGORIES if one names a kind, else guessed from the title (editable afterwards).
 * Skipped: all-day events (day markers) and cancelled ones. Refused: repeating events (RRULE) and
 * sessions that end on another day. Errors name the line of the property (unfolded lines counted
 * from their first physical line) and the property; any error and nothing is imported.
 */

interface ScannedProperty {
  line: number;
  value: string;
  params: string;
}

interface ScannedEvent {
  beginLine: number;
  props: Map<string, ScannedProperty>;
}

const CONTENT_LINE = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/;

/** Unfolds the lines and walks the components, checking their nesting, with line numbers. */
function scan(text: string, fail: (line: number | null, field: string, message: string) => never): ScannedEvent[] {
  const physical = text.split(/\r?\n/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((l, i) => {
    const last = logical[logical.length - 1];
    if ((l.startsWith(' ') || l.startsWith('\t')) && last) last.text += l.slice(1);
    else if (l.trim() !== '') logical.push({ line: i + 1, text: l });
  });
  if (!/^BEGIN:VCALENDAR$/i.test(logical[0]?.text.trim() ?? '')) {
    fail(logical[0]?.line ?? 1, 'BEGIN', 'ce n’est pas un fichier iCalendar (il doit commencer par BEGIN:VCALENDAR)');
  }
  const stack: { name: string; line: number }[] = [];
  const events: ScannedEvent[] = [];
  let current: ScannedEvent | null = null;
  for (const { line, text: content } of logical) {
    const m = CONTENT_LINE.exec(content);
    if (!m) fail(line, '', `ligne illisible : « ${content.slice(0, 60)} » (attendu NOM:valeur)`);
    const name = (m[1] ?? '').toUpperCase();
    const params = m[2] ?? '';
    const value = m[3] ?? '';
    if (name === 'BEGIN') {
      stack.push({ name: value.toUpperCase(), line });
      if (value.toUpperCase() === 'VEVENT' && stack.length === 2) {
        current = { beginLine: line, props: new Map() };
        events.push(current);
      }
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open) fail(line, 'END', `END:${value} sans BEGIN:${value}`);
      else if (open.name !== value.toUpperCase()) {
        fail(open.line, 'BEGIN', `BEGIN:${open.name} jamais fermé (END:${open.name} manquant avant la ligne ${line})`);
      }
      if (value.toUpperCase() === 'VEVENT' && stack.length === 1) current = null;
    } else if (current && stack.length === 2 && !current.props.has(name)) {
      current.props.set(name, { line, value, params });
    }
  }
  const unclosed = stack.pop();
  if (unclosed) fail(unclosed.line, 'BEGIN', `BEGIN:${unclosed.name} jamais fermé (END:${unclosed.name} manquant)`);
  return events;
}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

export function importIcs(input: string | Uint8Array, fileName = 'programme.ics', options: ImportOptions = {}): Programme {
  const text = decodeProgrammeText(input, fileName);
  const fail = (line: number | null, field: string, message: string): never => {
    throw new ProgrammeFileError(fileName, [{ line, column: null, field, message }]);
  };
  const scanned = scan(text, fail);

  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    return fail(null, '', `syntaxe iCalendar : ${err instanceof Error ? err.message : String(err)}`);
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  if (vevents.length !== scanned.length) fail(null, 'VEVENT', 'structure iCalendar inattendue');

  const calName = calendar.getFirstPropertyValue('x-wr-calname');
  const calZone = calendar.getFirstPropertyValue('x-wr-timezone');
  const timeZone = options.timeZone ?? (typeof calZone === 'string' && isValidTimeZone(calZone) ? calZone : 'Europe/Paris');
  const zones = new Map(calendar.getAllSubcomponents('vtimezone').map((c) => [String(c.getFirstPropertyValue('tzid')), c] as const));

  const issues: FileIssue[] = [];
  /** Notes an issue; returns null so that `return bad(…)` reads as "no value". */
  const bad = (line: number | null, field: string, message: string): null => {
    issues.push({ line, column: null, field, message });
    return null;
  };

  /** The instant of a DATE-TIME property, or null after an issue; 'date' for an all-day value. */
  const instant = (prop: ScannedProperty, field: string, event: ICAL.Component): number | 'date' | null => {
    const m = DATE_TIME.exec(prop.value.trim());
    if (!m) return bad(prop.line, field, `date/heure illisible : « ${prop.value} » (attendu AAAAMMJJTHHMMSS)`);
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (!isIsoDate(date)) return bad(prop.line, field, `date impossible : ${prop.value}`);
    if (m[4] === undefined) return 'date';
    const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
    if (h > 23 || min > 59 || s > 60) return bad(prop.line, field, `heure impossible : ${prop.value}`);
    const time = `${m[4]}:${m[5]}`;
    if (m[7] === 'Z') return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, min, s);
    const tzid = event.getFirstProperty(field.toLowerCase())?.getFirstParameter('tzid');
    if (!tzid) return zonedToEpoch({ date, time }, timeZone) + s * 1000; // floating: the event's zone
    if (isValidTimeZone(tzid)) return zonedToEpoch({ date, time }, tzid) + s * 1000;
    const vtimezone = zones.get(tzid);
    if (!vtimezone) return bad(prop.line, field, `fuseau inconnu : ${tzid} (ni nom IANA, ni VTIMEZONE dans le fichier)`);
    const t = ICAL.Time.fromData(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: h, minute: min, second: s },
      new ICAL.Timezone({ component: vtimezone, tzid }),
    );
    return t.toUnixTime() * 1000;
  };

  const drafts: DraftSession[] = [];
  const sources: ScannedEvent[] = [];
  vevents.forEach((event, k) => {
    const src = scanned[k];
    if (!src) return;
    const prop = (name: string) => src.props.get(name);
    if (prop('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return;
    const rrule = prop('RRULE');
    if (rrule) return void bad(rrule.line, 'RRULE', 'séance répétée : non prise en charge (exportez chaque séance à part)');
    const dtstart = prop('DTSTART');
    if (!dtstart) return void bad(src.beginLine, 'DTSTART', 'début manquant (DTSTART)');
    const start = instant(dtstart, 'DTSTART', event);
    if (start === 'date') return; // all-day: a day marker, not a session
    const dtend = prop('DTEND');
    const duration = prop('DURATION');
    let end: number | 'date' | null = null;
    if (dtend) end = instant(dtend, 'DTEND', event);
    else if (duration) {
      try {
        end = start === null ? null : start + ICAL.Duration.fromString(duration.value.trim()).toSeconds() * 1000;
      } catch {
        bad(duration.line, 'DURATION', `durée illisible : « ${duration.value} » (ex. PT1H30M)`);
      }
    } else bad(src.beginLine, 'DTEND', 'fin manquante (DTEND ou DURATION)');
    const title = event.getFirstPropertyValue('summary');
    if (typeof title !== 'string' || title.trim() === '')
      bad(prop('SUMMARY')?.line ?? src.beginLine, 'SUMMARY', 'titre manquant (SUMMARY)');
    if (start === null || end === null || typeof title !== 'string' || title.trim() === '') return;
    if (end === 'date') return void bad(dtend?.line ?? src.beginLine, 'DTEND', 'fin sans heure alors que le début en a une');

    const from = epochToWall(start, timeZone);
    const to = epochToWall(end, timeZone);
    const endField = dtend ? 'DTEND' : 'DURATION';
    const endLine = (dtend ?? duration)?.line ?? src.beginLine;
    if (end <= start) return void bad(endLine, endField, 'la fin doit suivre le début');
    if (to.date !== from.date)
      return void bad(endLine, endField, `la séance doit finir le jour où elle commence (${from.date} → ${to.date})`);

    const categories = event.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    const kind = categories.map(kindFromWord).find((k) => k !== null) ?? guessKind(title);
    const draft: DraftSession = { id: slugify(title), day: from.date, start: from.time, end: to.time, kind, title: title.trim() };
    const location = event.getFirstPropertyValue('location');
    if (typeof location === 'string' && location.trim()) draft.room = location.trim();
    const description = event.getFirstPropertyValue('description');
    if (typeof description === 'string' && description.trim()) {
      const notes = description.trim();
      draft.notes = notes.length > 2000 ? `${notes.slice(0, 1999)}…` : notes;
    }
    drafts.push(draft);
    sources.push(src);
  });
  if (issues.length > 0) throw new ProgrammeFileError(fileName, issues);
  if (drafts.length === 0) fail(null, 'VEVENT', 'aucune séance (VEVENT avec une heure de début) dans le calendrier');

  const ids = uniqueIds(drafts.map((d) => d.id));
  const sessions = drafts.map((d, i) => ({ ...d, id: ids[i] ?? d.id }));
  const propertyOf: Record<string, string> = {
    title: 'SUMMARY',
    id: 'SUMMARY',
    kind: 'SUMMARY',
    room: 'LOCATION',
    notes: 'DESCRIPTION',
    day: 'DTSTART',
    start: 'DTSTART',
    end: 'DTEND',
  };
  const name = options.eventName ?? (typeof calName === 'string' && calName.trim() ? calName.trim() : 'Programme importé');
  return finishProgramme(fileName, { name, timeZone }, sessions, (index, field) => {
    const src = index === null ? undefined : sources[index];
    let property = propertyOf[field] ?? field;
    if (property === 'DTEND' && !src?.props.has('DTEND')) property = 'DURATION';
    return { line: src?.props.get(property)?.line ?? src?.beginLine ?? null, field: property };
  });
}
