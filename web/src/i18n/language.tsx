import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARY, type Language, type MessageKey } from './dictionary.ts';

const STORAGE_KEY = 'netguard.language';

type LanguageContextValue = { language: Language; t: (key: MessageKey) => string; toggleLanguage: () => void };

const LanguageContext = createContext<LanguageContextValue | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

/** Holds the UI language, persists it in localStorage and mirrors it on `<html lang>`. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  }, [language]);
  const toggleLanguage = useCallback(() => setLanguage((current) => (current === 'vi' ? 'en' : 'vi')), []);
  const value = useMemo(
    () => ({ language, toggleLanguage, t: (key: MessageKey) => DICTIONARY[language][key] }),
    [language, toggleLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside LanguageProvider');
  return value;
}
