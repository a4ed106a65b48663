import { bodyLimit } from 'hono/body-limit';
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
