import { create } from 'zustand';

/**
 * Whether « Préparer la conduite » is open on this seat, and on which tab. The drafts live in
 * the drawer, which stays mounted while closed: closing it loses nothing.
 */
export const editorTabs = ['cues', 'interactions'] as const;
export type EditorTab = (typeof editorTabs)[number];

interface EditorStore {
  open: boolean;
  tab: EditorTab;
  openEditor: () => void;
  closeEditor: () => void;
  setTab: (tab: EditorTab) => void;
}

export const useEditor = create<EditorStore>((set) => ({
  open: false,
  tab: 'cues',
  openEditor: () => set({ open: true }),
  closeEditor: () => set({ open: false }),
  setTab: (tab) => set({ tab }),
}));
