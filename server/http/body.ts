import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { AppError, InvalidBody } from '../errors.ts';

/** Middleware refusing bodies over `maxBytes` with a 413 JSON error before anything reads them. */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(413, 'BodyTooLarge', `the body must be at most ${maxBytes} bytes`, { maxBytes });
    },
  });
}

/** The request body parsed as JSON; a 400 InvalidBody when it is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new InvalidBody('the body must be JSON');
  }
}

/** The body as a plain JSON object (not an array or scalar); a 400 InvalidBody otherwise. */
export async function jsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await jsonBody(request);
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

/** The body's text and its JSON object, for writes that also hash what they were sent (idempotency keys). */
export async function jsonObjectWithText(request: Request): Promise<{ text: string; body: Record<string, unknown> }> {
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidBody('the body must be JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidBody('the body must be a JSON object');
  return { text, body: body as Record<string, unknown> };
}
