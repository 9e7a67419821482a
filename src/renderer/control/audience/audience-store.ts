import { create } from 'zustand';

/**
 * The « Public » panel's own state, per seat: open or not. `p` and the indicator toggle it, Escape
 * and its button close it, and so does writing a note (the panel lies over the logbook); while it
 * is open, Escape only closes it (shell/use-desk-keys.ts: never a panic).
 */
export const useAudiencePanel = create<{ open: boolean }>(() => ({ open: false }));

export function toggleAudiencePanel(): void {
  useAudiencePanel.setState((s) => ({ open: !s.open }));
}

export function closeAudiencePanel(): void {
  useAudiencePanel.setState({ open: false });
}
