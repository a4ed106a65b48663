import { useEffect } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { useArea } from './area-api.ts';
import { appTitle } from './area-names.ts';

/** "NetGuard <area>" in the UI language, also written to the browser tab's title. */
export function useAppTitle(): string {
  const { language } = useLanguage();
  const title = appTitle(useArea().data, language);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return title;
}
