/**
 * Wall-clock times in the event's time zone <-> instants (epoch ms), with daylight saving handled
 * through Intl (no time-zone database of our own). Pure: runs in Node and in the browser.
 */

export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsAt(epochMs: number, timeZone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in ms (Paris in June: +2 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = partsAt(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function isClockTime(s: string): boolean {
  return TIME_RE.test(s);
}

/**
 * The instant at which the wall clock of `timeZone` shows `date time`. In the autumn overlap the
 * earlier instant is taken; in the spring gap the time is read as if the clock had not jumped.
 */
export function zonedToEpoch({ date, time }: WallTime, timeZone: string): number {
  // The desk sorts and places every session by its start at each second: each answer is kept.
  const key = `${timeZone}|${date} ${time}`;
  let epoch = zonedCache.get(key);
  if (epoch === undefined) {
    if (zonedCache.size >= ZONED_CACHE_MAX) zonedCache.clear();
    epoch = computeZonedToEpoch({ date, time }, timeZone);
    zonedCache.set(key, epoch);
  }
  return epoch;
}

const zonedCache = new Map<string, number>();
const ZONED_CACHE_MAX = 10_000;

function computeZonedToEpoch({ date, time }: WallTime, timeZone: string): number {
  const dm = DATE_RE.exec(date);
  const tm = TIME_RE.exec(time);
  if (!dm || !tm) throw new RangeError(`date/heure invalide : ${date} ${time}`);
  const naiveUtc = Date.UTC(
    Number(dm[1]),
    Number(dm[2]) - 1,
    Number(dm[3]),
    Number(tm[1]),
    Number(tm[2]),
  );
  // The zone's offset half a day before and after bounds every candidate (offsets change at most
  // once around a given time). A candidate is right when the zone really has that offset then.
  const before = zoneOffsetMs(naiveUtc - 12 * 3_600_000, timeZone);
  const after = zoneOffsetMs(naiveUtc + 12 * 3_600_000, timeZone);
  const valid = [naiveUtc - before, naiveUtc - after].filter((t) => zoneOffsetMs(t, timeZone) === naiveUtc - t);
  if (valid.length > 0) return Math.min(...valid);
  return naiveUtc - before; // in the spring gap: the time as if the clock had not jumped yet
}

export function epochToWall(epochMs: number, timeZone: string): WallTime {
  const p = partsAt(epochMs, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}
