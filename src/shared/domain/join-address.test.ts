import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, loopbackWarning, roomJoinUrl } from './join-address';

describe('join addresses a phone cannot reach', () => {
  it('are the loopback and unspecified hosts, in every spelling', () => {
    for (const url of [
      'http://127.0.0.1:4871/?e=U2WV65',
      'http://127.1.2.3:80/',
      'http://localhost:4871/',
      'http://LOCALHOST./',
      'http://pupitre.localhost/',
      'http://[::1]:4871/',
      'http://[::ffff:127.0.0.1]:4871/',
      'http://0.0.0.0:4871/',
      'http://[::]:4871/',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
  });

  it('are not a venue address, a public name or an unreadable text', () => {
    for (const url of [
      'http://192.168.1.20:4871/?e=X',
      'http://10.0.0.5:4871/',
      'https://vote.assises.fr/',
      'http://[fe80::1]:4871/',
      'pas une adresse',
      'http://127.0.0.1.example.org/',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });

  it('warn in `serve` only when every join address is local, naming the cause', () => {
    expect(loopbackWarning(['http://192.168.1.20:4871/', 'http://127.0.0.1:4871/'], undefined)).toBeNull();
    expect(loopbackWarning([], '127.0.0.1')).toBeNull();
    expect(loopbackWarning(['http://127.0.0.1:4871/?e=AB'], '127.0.0.1')).toBe(
      'Attention : aucun téléphone ne peut joindre http://127.0.0.1:4871/?e=AB, cette adresse ne désigne que cet ordinateur — le hub n’écoute que sur 127.0.0.1 (--hub-host) : relancez sans --hub-host (ou avec --hub-host 0.0.0.0), ou donnez au public une adresse qu’il atteint (panneau « Public », Changer d’adresse…).',
    );
    expect(loopbackWarning(['http://127.0.0.1:4871/'], undefined)).toMatch(/aucune adresse sur un réseau : branchez-la au réseau du lieu/);
  });
});

describe('a room’s join QR code', () => {
  const presence = { room: 'salle-450', key: 'ABCDEFGH23' };
  it('carries the event code, the room and its key of the moment', () => {
    expect(roomJoinUrl('http://192.168.1.20:4871/?e=K7M2QX', presence, 'K7M2QX')).toBe('http://192.168.1.20:4871/?e=K7M2QX&r=salle-450&k=ABCDEFGH23');
    // A public address chosen without the code gets it; one that has it keeps its own.
    expect(roomJoinUrl('https://assises.example.org/rejoindre', presence, 'K7M2QX')).toBe('https://assises.example.org/rejoindre?e=K7M2QX&r=salle-450&k=ABCDEFGH23');
    expect(roomJoinUrl('https://x.example/?code=ZZ&r=old&k=OLDKEY2345', presence, 'K7M2QX')).toBe('https://x.example/?code=ZZ&r=salle-450&k=ABCDEFGH23');
  });
  it('gives back an address it cannot read as it is', () => {
    expect(roomJoinUrl('pas une adresse', presence, 'K7M2QX')).toBe('pas une adresse');
  });
});
