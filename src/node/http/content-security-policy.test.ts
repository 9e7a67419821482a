import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './static-files';

describe('the views’ content security policy', () => {
  it('lets a page open sockets to its own origin only, and to the other régie when one is named', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(contentSecurityPolicy(['http://192.168.1.21:4870', 'http://[fe80::1]:4870'])).toContain(
      "connect-src 'self' http://192.168.1.21:4870 ws://192.168.1.21:4870 http://[fe80::1]:4870 ws://[fe80::1]:4870;",
    );
  });

  it('leaves out anything that is not a bare origin (no directive smuggled in)', () => {
    const csp = contentSecurityPolicy(["http://a:1; script-src 'unsafe-inline'", 'https://evil.example', 'http://b:2/path', '*']);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).not.toContain('evil');
  });
});
