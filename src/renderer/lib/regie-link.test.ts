import { describe, expect, it } from 'vitest';
import type { CoreStatus, Snapshot, StandbyStatus } from '../../shared/api/channel';
import { isCoreStatus } from './link-status';
import { type CoreSocket, RegieLink } from './regie-link';

const A = 'http://192.168.1.20:4870';
const B = 'http://192.168.1.21:4870';

/** A socket.io client stand-in: the test plays the régie's side. */
class FakeSocket {
  connected = false;
  closed = false;
  readonly sent: string[] = [];
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, fn: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string): this {
    this.sent.push(event);
    return this;
  }
  close(): this {
    this.closed = true;
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  connect(): this {
    return this;
  }
  serve(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    this.handlers.get(event)?.forEach((fn) => fn(...args));
  }
}

const status = (epoch: number, role: StandbyStatus['role'], peerViews: string | null): CoreStatus => ({
  link: {
    state: 'online',
    since: 0,
    hubUrl: null,
    embedded: false,
    rttMs: null,
    outboxPending: 0,
    hubBacklog: null,
    participants: { room: 0, remote: 0 },
    eventCode: null,
    joinUrls: [],
    lastError: null,
  },
  standby: { role, state: 'none', lagMs: null, peer: null, peerViews, since: 0, epoch, lastError: null },
});

const snapshot = (seq: number, s: CoreStatus, program: string): Snapshot => ({ seq, status: s, state: { program } }) as unknown as Snapshot;

function setUp(remembered: { highestEpoch: number; addresses: string[] } | null = null) {
  const sockets = new Map<string, FakeSocket>();
  const shown: { seq: number; program: unknown; from: string }[] = [];
  const patches: unknown[] = [];
  let lastOpened = '';
  const link = new RegieLink({
    home: A,
    auth: { token: 't' },
    isStatus: isCoreStatus,
    remembered,
    open: (address) => {
      const s = new FakeSocket();
      sockets.set(address, s);
      lastOpened = address;
      return s as unknown as CoreSocket;
    },
    handlers: {
      snapshot: (s) => shown.push({ seq: s.seq, program: (s.state as unknown as { program: string }).program, from: link.current }),
      patch: (p) => patches.push(p),
      status: () => undefined,
      presence: () => undefined,
      connection: () => undefined,
      extra: { seats: (p) => patches.push({ seats: p }) },
    },
  });
  return { link, sockets, shown, patches, opened: () => lastOpened };
}

describe('a view’s link to two régies', () => {
  it('an output that saw epoch 2 ignores the program of epoch 1, and follows the régie at epoch 2', () => {
    const { link, sockets, shown, patches } = setUp();
    const a = sockets.get(A)!;
    a.serve('connect');
    a.serve('snapshot', snapshot(10, status(1, 'primary', B), 'question 1'));
    expect(shown.at(-1)).toEqual({ seq: 10, program: 'question 1', from: A });

    // A dies; the view goes to B (learned from A's status), which took over at epoch 2.
    a.serve('connect_error', new Error('xhr poll error'));
    expect(link.current).toBe(B);
    const b = sockets.get(B)!;
    b.serve('connect');
    b.serve('snapshot', snapshot(12, status(2, 'primary', null), 'question 2'));
    expect(shown.at(-1)).toEqual({ seq: 12, program: 'question 2', from: B });
    expect(link.highestEpoch).toBe(2);
    b.serve('seats', ['from B']);
    expect(patches).toEqual([{ seats: ['from B'] }]);
    patches.length = 0;

    // B leads at the highest epoch: the view no longer listens to A at all.
    expect(a.closed).toBe(true);

    // B is cut off; A comes back, believing it still leads at epoch 1: the view tries it, and nothing of it reaches the view.
    const before = shown.length;
    b.serve('connect_error', new Error('timeout'));
    const a2 = sockets.get(A)!;
    expect(a2).not.toBe(a);
    a2.serve('connect');
    a2.serve('snapshot', snapshot(11, status(1, 'primary', null), 'question 1 again'));
    a2.serve('patch', { fromSeq: 11, seq: 12, ops: [] });
    a2.serve('seats', []);
    expect(shown.length).toBe(before);
    expect(patches).toEqual([]);
    expect(link.obeysCurrent()).toBe(false);
    expect(b.closed).toBe(false);
  });

  it('drops what its own régie says once that régie is fenced, and moves to the leader', () => {
    const { link, sockets, shown, patches } = setUp();
    const a = sockets.get(A)!;
    a.serve('connect');
    a.serve('snapshot', snapshot(5, status(0, 'primary', B), 'x'));
    a.serve('status', status(0, 'fenced', null));
    a.serve('patch', { fromSeq: 5, seq: 6, ops: [] });
    expect(patches).toEqual([]);
    expect(link.current).toBe(B);
    expect(link.obeysCurrent()).toBe(false);
    const b = sockets.get(B)!;
    b.serve('connect');
    b.serve('snapshot', snapshot(7, status(1, 'primary', null), 'y'));
    expect(shown.at(-1)).toEqual({ seq: 7, program: 'y', from: B });
    expect(link.obeysCurrent()).toBe(true);
  });

  it('a page reloaded on the old primary still refuses it: it remembers the epoch it saw and the other address', () => {
    const { link, sockets, shown } = setUp({ highestEpoch: 2, addresses: [B] });
    const a = sockets.get(A)!;
    a.serve('connect');
    a.serve('snapshot', snapshot(11, status(1, 'primary', null), 'question 1'));
    expect(shown).toEqual([]);
    expect(link.current).toBe(B);
    const b = sockets.get(B)!;
    b.serve('connect');
    b.serve('snapshot', snapshot(12, status(2, 'primary', null), 'question 2'));
    expect(shown).toEqual([{ seq: 12, program: 'question 2', from: B }]);
  });

  it('with no standby known, stays on its own régie through a cut', () => {
    const { link, sockets } = setUp();
    const a = sockets.get(A)!;
    a.serve('connect');
    a.serve('snapshot', snapshot(1, status(0, 'primary', null), 'x'));
    a.serve('connect_error', new Error('timeout'));
    expect(link.current).toBe(A);
    expect([...sockets.keys()]).toEqual([A]);
  });
});
