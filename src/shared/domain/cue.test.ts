import { describe, expect, it } from 'vitest';
import { actionInteraction, cueSchema, formatCueOffset, isOffset, offsetMinutes } from './cue';

describe('cue offsets', () => {
  it('reads and writes signed hours:minutes', () => {
    expect(offsetMinutes('+00:15')).toBe(15);
    expect(offsetMinutes('-00:05')).toBe(-5);
    expect(offsetMinutes('01:30')).toBe(90);
    expect(formatCueOffset(15)).toBe('+00:15');
    expect(formatCueOffset(-5)).toBe('-00:05');
    expect(formatCueOffset(90)).toBe('+01:30');
    for (const m of [-75, 0, 1, 59, 600]) expect(offsetMinutes(formatCueOffset(m))).toBe(m);
  });

  it('refuses what is not an offset', () => {
    for (const s of ['15', '+0:75', '15 min', '+1h', '−00:05', '']) expect(isOffset(s)).toBe(false);
    expect(() => offsetMinutes('15 min')).toThrow(RangeError);
  });
});

describe('cue schema', () => {
  it('defaults to manual, and names the interaction an action needs', () => {
    const cue = cueSchema.parse({ id: 'c', at: { time: '10:45' }, action: { type: 'poll.reveal', interaction: 'p' } });
    expect(cue.mode).toBe('manual');
    expect(actionInteraction(cue.action)).toEqual({ id: 'p', kind: 'poll' });
    expect(actionInteraction({ type: 'wordcloud.open', interaction: 'w' })).toEqual({ id: 'w', kind: 'wordcloud' });
    expect(actionInteraction({ type: 'scene', scene: 'wordcloud', interaction: 'w' })).toEqual({ id: 'w', kind: 'wordcloud' });
    expect(actionInteraction({ type: 'scene', scene: 'message', text: 'Bienvenue' })).toBeNull();
    expect(actionInteraction({ type: 'note', note: 'Micro HF 2' })).toBeNull();
  });

  it('explains a moment that is neither an offset nor a time', () => {
    const r = cueSchema.safeParse({ id: 'c', at: {}, action: { type: 'qa.open' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['at'], message: expect.stringMatching(/offset.*time/) });
  });
});
