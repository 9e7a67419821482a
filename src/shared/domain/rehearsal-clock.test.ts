import { describe, expect, it } from 'vitest';
import { programmeSchema } from './programme';
import { addDays, rehearsalBounds, rehearsalDays, rehearsalRefusal } from './rehearsal-clock';
import { zonedToEpoch } from './zoned-time';

// The demo's two days (resources/demo/assises-2021.yaml), listed out of order.
const demo = programmeSchema.parse({
  version: 1,
  event: { name: 'Assises', timeZone: 'Europe/Paris' },
  days: [{ date: '2021-06-25' }, { date: '2021-06-24' }],
  sessions: [],
});
const paris = (date: string, time: string) => zonedToEpoch({ date, time }, 'Europe/Paris');

describe('the rehearsal clock’s bounds', () => {
  const bounds = rehearsalBounds(demo);

  it('are the event’s days (24–25 June 2021) with one day of margin either side, in the event’s zone', () => {
    expect(bounds).toEqual({
      from: paris('2021-06-23', '00:00'),
      to: paris('2021-06-27', '00:00'),
      firstDay: '2021-06-23',
      lastDay: '2021-06-26',
    });
    expect(rehearsalDays(bounds)).toEqual(['2021-06-23', '2021-06-24', '2021-06-25', '2021-06-26']);
  });

  it('let a rehearsal on the days, the evening before and the day after', () => {
    for (const at of [
      paris('2021-06-24', '10:15'),
      paris('2021-06-23', '00:00'),
      paris('2021-06-23', '19:00'),
      paris('2021-06-26', '23:59'),
    ]) {
      expect(rehearsalRefusal(at, bounds)).toBeNull();
    }
  });

  it('refuse year 275760, 1970, a month off, and the minute past the last margin day, naming the allowed days', () => {
    for (const at of [8.64e15, 0, paris('2021-07-24', '10:15'), paris('2021-06-27', '00:00'), paris('2021-06-22', '23:59')]) {
      expect(rehearsalRefusal(at, bounds)).toBe(
        'horloge de répétition refusée : hors des jours de l’événement — choisissez un moment entre le mercredi 23 juin 2021 et le samedi 26 juin 2021 inclus (un jour de marge de part et d’autre)',
      );
    }
  });

  it('hold to 2000–2099 with no programme', () => {
    const none = rehearsalBounds(null);
    expect(rehearsalRefusal(Date.UTC(2021, 5, 24), none)).toBeNull();
    expect(rehearsalRefusal(8.64e15, none)).toMatch(/sans programme, choisissez une date entre 2000 et 2099/);
    expect(rehearsalDays(none)).toEqual([]);
  });

  it('count days across months and years', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
