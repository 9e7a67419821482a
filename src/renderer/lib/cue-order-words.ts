import type { TimedCue } from '../../shared/domain/cue-list';
import { EARLY_GO_MINUTES, type OutOfOrder } from '../../shared/domain/cue-order';
import type { Programme } from '../../shared/domain/programme';
import { cueActionWords } from './cue-words';
import { deskTime } from './desk-time';
import type { Translate } from './i18n';

/** Why a GO is out of order, in the operator's words (src/shared/domain/cue-order.ts). Pure. */

/** Short, for the standby card: « prévue dans 45 min (plus de 5 min d'avance) ; … ». */
export function shortReasons(reasons: readonly OutOfOrder[], t: Translate): string {
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'early':
          return t('cues.outOfOrder.early', { minutes: r.minutes, limit: EARLY_GO_MINUTES });
        case 'past-session':
          return t('cues.outOfOrder.pastSession');
        case 'skips':
          return t('cues.outOfOrder.skips', { n: r.cueIds.length });
        default:
          return r satisfies never;
      }
    })
    .join(' ; ');
}

export interface Reason {
  text: string;
  /** The cues passed over, one a line (« 10:15 Ouvrir le sondage … »). */
  cues?: string[];
}

/** In full, for the confirmation: the time, the session, the cues passed over by name. */
export function fullReasons(reasons: readonly OutOfOrder[], target: TimedCue, list: readonly TimedCue[], p: Programme, t: Translate): Reason[] {
  const tz = p.event.timeZone;
  return reasons.map((r) => {
    switch (r.kind) {
      case 'early':
        return { text: t('confirm.go.early', { time: deskTime(target.expectedAt, tz), minutes: r.minutes, limit: EARLY_GO_MINUTES }) };
      case 'past-session':
        return { text: t('confirm.go.pastSession', { session: p.sessions.find((s) => s.id === target.sessionId)?.title ?? target.sessionId }) };
      case 'skips': {
        const cues = r.cueIds.map((id) => {
          const c = list.find((x) => x.id === id);
          return c ? `${deskTime(c.expectedAt, tz)} ${cueActionWords(c.cue.action, p, t)}` : id;
        });
        return { text: t('confirm.go.skips', { n: cues.length }), cues };
      }
      default:
        return r satisfies never;
    }
  });
}
