import { noPersonalCodes, type PersonalCodesState, RELEASES_KEPT_IN_STATE } from '../../shared/api/personal-codes';
import type { RegieState } from '../../shared/api/state';
import type { EventMeta, RegieEvent } from '../engine/events';

export type CodesEvent = Extract<RegieEvent, { type: 'codes.imported' | 'codes.cleared' | 'code.released' }>;

/** The personal codes' slice after one of their events (real time: the list's history is not the show's). */
export function applyCodesEvent(state: RegieState, event: CodesEvent, meta: EventMeta): RegieState {
  const before: PersonalCodesState = state.personalCodes ?? noPersonalCodes();
  switch (event.type) {
    case 'codes.imported':
      return {
        ...state,
        personalCodes: { ...noPersonalCodes(), count: event.count, duplicates: event.duplicates, change: 'imported', changedAt: meta.at, changedBy: meta.actor },
      };
    case 'codes.cleared':
      return { ...state, personalCodes: { ...noPersonalCodes(), change: 'cleared', changedAt: meta.at, changedBy: meta.actor } };
    case 'code.released': {
      const releases = [...before.releases, { at: meta.at, by: meta.actor, hashPrefix: event.hashPrefix }].slice(-RELEASES_KEPT_IN_STATE);
      return { ...state, personalCodes: { ...before, released: before.released + 1, releases } };
    }
  }
}
