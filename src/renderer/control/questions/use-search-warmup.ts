import { useEffect } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import { prepareSearch } from '../../../shared/domain/question-queue';

/**
 * Folds the questions' texts for the search while the browser is idle, a few milliseconds at a
 * time: the first letter typed in the search field does not fold 20,000 texts in one frame.
 */
export function useSearchWarmup(questions: readonly AudienceQuestion[]): void {
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return; // a browser without it folds at the first search
    let handle: number | undefined = undefined;
    const step = (deadline: IdleDeadline) => {
      handle = prepareSearch(questions, () => deadline.timeRemaining() > 1) ? undefined : requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => {
      if (handle !== undefined) cancelIdleCallback(handle);
    };
  }, [questions]);
}
