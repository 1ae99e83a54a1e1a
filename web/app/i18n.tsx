/**
 * Vietnamese first, English second. Each capability keeps its own words (`web/features/<m>/messages.ts`);
 * an entry point (the staff app, the public pages) passes the dictionaries it needs to the provider.
 * `t(key)` falls back to Vietnamese, then to the key itself.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from './api';

export type Lang = 'vi' | 'en';

/** One capability's words: every key in Vietnamese, English where it has been written. */
export interface Messages {
  vi: Record<string, string>;
  en: Partial<Record<string, string>>;
}

interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: string): string;
  /** the keys of the dictionaries that start with `prefix` (e.g. every audit action that has a label) */
  keys(prefix: string): string[];
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ messages, children }: { messages: Messages[]; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'vi'));
  setApiLanguage(lang);
  const dict = useMemo(() => {
    const vi: Record<string, string> = {};
    const en: Record<string, string | undefined> = {};
    for (const m of messages) {
      Object.assign(vi, m.vi);
      Object.assign(en, m.en);
    }
    return { vi, en };
  }, [messages]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (l) => {
        localStorage.setItem('lang', l);
        document.documentElement.lang = l;
        setLangState(l);
      },
      t: (key) => (lang === 'en' ? dict.en[key] : undefined) ?? dict.vi[key] ?? key,
      keys: (prefix) => Object.keys(dict.vi).filter((k) => k.startsWith(prefix)),
    }),
    [lang, dict],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}
