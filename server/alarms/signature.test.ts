import { describe, expect, it } from 'vitest';
import { checkAlarmSignature, signAlarm } from './signature.ts';

describe('alarm signatures', () => {
  const secret = 'ngs_test';
  const body = '{"alarmId":"A-1"}';
  const now = 1_790_000_000;

  it('accepts the carrier’s signature of the exact body and a fresh timestamp', () => {
    expect(checkAlarmSignature(secret, String(now), signAlarm(secret, String(now), body), body, now + 10)).toEqual({ ok: true });
  });

  it('refuses a changed body, another key, an old or future timestamp, and missing headers', () => {
    const signature = signAlarm(secret, String(now), body);
    expect(checkAlarmSignature(secret, String(now), signature, body.replace('1', '2'), now)).toMatchObject({ code: 'BadSignature' });
    expect(checkAlarmSignature('other', String(now), signature, body, now)).toMatchObject({ code: 'BadSignature' });
    expect(checkAlarmSignature(secret, String(now), signature, body, now + 301)).toMatchObject({ code: 'StaleTimestamp' });
    expect(checkAlarmSignature(secret, String(now), signature, body, now - 301)).toMatchObject({ code: 'StaleTimestamp' });
    expect(checkAlarmSignature(secret, undefined, signature, body, now)).toMatchObject({ code: 'MissingSignature' });
  });
});
