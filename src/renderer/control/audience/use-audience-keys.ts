import { useEffect } from 'react';
import { dialogOpen, isTyping } from '../shell/key-context';
import { toggleAudiencePanel } from './audience-store';

/** `p` opens or closes the « Public » panel, never while typing in a field nor with a dialog open. */
export function useAudienceKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== 'p' && e.key !== 'P') return;
      if (dialogOpen()) return;
      e.preventDefault();
      toggleAudiencePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
