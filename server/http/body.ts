import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { AppError, InvalidBody, UnsupportedMediaType } from '../errors.ts';

/** What a JSON endpoint reads. Anything else is a 415: an HTML form on another site can post text/plain, never this. */
export const JSON_MEDIA_TYPES = ['application/json'] as const;

/** Middleware refusing bodies over `maxBytes` with a 413 JSON error before anything reads them. */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(413, 'BodyTooLarge', `the body must be at most ${maxBytes} bytes`, { maxBytes });
    },
  });
}

/** The request's media type, lower case without parameters (`application/json; charset=utf-8` → `application/json`). */
export const mediaTypeOf = (request: Request): string | null => request.headers.get('Content-Type')?.split(';')[0].trim().toLowerCase() || null;

/** A 415 unless the request's Content-Type is one of `accepted`. */
export function requireMediaType(request: Request, accepted: readonly string[]): void {
  const given = mediaTypeOf(request);
  if (!given || !accepted.includes(given)) throw new UnsupportedMediaType(accepted, given);
}

/** Text parsed as JSON; a 400 InvalidBody when it is not JSON (for bodies read as text first, e.g. to check a signature). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidBody('the body must be JSON');
  }
}

/** The request body parsed as JSON; a 415 for another Content-Type, a 400 InvalidBody when it is not JSON. */
export async function jsonBody(request: Request, accepted: readonly string[] = JSON_MEDIA_TYPES): Promise<unknown> {
  requireMediaType(request, accepted);
  return parseJsonText(await request.text());
}

/** The body as a plain JSON object (not an array or scalar); 415 and 400 as `jsonBody`. */
export async function jsonObject(request: Request, accepted: readonly string[] = JSON_MEDIA_TYPES): Promise<Record<string, unknown>> {
  const body = await jsonBody(request, accepted);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidBody('the body must be a JSON object');
  return body as Record<string, unknown>;
}

/** The body checked against a zod schema; a 400 InvalidBody listing every problem with its path otherwise. */
export function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
    throw new InvalidBody(`${problems[0].path}: ${problems[0].message}`, { problems });
  }
  return result.data;
}

/** The body's text and its JSON object, for writes that also hash what they were sent (idempotency keys); 415 and 400 as `jsonBody`. */
export async function jsonObjectWithText(request: Request, accepted: readonly string[] = JSON_MEDIA_TYPES): Promise<{ text: string; body: Record<string, unknown> }> {
  requireMediaType(request, accepted);
  const text = await request.text();
  const body = parseJsonText(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidBody('the body must be a JSON object');
  return { text, body: body as Record<string, unknown> };
}
