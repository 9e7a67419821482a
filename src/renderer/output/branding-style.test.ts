import { describe, expect, it } from 'vitest';
import { brandingStyle } from './branding-style';

describe('brandingStyle', () => {
  it('sets the background stops and the accent the event chose, nothing else', () => {
    expect(brandingStyle(undefined)).toEqual({});
    expect(brandingStyle({ accent: '#f0c05a' })).toEqual({ '--out-accent': '#f0c05a' });
    const vars = brandingStyle({ primary: '#2b2340', accent: '#f0c05a' });
    expect(vars['--out-bg']).toBe('#2b2340');
    // The glow is a little lighter, the other stops a little darker.
    expect(vars['--out-bg-2']! > '#2b2340').toBe(true);
    expect(vars['--out-bg-mid']! < '#2b2340').toBe(true);
    expect(Object.keys(vars).sort()).toEqual(['--out-accent', '--out-bg', '--out-bg-2', '--out-bg-end', '--out-bg-mid']);
  });
});
