import { create } from 'zustand';

/** The desk shell's own state, per seat: the help of the keys (`?`, the top bar's « ? »). */
export const useDeskShell = create<{ helpOpen: boolean }>(() => ({ helpOpen: false }));

export function openHelp(): void {
  useDeskShell.setState({ helpOpen: true });
}

export function closeHelp(): void {
  useDeskShell.setState({ helpOpen: false });
}

export function toggleHelp(): void {
  useDeskShell.setState((s) => ({ helpOpen: !s.helpOpen }));
}
