import { epochToWall } from '../../shared/domain/zoned-time';

/**
 * A sheet of an export: a French header and rows of plain cells. The CSV and the XLSX writers
 * both take it, so the two formats always hold the same data.
 */
export type Cell = string | number | null;

export interface ExportTable {
  /** The sheet's name in the workbook (31 characters at most, no : \ / ? * [ ]). */
  sheet: string;
  header: string[];
  rows: Cell[][];
  /** A column width for each header cell, in characters (the XLSX's columns). */
  widths: number[];
}

/**
 * `AAAA-MM-JJ HH:MM:SS` in the event's zone. The zone's wall time is cached per minute: 10,000
 * questions cost a few hundred calls to Intl, not 10,000.
 */
export function wallClock(timeZone: string): (ms: number | null) => string {
  const minutes = new Map<number, string>();
  return (ms) => {
    if (ms === null) return '';
    const minute = Math.floor(ms / 60_000);
    let wall = minutes.get(minute);
    if (wall === undefined) {
      const w = epochToWall(minute * 60_000, timeZone);
      wall = `${w.date} ${w.time}`;
      minutes.set(minute, wall);
    }
    const seconds = Math.floor((ms - minute * 60_000) / 1000);
    return `${wall}:${String(seconds).padStart(2, '0')}`;
  };
}

export const yesNo = (b: boolean): string => (b ? 'oui' : 'non');
