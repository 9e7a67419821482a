import { describe, expect, it } from 'vitest';
import { coreFieldErrors, errorFor, fieldOfIssue } from './field-errors';

describe('the core’s issues on the form', () => {
  it('names the field from a command path or a programme path', () => {
    expect(fieldOfIssue('cue.at')).toBe('at');
    expect(fieldOfIssue('interaction.options.1')).toBe('options.1');
    expect(fieldOfIssue('sessions.8.cues.2.action.interaction')).toBe('action.interaction');
    expect(fieldOfIssue('interactions.4.id')).toBe('id');
    expect(fieldOfIssue('sessionId')).toBe('sessionId');
    expect(fieldOfIssue('days.0.date')).toBeNull();
  });
  it('keeps the first message of each field; a part answers for the whole', () => {
    const errors = coreFieldErrors([
      { path: 'sessions.8.cues.6.id', message: 'identifiant de réplique en double : x' },
      { path: 'sessions.8.cues.6.id', message: 'autre' },
      { path: 'interaction.options.2', message: 'option en double : oui' },
      { path: 'event.name', message: 'sans rapport' },
    ]);
    expect(errors).toEqual({ id: 'identifiant de réplique en double : x', 'options.2': 'option en double : oui' });
    expect(errorFor(errors, 'options')).toBe('option en double : oui');
    expect(errorFor(errors, 'at')).toBeUndefined();
  });
});
