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

/**
 * The show time, floored to the second. Derived at each render from the store (so a new clock
 * setting shows at once) and re-rendered on each second boundary of the displayed time.
 */
export function useShowClock(): number {
  const clock = useRegie((s) => s.state?.clock);
  const offset = useRegie((s) => s.serverOffsetMs);
  const [, setTick] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const t = showTime(clock, offset);
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
    return () => clearTimeout(timer);
  }, [clock, offset]);

  return Math.floor(showTime(clock, offset) / 1000) * 1000;
}
