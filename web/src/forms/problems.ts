import { ApiError } from '../api/client.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import type { FieldProblem } from './attribute-values.ts';
import { pageLanguage } from '../i18n/error-catalogue.ts';
import { translateProblem } from '../i18n/problems.ts';

const CLIENT_MESSAGE: Record<FieldProblem['message'], MessageKey> = { required: 'problemRequired', number: 'problemNumber', integer: 'problemInteger' };

/** Field name → message, from the form's own checks and from a server refusal whose problems name `properties.<field>`. */
export function fieldProblems(client: readonly FieldProblem[], server: unknown, t: (key: MessageKey) => string): Record<string, string> {
  const problems: Record<string, string> = Object.fromEntries(client.map((problem) => [problem.name, t(CLIENT_MESSAGE[problem.message])]));
  if (server instanceof ApiError) {
    const list = (server.details?.problems as { path?: string; message: string }[] | undefined) ?? [];
    for (const problem of list) {
      const field = /properties\.(\w+)/.exec(problem.path ?? '')?.[1];
      if (field && !problems[field]) problems[field] = translateProblem(problem.message, pageLanguage()) ?? (pageLanguage() === 'vi' ? 'giá trị không hợp lệ' : 'not a valid value');
    }
  }
  return problems;
}
