import { beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantBranding } from '../../../shared/protocol/branding';
import { loadBranding, logoUrl, lookVariables, receiveBranding, useEventLook } from './event-look';

const look: ParticipantBranding = {
  name: '14es Assises',
  primary: '#261f3a',
  accent: '#f0c05a',
  logo: 'branding/logo-0123456789abcdef.svg',
  logoAlt: 'Assises',
};
const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

beforeEach(() => useEventLook.setState({ branding: null }));

describe('the event’s look on the page', () => {
  it('takes a well-formed look and ignores anything else', () => {
    receiveBranding(look);
    expect(useEventLook.getState().branding).toEqual(look);
    receiveBranding({ ...look, logo: 'https://tracker.example/x.png' });
    receiveBranding({ ...look, primary: 'red' });
    receiveBranding('hello');
    expect(useEventLook.getState().branding).toEqual(look);
    receiveBranding(null);
    expect(useEventLook.getState().branding).toBeNull();
  });

  it('reads branding.json, and shrugs at an older hub’s 404 or a broken body', async () => {
    await loadBranding(answer(404, 'Page introuvable.'));
    await loadBranding(answer(200, { branding: { ...look, name: '' } }));
    expect(useEventLook.getState().branding).toBeNull();
    await loadBranding(answer(200, { branding: look }));
    expect(useEventLook.getState().branding).toEqual(look);
    await loadBranding((async () => Promise.reject(new Error('réseau'))) as typeof fetch);
    expect(useEventLook.getState().branding).toEqual(look);
  });

  it('gives the page its colours (the tint from the main colour) and the logo’s address beside the page', () => {
    expect(lookVariables(look)).toEqual({ '--accent': '#261f3a', '--accent-tint': '#e9e9eb', '--brand-accent': '#f0c05a' });
    expect(lookVariables({ ...look, primary: null, accent: null })).toEqual({});
    expect(logoUrl(look, 'http://10.0.0.2:4871/?e=ASSISES')).toBe('http://10.0.0.2:4871/branding/logo-0123456789abcdef.svg');
    expect(logoUrl(look, 'https://vote.example.org/assises/?e=A')).toBe(
      'https://vote.example.org/assises/branding/logo-0123456789abcdef.svg',
    );
    expect(logoUrl(null, 'http://x/')).toBeNull();
  });
});
