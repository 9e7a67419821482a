import { describe, expect, it } from 'vitest';
import { outputModeFromSearch } from './output-mode';

describe('outputModeFromSearch', () => {
  it('reads mode=obs next to the token; anything else is the projector', () => {
    expect(outputModeFromSearch('?token=abc&mode=obs')).toBe('obs');
    expect(outputModeFromSearch('?mode=OBS&token=abc')).toBe('obs');
    expect(outputModeFromSearch('?token=abc')).toBe('projector');
    expect(outputModeFromSearch('?token=abc&mode=')).toBe('projector');
    expect(outputModeFromSearch('?token=abc&mode=vmix-please')).toBe('projector');
  });
});
