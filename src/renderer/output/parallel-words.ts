import type { Session } from '../../shared/domain/programme';
import { tFr } from '../lib/i18n';

/** « 6 ateliers en parallèle » when they are all workshops, else « 3 sessions en parallèle ». */
export function parallelWords(sessions: Session[]): string {
  const key = sessions.every((s) => s.kind === 'workshop') ? 'output.parallelWorkshops' : 'output.parallel';
  return tFr(key, { count: sessions.length });
}
