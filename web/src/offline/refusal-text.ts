import type { Language } from '../i18n/dictionary.ts';
import { messageFor, problemText } from '../i18n/error-catalogue.ts';
import type { OutboxEntry } from './outbox.ts';

type Problem = Parameters<typeof problemText>[0];

/**
 * Why the server refused a queued write, for the person who made it, in `language`: the problems it listed (what was
 * wrong, and where), else its error code's text. An entry kept before refusals were stored shows the server's words.
 */
export function refusalText(entry: OutboxEntry, language: Language): string {
  if (!entry.refusal) return entry.error ?? '';
  const { status, code, details } = entry.refusal;
  const problems = (details?.problems as Problem[] | undefined) ?? [];
  return problems.length ? problems.map((problem) => problemText(problem, language)).join('; ') : messageFor(code, status, details, language);
}
