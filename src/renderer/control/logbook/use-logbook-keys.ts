import { type RefObject, useEffect } from 'react';
import { closeAudiencePanel } from '../audience/audience-store';
import { isTyping } from '../shell/key-context';

/**
 * `/` or `n` puts the cursor in the logbook's field (never while typing in another field), and
 * closes the « Public » panel, which lies over the logbook.
 */
export function useLogbookKeys(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== '/' && e.key !== 'n' && e.key !== 'N') return;
      e.preventDefault(); // the key must not land in the field
      closeAudiencePanel();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}
