import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { importIcs } from './import-ics';
import { ProgrammeFileError } from './programme-file';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/programmes/${name}`, import.meta.url));

function refusal(text: string): ProgrammeFileError {
  try {
    importIcs(text, 'test.ics');
  } catch (err) {
    if (err instanceof ProgrammeFileError) return err;
    throw err;
  }
  throw new Error('le fichier aurait dû être refusé');
}

/** A calendar around some VEVENT lines (CRLF, as the RFC wants). */
const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//FR',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('importIcs: a Google Calendar export', () => {
  const bytes = fixture('assises-google.ics');
  const p = importIcs(bytes, 'assises.ics');

  it('is what a calendar program makes: VTIMEZONE, folded lines, escaped commas', () => {
    const text = bytes.toString('utf8');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toMatch(/\r\n [^\r\n]/); // folded
    expect(text).toContain('\\,');
  });

  it('takes the calendar name and time zone', () => {
    expect(p.event).toEqual({ name: 'Assises 2021 — programme (démonstration)', timeZone: 'Europe/Paris' });
    expect(p.days).toEqual([
      { date: '2021-06-24', label: 'Jeudi 24 juin' },
      { date: '2021-06-25', label: 'Vendredi 25 juin' },
    ]);
  });

  it('turns the timed events into sessions, skipping the all-day and cancelled ones', () => {
    expect(p.sessions.map((s) => `${s.day} ${s.start}–${s.end} ${s.kind}`)).toEqual([
      '2021-06-24 08:00–09:00 break', // given in UTC (06:00Z): Paris summer time
      '2021-06-24 09:00–09:45 opening',
      '2021-06-24 09:45–11:00 plenary',
      '2021-06-24 11:00–11:30 break', // DURATION:PT30M
      '2021-06-24 16:00–17:30 workshop', // CATEGORIES:Atelier, although the title says « Accueil »
      '2021-06-24 16:00–17:30 workshop',
      '2021-06-25 09:00–10:30 plenary',
      '2021-06-25 12:45–13:45 break',
      '2021-06-25 14:45–15:30 closing',
    ]);
    expect(p.sessions.map((s) => s.title)).not.toContain('Assises 2021 — jour 1');
    expect(p.sessions.map((s) => s.title).join()).not.toMatch(/annulé/);
  });

  it('unfolds and unescapes the text: SUMMARY → title, LOCATION → room, DESCRIPTION → notes', () => {
    const seq1 = p.sessions[2]!;
    expect(seq1.title).toBe('Séquence 1 — Ce que la crise sanitaire a fait aux enfants, aux familles et aux organisations');
    expect(seq1.room).toBe('Grand Auditorium');
    expect(seq1.notes).toBe(
      'Confinements, continuité des accompagnements, santé psychique des enfants : regards croisés sur une année de Covid-19.\n\nSondage flash à 10 h 15 ; questions du public de 10 h 30 à 10 h 55.',
    );
    expect(p.sessions[0]!.room).toBe('Cité des Congrès de Nantes, Grand Hall');
  });

  it('gives readable ids', () => {
    expect(p.sessions.map((s) => s.id)).toContain('ouverture-des-14es-assises');
    expect(p.sessions.map((s) => s.id)).toContain('pause');
  });

  it('converts to another event zone when asked', () => {
    const montreal = importIcs(bytes, 'assises.ics', { timeZone: 'America/Montreal', eventName: 'Assises' });
    expect(montreal.event).toEqual({ name: 'Assises', timeZone: 'America/Montreal' });
    expect(montreal.sessions[1]).toMatchObject({ start: '03:00', end: '03:45' });
  });
});

describe('importIcs: an Outlook export across the autumn clock change', () => {
  const p = importIcs(fixture('nuit-outlook.ics'), 'nuit.ics');

  it('reads a Windows zone name through the file’s VTIMEZONE', () => {
    const night = p.sessions[0]!;
    expect(night).toMatchObject({ day: '2021-10-31', start: '01:00', end: '04:00', kind: 'plenary', title: 'Plénière de nuit' });
    expect((sessionEndMs(p, night) - sessionStartMs(p, night)) / 3_600_000).toBe(4);
    expect(new Date(sessionStartMs(p, night)).toISOString()).toBe('2021-10-30T23:00:00.000Z');
    expect(p.sessions[1]).toMatchObject({ start: '04:00', end: '05:00', kind: 'break' });
  });
});

describe('importIcs: details', () => {
  const event = (summary: string, start: string, end: string) => [`SUMMARY:${summary}`, `DTSTART:${start}`, `DTEND:${end}`];

  it('reads floating times in the event zone and UTC times converted to it', () => {
    const p = importIcs(
      calendar(event('Atelier', '20211031T010000', '20211031T040000'), event('Pause', '20211031T030000Z', '20211031T033000Z')),
      'a.ics',
    );
    expect(p.sessions.map((s) => [s.start, s.end, s.kind])).toEqual([
      ['01:00', '04:00', 'workshop'],
      ['04:00', '04:30', 'break'],
    ]);
  });

  it('makes ids unique and guesses kinds from French words', () => {
    const p = importIcs(
      calendar(
        event('Pause', '20210624T100000', '20210624T101500'),
        event('Pause', '20210624T120000', '20210624T121500'),
        event('Clôture', '20210624T170000', '20210624T173000'),
        event('Déjeuner', '20210624T123000', '20210624T140000'),
      ),
      'a.ics',
    );
    expect(p.sessions.map((s) => `${s.id}:${s.kind}`)).toEqual(['pause:break', 'pause-2:break', 'dejeuner:break', 'cloture:closing']);
  });

  it('cuts very long descriptions instead of refusing them', () => {
    const p = importIcs(calendar([...event('Plénière', '20210624T100000', '20210624T110000'), `DESCRIPTION:${'x'.repeat(3000)}`]), 'a.ics');
    expect(p.sessions[0]!.notes).toHaveLength(2000);
  });

  it('reports every broken event at once, and imports nothing', () => {
    const e = refusal(
      calendar(event('Bon', '20210624T100000', '20210624T110000'), event('Fin avant', '20210624T100000', '20210624T090000'), [
        'DTSTART:20210624T100000',
        'DTEND:20210624T110000',
      ]),
    );
    expect(e.issues.map((i) => [i.line, i.field])).toEqual([
      [12, 'DTEND'],
      [14, 'SUMMARY'],
    ]);
  });

  it('refuses a calendar without a single timed event', () => {
    expect(refusal(calendar(['SUMMARY:Jour 1', 'DTSTART;VALUE=DATE:20210624'])).issues[0]!.message).toMatch(/aucune séance/);
  });
});
