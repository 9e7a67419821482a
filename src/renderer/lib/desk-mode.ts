import { create } from 'zustand';

/**
 * « Préparation » or « Spectacle »: in show mode the desk locks what must not happen by accident
 * during the show (importing a programme, resetting the cues). Kept per browser, per seat.
 */
export const deskModes = ['preparation', 'show'] as const;
export type DeskMode = (typeof deskModes)[number];
const STORAGE_KEY = 'pupitre.deskMode';

function storedMode(): DeskMode {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'show' ? 'show' : 'preparation';
  } catch {
    return 'preparation';
  }
}

interface DeskModeStore {
  mode: DeskMode;
  setMode: (m: DeskMode) => void;
}

export const useDeskMode = create<DeskModeStore>((set) => ({
  mode: storedMode(),
  setMode: (mode) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, mode);
    } catch {
      // storage disabled: the choice lasts until reload
    }
    set({ mode });
  },
}));
