import type { PersonalDataKind } from '../../shared/domain/personal-data';

/** A finding on the normalised text (offsets into it); detect-personal-data.ts maps it back. */
export interface Found {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** Whether [start, end) overlaps one of the findings. */
export function overlaps(found: readonly Found[], start: number, end: number): boolean {
  return found.some((f) => f.start < end && start < f.end);
}
