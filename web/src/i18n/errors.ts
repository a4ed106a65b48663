import { ApiError } from '../api/client.ts';
import type { Language } from './dictionary.ts';
import { useLanguage } from './language.tsx';
import { ERROR_TEXT, messageFor } from './error-catalogue.ts';

export { problemText } from './error-catalogue.ts';

/** An error as the user should read it, in `language`: an API error's code text, or a network failure. */
export function errorText(error: unknown, language: Language): string {
  if (!(error instanceof ApiError) || error.code === 'network') return ERROR_TEXT.network[language === 'vi' ? 0 : 1];
  return messageFor(error.code, error.status, error.details, language);
}

/** `errorText` in the UI language. */
export function useErrorText(): (error: unknown) => string {
  const { language } = useLanguage();
  return (error) => errorText(error, language);
}
