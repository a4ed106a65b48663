import { ApiError, getJson, setCsrfToken } from '../api/client.ts';
import { load, save, type FieldData } from './field-db.ts';

type SessionAnswer = { user: FieldData['session']['user'] | null; csrfToken: string | null; csrfHeader: string };
export type FieldSession = { user: FieldData['session']['user'] | null; offline: boolean };

/**
 * Who is signed in: asked of the server when it answers (and kept on the phone), else the officer kept from the
 * last time, so the app opens in the field with no network.
 */
export async function fieldSession(): Promise<FieldSession> {
  try {
    const answer = await getJson<SessionAnswer>('/api/auth/session');
    setCsrfToken(answer.csrfToken, answer.csrfHeader);
    if (answer.user) await save('session', { user: answer.user, csrfToken: answer.csrfToken, csrfHeader: answer.csrfHeader });
    return { user: answer.user, offline: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 0) throw error;
    const kept = await load('session');
    if (kept) setCsrfToken(kept.csrfToken, kept.csrfHeader);
    return { user: kept?.user ?? null, offline: true };
  }
}

/** The CSRF header for replayed writes: the session's current token when the server answers, else the kept one. */
export async function replayHeaders(): Promise<Record<string, string>> {
  const current = await fieldSession().catch(() => null);
  const kept = await load('session');
  if (!kept || (current && !current.user)) return {};
  return kept.csrfToken ? { [kept.csrfHeader]: kept.csrfToken } : {};
}
