import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, type MessageKey, zh } from './messages.js';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'shoudi.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Picks the right half of a `{zh, en}` label (ROLE_LABELS and the like). */
  pick: (label: { zh: string; en: string }) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[lang];
    const t: Translate = (key, values) => {
      const text = dictionary[key];
      return values
        ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match))
        : text;
    };
    return { lang, setLang, t, pick: (label) => label[lang] };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n outside I18nProvider');
  }
  return value;
}
