import { describe, expect, it } from 'vitest';
import { programmeSchema } from '../../shared/domain/programme';
import { detectPersonalData } from '../safeguarding/detect-personal-data';
import { moderationLists } from './moderation-lists';

const settings = { badWords: [], names: [], allowed: [] };
const programme = (rooms: string[]) =>
  programmeSchema.parse({
    event: { name: 'Assises' },
    days: [{ date: '2021-06-24' }],
    sessions: rooms.map((room, i) => ({ id: `s${i}`, day: '2021-06-24', start: '10:00', end: '11:00', kind: 'workshop', title: `Atelier ${i}`, room })),
  });
const kinds = (text: string, lists = moderationLists(settings)) => detectPersonalData(text, 'question', lists).map((f) => `${f.kind}:${f.match}`);

describe('the lists in force and the programme’s rooms', () => {
  it('a room’s name written in a question is not a first name once the programme has that room', () => {
    const lists = moderationLists(settings, programme(['Salle 450', 'Grand Auditorium']));
    expect(kinds('En Salle 450, que faire pour les fratries ?', lists)).toEqual([]);
    // The names around it are still found.
    expect(kinds('En Salle 450, Lucas a parlé de sa sœur', lists)).toContain('given-name:Lucas');
  });

  it('a room named after a person does not make that person’s name safe (recall first)', () => {
    const question = 'Depuis le placement, Maëlys ne parle plus à personne';
    expect(kinds(question)).toContain('given-name:Maëlys');
    const lists = moderationLists(settings, programme(['Salle Maëlys Moreau', 'Salle 450']));
    expect(kinds(question, lists)).toContain('given-name:Maëlys');
    expect(kinds('La famille Moreau est suivie', lists).some((k) => k.endsWith(':Moreau'))).toBe(true);
    // The plain word of that room's name is still taken as one.
    expect(kinds('En Salle 450, que faire ?', lists)).toEqual([]);
  });
});
