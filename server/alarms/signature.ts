import { createHmac } from 'node:crypto';
import { secretsEqual } from '../auth/constant-time.ts';

/** How far a signed request's timestamp may be from the server's clock, either way: replays older than this fail. */
export const MAX_SKEW_SECONDS = 300;

/** `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<raw body>`, the carrier system's signature (as Stripe and GitHub webhooks sign). */
export function signAlarm(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'MissingSignature' | 'StaleTimestamp' | 'BadSignature'; message: string };

/** Checks a signature in constant time and the timestamp's freshness against `nowSeconds`. */
export function checkAlarmSignature(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, nowSeconds: number): SignatureCheck {
  if (!timestamp || !signature) return { ok: false, code: 'MissingSignature', message: 'X-NetGuard-Timestamp and X-NetGuard-Signature are required' };
  const seconds = Number(timestamp);
  if (!/^\d{9,11}$/.test(timestamp) || Math.abs(nowSeconds - seconds) > MAX_SKEW_SECONDS) {
    return { ok: false, code: 'StaleTimestamp', message: `the timestamp must be Unix seconds within ${MAX_SKEW_SECONDS} s of the server's clock` };
  }
  if (!secretsEqual(signature, signAlarm(secret, timestamp, body))) return { ok: false, code: 'BadSignature', message: 'the signature does not match the body' };
  return { ok: true };
}
