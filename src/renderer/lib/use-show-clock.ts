import { useEffect, useState } from 'react';
import { type ClockSetting, clockNow } from '../../shared/api/state';
import { useRegie } from './regie-store';

/**
 * The time of the show: the core's clock (Date.now() + serverOffsetMs), then the rehearsal offset
 * if any. Computed afresh at every tick from Date.now(), so it never drifts; the next tick is
 * scheduled for the next whole second of the displayed time.
 */
export function showTime(clock: ClockSetting | undefined, serverOffsetMs: number, realNow = Date.now()): number {
  const coreNow = realNow + serverOffsetMs;
  return clock ? clockNow(clock, coreNow) : coreNow;
}

const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/**
 * The show time, floored to the second. Derived at each render from the store (so a new clock
 * setting shows at once) and re-rendered on each second boundary of the displayed time. The
 * server offset is refined at every patch (ten a second while questions arrive): it re-renders
 * only when it moves the displayed second, not the whole desk at each patch.
 */
export function useShowClock(): number {
  const clock = useRegie((s) => s.state?.clock);
  const [, setTick] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      const t = showTime(clock, useRegie.getState().serverOffsetMs);
      // A few ms past the boundary, so that the floor lands on the new second.
      timer = setTimeout(
        () => {
          setTick((n) => n + 1);
          schedule();
        },
        1000 - (((t % 1000) + 1000) % 1000) + 15,
      );
    };
    schedule();
    const unsubscribe = useRegie.subscribe((s, before) => {
      if (s.serverOffsetMs === before.serverOffsetMs) return;
      const realNow = Date.now();
      if (toSecond(showTime(clock, s.serverOffsetMs, realNow)) !== toSecond(showTime(clock, before.serverOffsetMs, realNow)))
        setTick((n) => n + 1);
      schedule(); // the next boundary moved with the offset
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [clock]);

  return toSecond(showTime(clock, useRegie.getState().serverOffsetMs));
}
