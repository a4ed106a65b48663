import { messageFor, pageLanguage } from '../i18n/error-catalogue.ts';

/**
 * An error answered by the API (`{ error: { code, message, details } }`) or a network failure. Its `message` is
 * for people, in the page's language, from the code and details; the server's own words stay in `serverMessage`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly serverMessage: string;
  constructor(status: number, code: string, serverMessage: string, details?: Record<string, unknown>) {
    super(messageFor(code, status, details, pageLanguage()));
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.serverMessage = serverMessage;
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: Record<string, unknown> } };

/** The session's CSRF token, echoed on every write (the session cookie itself is HttpOnly and sent by the browser). */
const csrf = { header: 'X-CSRF-Token', token: null as string | null };
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null, header = 'X-CSRF-Token'): void {
  csrf.token = token;
  csrf.header = header;
}

/** Called when the API answers 401: the session has ended, so the app shows the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function request(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
    throw new ApiError(response.status, body.error?.code ?? `http_${response.status}`, body.error?.message ?? response.statusText, body.error?.details);
  }
  return response;
}

/**
 * GETs a same-origin JSON resource and turns error bodies into `ApiError`.
 * @param path absolute path with query, e.g. `/api/search?q=dak`
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await request(path, { headers: { accept: 'application/json, application/geo+json' } }, signal);
  return (await response.json()) as T;
}

/** GETs a JSON resource with its entity tag (`ETag`), which a later write sends back in `If-Match`. */
export async function getJsonWithTag<T>(path: string, signal?: AbortSignal): Promise<{ body: T; etag: string | null }> {
  const response = await request(path, { headers: { accept: 'application/json, application/geo+json' } }, signal);
  return { body: (await response.json()) as T, etag: response.headers.get('ETag') };
}

/**
 * Sends a JSON body (or none) with the CSRF header and any `conditions` (`If-Match`, `If-None-Match`); resolves to
 * the parsed answer, or undefined for 204.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, conditions: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...conditions };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf.token) headers[csrf.header] = csrf.token;
  const response = await request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Sends a file's text or bytes as the raw body (imports, photos), with the CSRF header. */
export async function sendText<T>(path: string, body: string | Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'Content-Type': contentType };
  if (csrf.token) headers[csrf.header] = csrf.token;
  const response = await request(path, { method: 'POST', headers, body });
  return (await response.json()) as T;
}

/** POSTs a JSON body and returns the answer as a file (an export whose request does not fit in a link). */
export async function postForFile(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (csrf.token) headers[csrf.header] = csrf.token;
  const response = await request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  return response.blob();
}
