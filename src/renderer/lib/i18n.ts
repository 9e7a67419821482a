import { useCallback } from 'react';
import { create } from 'zustand';
import { en } from './locales/en';
import { fr, type MessageKey } from './locales/fr';

/** The languages of the interface: French first, English second. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'pupitre.language';

function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (languages as readonly string[]).includes(x);
}

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'fr';
  } catch {
    return 'fr'; // storage disabled: French
  }
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

interface LanguageStore {
  language: Language;
  setLanguage: (l: Language) => void;
}

/** The control desk's language, kept in localStorage (per browser, per seat). */
export const useLanguage = create<LanguageStore>((set) => ({
  language: storedLanguage(),
  setLanguage: (language) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language);
    } catch {
      // storage disabled: the choice lasts until reload
    }
    if (typeof document !== 'undefined') document.documentElement.lang = language;
    set({ language });
  },
}));

export function currentLanguage(): Language {
  return useLanguage.getState().language;
}

/** `const t = useT(); t('logbook.label')`: re-renders when the language changes. */
export function useT(): Translate {
  const language = useLanguage((s) => s.language);
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}

/** For the projector: always French, whatever the desk chose. */
export const tFr: Translate = (key, params) => translate('fr', key, params);
