import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StandbyGate } from './standby-gate';

describe('StandbyGate: an answer waits for the standby’s commit, within a deadline', () => {
  let primarySeq = 0;
  let now = 0;
  let gate: StandbyGate;
  beforeEach(() => {
    vi.useFakeTimers();
    primarySeq = 10;
    now = 1_000;
    gate = new StandbyGate({ primarySeq: () => primarySeq, deadlineMs: 300, now: () => now });
  });
  afterEach(() => vi.useRealTimers());

  const settle = async () => {
    await Promise.resolve();
    await Promise.resolve();
  };

  it('answers at once, alone, without a standby', async () => {
    expect(gate.state).toBe('none');
    await expect(gate.waitFor(11)).resolves.toBe(false);
    expect(gate.lagMs()).toBeNull();
  });

  it('is lagging while the standby catches up, then waits for its acknowledgement', async () => {
    gate.attach(4);
    expect(gate.state).toBe('lagging');
    await expect(gate.waitFor(10)).resolves.toBe(false); // catching up: the primary alone
    gate.ack(9);
    expect(gate.state).toBe('lagging');
    gate.ack(10);
    expect(gate.state).toBe('synced');

    primarySeq = 11;
    gate.committed(11);
    let answered: boolean | null = null;
    void gate.waitFor(11).then((m) => (answered = m));
    await settle();
    expect(answered).toBeNull(); // not before the standby committed it
    now += 5;
    expect(gate.lagMs()).toBe(5);
    gate.ack(11);
    await settle();
    expect(answered).toBe(true);
    expect(gate.lagMs()).toBe(0);
  });

  it('goes on alone after the deadline and says the standby is lagging, until it catches up', async () => {
    gate.attach(10);
    expect(gate.state).toBe('synced');
    primarySeq = 12;
    gate.committed(12);
    let answered: boolean | null = null;
    void gate.waitFor(12).then((m) => (answered = m));
    vi.advanceTimersByTime(299);
    await settle();
    expect(answered).toBeNull();
    vi.advanceTimersByTime(1);
    await settle();
    expect(answered).toBe(false);
    expect(gate.state).toBe('lagging');
    await expect(gate.waitFor(13)).resolves.toBe(false); // no second wait while it lags
    gate.ack(12);
    expect(gate.state).toBe('synced');
  });

  it('lets every waiting answer go when the standby leaves', async () => {
    gate.attach(10);
    primarySeq = 11;
    gate.committed(11);
    const waiting = gate.waitFor(11);
    gate.detach();
    await expect(waiting).resolves.toBe(false);
    expect(gate.state).toBe('none');
  });
});
