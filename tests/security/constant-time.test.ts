import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signAlarm } from '../../server/alarms/signature.ts';
import { secretsEqual } from '../../server/auth/constant-time.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Whether a comparison leaks a secret through its timing cannot be observed reliably from outside on a shared
// machine, so the property is held in the code: every comparison of a secret goes through `secretsEqual`
// (`timingSafeEqual` on digests) or `timingSafeEqual` itself, and no `===`/`!==` on a secret is left in server/.

const ROOT = join(import.meta.dirname, '..', '..');
const serverSources = (): string[] => {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) found.push(path);
    }
  };
  walk(join(ROOT, 'server'));
  return found;
};

/** Names that hold a secret: CSRF and bearer tokens, signatures, signing secrets, passwords and their hashes, HMACs. */
const SECRET = /csrf|secret|signature|password|hmac|api_?key|token/i;
const OPERAND = String.raw`[\w$.?!\[\]()'"\x60-]+`;
const COMPARISON = new RegExp(`(${OPERAND})\\s*(===|!==|==|!=)\\s*(${OPERAND})`, 'g');
/** A literal, a length, a kind tag, an id or a lexer token: comparing these reveals nothing of a secret. */
const harmless = (operand: string) =>
  /^\(*(['"`].*['"`]|\d+|undefined|null|true|false)\)*$/.test(operand) || /\.(length|kind|via)\)*$/.test(operand) || /Id\)*$/.test(operand) || /^\(*tokens?\??\.(text|kind)\b/.test(operand);

/** Every `===`/`!==`/`==`/`!=` and Buffer `.equals(`/`Buffer.compare(` in `source` that compares a secret, as `line: text`. */
function secretComparisons(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const match of line.matchAll(COMPARISON)) {
      const [, left, operator, right] = match;
      // `(header ?? '') !== token`: the literal on the left is only the fallback of a larger operand.
      const leftIsWhole = !/\?\?\s*$/.test(line.slice(0, match.index));
      if ((SECRET.test(left) || SECRET.test(right)) && !(leftIsWhole && harmless(left)) && !harmless(right)) found.push(`${index + 1}: ${left} ${operator} ${right}`);
    }
    if (SECRET.test(line) && /\.equals\(|Buffer\.compare\(/.test(line)) found.push(`${index + 1}: ${line.trim()}`);
  });
  return found;
}

describe('secrets are compared in constant time', () => {
  it('the scan finds a secret compared with !== or === (the CSRF check as it once was), so it can fail', () => {
    expect(secretComparisons("    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {")).toHaveLength(1);
    expect(secretComparisons('  if (signature !== signAlarm(secret, timestamp, body)) return bad;')).toHaveLength(1);
    expect(secretComparisons('  return given === expectedToken;')).toHaveLength(1);
    expect(secretComparisons("    if (!SAFE_METHODS.has(c.req.method) && (c.req.header(CSRF_HEADER) ?? '') !== session.csrfToken) {")).toHaveLength(1);
    expect(secretComparisons('  return key.equals(storedPasswordHash);')).toHaveLength(1);
    expect(secretComparisons("  if (principal.via !== 'token' || principal.tokenId === undefined) return;")).toEqual([]);
  });

  it('no file in server/ compares a secret with ===, !==, ==, != or Buffer.equals', () => {
    const leaks = serverSources().flatMap((file) => secretComparisons(readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`));
    expect(leaks).toEqual([]);
  });

  it('the CSRF check, the alarm signature and the password check go through timingSafeEqual', () => {
    const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    expect(source('server/auth/constant-time.ts')).toMatch(/timingSafeEqual\(digest\(given\), digest\(expected\)\)/);
    expect(source('server/auth/middleware.ts')).toMatch(/secretsEqual\(c\.req\.header\(CSRF_HEADER\) \?\? '', session\.csrfToken\)/);
    expect(source('server/alarms/signature.ts')).toMatch(/secretsEqual\(signature, signAlarm\(/);
    expect(source('server/auth/passwords.ts')).toMatch(/timingSafeEqual\(key, expected\)/);
  });

  it('secretsEqual takes only the same text: a changed character, a prefix, a longer or an empty text are refused without a throw', () => {
    const token = 'b1Vt8kQ_x-Z2Lr0mWq3sT9nYp4aC6dEf';
    expect(secretsEqual(token, token)).toBe(true);
    expect(secretsEqual(`${token}`.normalize('NFC'), token)).toBe(true);
    for (const wrong of [token.slice(0, -1) + 'g', 'A' + token.slice(1), token.slice(0, 16), `${token}x`, '', token.toUpperCase(), `${token}\u0000`]) {
      expect(secretsEqual(wrong, token)).toBe(false);
    }
    // timingSafeEqual itself throws on inputs of different lengths; comparing digests never does.
    expect(() => secretsEqual('a', 'a much longer secret than the given one')).not.toThrow();
    expect(secretsEqual('Đắk Tô', 'Đắk Tô')).toBe(true);
    expect(secretsEqual('Đắk Tô', 'Dak To')).toBe(false);
  });

  describe('over HTTP', async () => {
    const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });

    it('a session write with a CSRF token that is wrong, shorter, longer or missing gets 403 and changes nothing; the right one is taken', async () => {
      const signIn = await t.raw.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
      const before = await t.services.accounts.tokens();
      const create = (token: string | undefined) =>
        t.raw.request('/api/admin/tokens', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie, ...(token === undefined ? {} : { 'X-CSRF-Token': token }) },
          body: JSON.stringify({ name: 'probe', username: 'viettel' }),
        });
      for (const token of [csrfToken.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')), csrfToken.slice(0, -4), `${csrfToken}AAAA`, csrfToken.repeat(40), '', undefined]) {
        const refused = await create(token);
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error).toMatchObject({ code: expect.any(String) });
      }
      expect(await t.services.accounts.tokens()).toEqual(before);
      expect((await create(csrfToken)).status).toBe(201);
      expect(await t.services.accounts.tokens()).toHaveLength(before.length + 1);
    });

    it('an alarm with a wrong, truncated, lengthened or unprefixed signature gets 401 and files no incident', async () => {
      const viettel = (await t.services.accounts.users()).find((user) => user.username === 'viettel')!;
      const system = await t.services.accounts.createToken(viettel.userId, 'Viettel anti-theft');
      const body = JSON.stringify({ alarmId: 'CT-1', siteCode: 'VTL-KTM-001', raisedAt: '2026-11-28T07:59:30.000Z', kind: 'door', sequence: 1 });
      const timestamp = String(Math.floor(Date.parse('2026-11-28T08:00:00Z') / 1000));
      const right = signAlarm(system.signingSecret, timestamp, body);
      const send = (signature: string) =>
        t.raw.request('/api/alarms', { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${system.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signature } });
      const incidents = async () => (await t.features.query('incidents', { filters: [], limit: 10_000, offset: 0 })).numberMatched;
      const count = await incidents();
      const wrongSecret = signAlarm(`${system.signingSecret}x`, timestamp, body);
      for (const signature of [wrongSecret, right.slice(0, -1), `${right}0`, right.slice('sha256='.length), right.toUpperCase()]) {
        const refused = await send(signature);
        expect(refused.status).toBe(401);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BadSignature');
      }
      expect(await incidents()).toBe(count);
      expect((await send(right)).status).toBe(201);
      expect(await incidents()).toBe(count + 1);
    });
  });
});
