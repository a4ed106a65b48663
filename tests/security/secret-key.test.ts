import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, productionEnv, startServer } from '../helpers/server-process.ts';

const directory = mkdtempSync(join(tmpdir(), 'netguard-secret-key-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `server/main.ts` as `npm run serve` does, with `env` over this environment without any secret key; resolves with its exit. */
async function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { NETGUARD_SECRET_KEY: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...inherited, PORT: String(await freePort()), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(killer);
  return { code, output };
}

describe('a production start needs its secret key', () => {
  it('NETGUARD_SEED=none without NETGUARD_SECRET_KEY refuses to start, says what to set, and writes nothing', async () => {
    const databasePath = join(directory, 'production', 'netguard.sqlite');
    const { code, output } = await run({ NETGUARD_SEED: 'none', NETGUARD_DB: databasePath });
    expect(code).toBe(1);
    expect(output).toMatch(/NETGUARD_SECRET_KEY/);
    expect(output).toMatch(/openssl rand -base64 32/);
    expect(output).not.toMatch(/listening/);
    // Neither a database nor a key file beside it, which would end up in the database's backups.
    expect(existsSync(databasePath)).toBe(false);
    expect(existsSync(`${databasePath}.key`)).toBe(false);
  }, 90_000);

  it('with NETGUARD_SECRET_KEY the same start serves, and keeps no key file beside the database', async () => {
    const databasePath = join(directory, 'with-key', 'netguard.sqlite');
    const server = await startServer({ databasePath, env: productionEnv() });
    try {
      expect((await fetch(`${server.url}/api`)).status).toBe(200);
      expect(readdirSync(join(directory, 'with-key')).filter((name) => name.endsWith('.key'))).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
