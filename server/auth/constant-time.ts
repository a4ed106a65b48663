import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when two secrets (CSRF tokens, signatures) are equal, in time that depends on neither: both are hashed first,
 * so even their lengths stay hidden, then compared with `timingSafeEqual`.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}
