import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

/** The CSP as a map of directive → sources. */
const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...sources]) => [name, sources]));

describe('security headers', async () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'netguard-headers-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>NetGuard</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  const t = await createTestApp({}, { webRoot });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  const pages = ['/', '/bao-tin', '/assets/app.js', '/api', '/api/conformance', '/api/collections', '/api/nothing', '/api/collections/incidents/items?bbox=nonsense'];

  it('every page, asset, API answer and error carries nosniff, no framing and no referrer', async () => {
    for (const path of pages) {
      const response = await t.as('public').request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(directives(response.headers.get('content-security-policy') ?? '').get('frame-ancestors'), path).toEqual(["'none'"]);
    }
  });

  it('the CSP admits only this origin (plus blob: workers and data:/blob: images) and no inline or eval’d script', async () => {
    const policy = directives((await t.as('public').request('/')).headers.get('content-security-policy')!);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const sources of policy.values()) {
      for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) expect(sources).not.toContain(unsafe);
    }
  });
});
