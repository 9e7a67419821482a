import { describe, it, expect } from 'vitest';
import { programmeSchema } from '../../shared/domain/programme';
import { translate, type Translate } from './i18n';
import { audienceKey, dayLabel, formatDuration, seatLabel } from './programme-view';

const t: Translate = (k, p) => translate('fr', k, p);
const programme = programmeSchema.parse({
  event: { name: 'Assises' },
  days: [{ date: '2021-06-24', label: 'Jeudi 24 juin' }, { date: '2021-06-25' }],
  sessions: [],
});

describe('programme-view', () => {
  it('writes durations for the desk, rounded up to the minute', () => {
    expect(formatDuration(9 * 60_000 + 1, t)).toBe('10 min');
    expect(formatDuration(65 * 60_000, t)).toBe('1 h 05');
    expect(formatDuration(-5, t)).toBe('0 min');
  });

  it('names seats as people read them', () => {
    expect(seatLabel('control-3', t)).toBe('Régie 3');
    expect(seatLabel('system', t)).toBe('Système');
    expect(seatLabel('hub', t)).toBe('hub');
    expect(seatLabel('régie:horloge', t)).toBe('Horloge');
    expect(seatLabel('régie:démarrage', t)).toBe('Démarrage');
  });

  it('says who may interact, by default from the kind', () => {
    const base = { id: 'x', day: '2021-06-24', start: '09:00', end: '10:00', title: 'X' } as const;
    expect(audienceKey({ ...base, kind: 'plenary' })).toBe('audience.roomRemote');
    expect(audienceKey({ ...base, kind: 'workshop' })).toBe('audience.roomOnly');
    expect(audienceKey({ ...base, kind: 'break' })).toBe('audience.none');
    expect(audienceKey({ ...base, kind: 'workshop', audience: { room: false, remote: true } })).toBe('audience.remoteOnly');
  });

  it('labels days with the programme’s own label, or the date', () => {
    expect(dayLabel(programme, '2021-06-24', 'fr-FR')).toBe('Jeudi 24 juin');
    expect(dayLabel(programme, '2021-06-25', 'fr-FR')).toBe('vendredi 25 juin');
    expect(dayLabel(programme, '2021-06-24', 'fr-FR', 'short')).toMatch(/^jeu\.? 24 juin$/);
  });
});
