import { useCallback } from 'react';
import { create } from 'zustand';
import type { HubError, HubErrorCode } from '../../shared/protocol/errors';
import { en } from './locales/en';
import { fr, type MessageKey } from './locales/fr';
import { readStored, writeStored } from './lib/storage';

/** The participant page's own small catalogue (the same pattern as the desk's lib/i18n, its own keys). */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'pupitre.participant.language';

const isLanguage = (x: unknown): x is Language => typeof x === 'string' && (languages as readonly string[]).includes(x);

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = catalogues[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : typeof v === 'number' ? formatNumber(language, v) : v;
  });
}

export function formatNumber(language: Language, n: number): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
}

type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

/** `plural(t, 'list.votes', n)`: French counts 0 and 1 as singular, English only 1. */
export function plural(language: Language, base: PluralBase, n: number, params: Params = {}): string {
  const one = language === 'fr' ? n < 2 : n === 1;
  return translate(language, `${base}.${one ? 'one' : 'other'}` as MessageKey, { n, ...params });
}

/** The hub's refusals are in French; in English the page says the gist by code. */
const englishErrors: Partial<Record<HubErrorCode, string>> = {
  malformed: 'the message could not be read',
  invalid: 'something in the message is not valid',
  too_large: 'the text is too long',
  version: 'this page is out of date: reload it',
  not_joined: 'not connected to the event yet',
  wrong_event: 'unknown event code: check the code on the screen',
  rate_limited: 'too many messages at once: wait a few seconds',
  busy: 'the service is busy: it will try again',
  closed: 'this is closed now',
  room_only: 'only people in the room can ask questions in this session',
  not_found: 'this question is no longer shown',
  already_done: 'already done',
  limit: 'you have reached the limit',
  unavailable: 'the service is unavailable for a moment',
};

export function hubErrorText(language: Language, error: HubError): string {
  return language === 'fr' ? error.message : (englishErrors[error.code] ?? error.message);
}

interface LanguageStore {
  language: Language;
  setLanguage: (l: Language) => void;
}

function initialLanguage(): Language {
  const stored = readStored(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'fr';
}

export const useLanguage = create<LanguageStore>((set) => ({
  language: initialLanguage(),
  setLanguage: (language) => {
    writeStored(STORAGE_KEY, language);
    if (typeof document !== 'undefined') {
      document.documentElement.lang = language;
      document.title = translate(language, 'app.title');
    }
    set({ language });
  },
}));

export function currentLanguage(): Language {
  return useLanguage.getState().language;
}

export function useT(): Translate {
  const language = useLanguage((s) => s.language);
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}
