import { create } from 'zustand';

/**
 * Whether « Préparer la conduite » is open on this seat, and on which tab. The drafts live in
 * the drawer, which stays mounted while closed: closing it loses nothing. Show mode (from any
 * seat) closes it, so that it never hides the standby and GO during the show; the seat is told.
 */
export const editorTabs = ['cues', 'interactions'] as const;
export type EditorTab = (typeof editorTabs)[number];

interface EditorStore {
  open: boolean;
  tab: EditorTab;
  /** Show mode closed the editor while it was open (its drafts are kept). */
  closedByLock: boolean;
  openEditor: () => void;
  closeEditor: () => void;
  closeForShow: () => void;
  dismissLockNote: () => void;
  setTab: (tab: EditorTab) => void;
}

export const useEditor = create<EditorStore>((set) => ({
  open: false,
  tab: 'cues',
  closedByLock: false,
  openEditor: () => set({ open: true, closedByLock: false }),
  closeEditor: () => set({ open: false }),
  closeForShow: () => set((s) => (s.open ? { open: false, closedByLock: true } : s)),
  dismissLockNote: () => set({ closedByLock: false }),
  setTab: (tab) => set({ tab }),
}));
