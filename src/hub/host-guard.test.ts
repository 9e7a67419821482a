import { describe, expect, it } from 'vitest';
import { type HostPolicy, isHubHost, isHubOrigin, localHostsFor } from './host-guard';

const policy: HostPolicy = {
  port: () => 4871,
  localHosts: () => new Set(['127.0.0.1', 'localhost', '192.168.1.20', '[fe80::1]']),
  publicHosts: new Set(['assises.example.org']),
};

describe('host guard', () => {
  it('accepts our local addresses on our port, and the public host on any port', () => {
    expect(isHubHost('192.168.1.20:4871', policy)).toBe(true);
    expect(isHubHost('LOCALHOST:4871', policy)).toBe(true);
    expect(isHubHost('[fe80::1]:4871', policy)).toBe(true);
    expect(isHubHost('assises.example.org', policy)).toBe(true);
    expect(isHubHost('assises.example.org:443', policy)).toBe(true);
  });

  it('refuses other hosts, other ports, and garbage', () => {
    expect(isHubHost(undefined, policy)).toBe(false);
    expect(isHubHost('192.168.1.20:80', policy)).toBe(false);
    expect(isHubHost('192.168.1.20', policy)).toBe(false);
    expect(isHubHost('evil.example:4871', policy)).toBe(false);
    expect(isHubHost('192.168.1.20:4871/x', policy)).toBe(false);
    expect(isHubHost('a b:4871', policy)).toBe(false);
  });

  it('accepts no Origin (Node clients) or our own; https only for the public host', () => {
    expect(isHubOrigin(undefined, policy)).toBe(true);
    expect(isHubOrigin('http://192.168.1.20:4871', policy)).toBe(true);
    expect(isHubOrigin('https://assises.example.org', policy)).toBe(true);
    expect(isHubOrigin('http://assises.example.org', policy)).toBe(true);
    expect(isHubOrigin('https://192.168.1.20:4871', policy)).toBe(false);
    expect(isHubOrigin('http://evil.example', policy)).toBe(false);
    expect(isHubOrigin('null', policy)).toBe(false);
    expect(isHubOrigin('file://', policy)).toBe(false);
  });

  it('derives local hosts from the listening address', () => {
    expect(localHostsFor('127.0.0.1')).toEqual(new Set(['127.0.0.1', 'localhost']));
    expect(localHostsFor('192.168.1.20')).toEqual(new Set(['192.168.1.20']));
    const all = localHostsFor('0.0.0.0');
    expect(all.has('127.0.0.1')).toBe(true);
    expect(all.has('localhost')).toBe(true);
  });
});
