/** Times on the control desk: compact 24-hour « 08:52 » / « 08:52:13 » in a given time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds ? 's' : 'm'}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function deskTime(epochMs: number, timeZone: string, seconds = false): string {
  return formatter(timeZone, seconds).format(epochMs);
}

/** The time zone of this browser (when no programme says which one the event is in). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** « jeu. 24 juin » in the interface language. */
export function deskDate(epochMs: number, timeZone: string, locale: string): string {
  // Made once per zone and language: the clock shows the date at every second.
  const key = `${timeZone}|${locale}|date`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
    formatters.set(key, f);
  }
  return f.format(epochMs);
}
