import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const THIS_FILE = relative(ROOT, import.meta.filename);

/** Every TypeScript file under `directory` (relative to the repository), skipping dependencies and build output. */
function sources(directory: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(join(ROOT, path))) {
      if (name === 'node_modules' || name === 'dist') continue;
      const child = join(path, name);
      if (statSync(join(ROOT, child)).isDirectory()) walk(child);
      else if (/\.tsx?$/.test(name)) found.push(child);
    }
  };
  walk(directory);
  return found;
}

const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
/** The repository paths a file imports (relative specifiers resolved), and the packages it imports. */
function imports(file: string): string[] {
  return [...text(file).matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\s*\(?\s*'([^']+)'/g)].map(([, from, bare]) => {
    const specifier = from ?? bare;
    return specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : specifier;
  });
}

const ALL = [...sources('server'), ...sources('scripts'), ...sources('tests'), ...sources('web')].filter((file) => file !== THIS_FILE);
const SERVER = sources('server').filter((file) => !isTest(file));

describe('the storage seam (issue 12)', () => {
  it('keeps better-sqlite3 and every prepared statement inside server/storage/', () => {
    const leaks = ALL.filter((file) => !file.startsWith('server/storage/'))
      .filter((file) => imports(file).includes('better-sqlite3') || /\.prepare\(/.test(text(file)));
    expect(leaks).toEqual([]);
  });

  it('keeps the PostgreSQL client (pg, pg-cursor, pg-copy-streams) inside server/storage/postgres/', () => {
    const leaks = ALL.filter((file) => !file.startsWith('server/storage/postgres/'))
      .filter((file) => imports(file).some((path) => path === 'pg' || path.startsWith('pg/') || path === 'pg-cursor' || path === 'pg-copy-streams'));
    expect(leaks).toEqual([]);
  });

  it('opens transactions only through storage.transaction, never on a database handle, outside server/storage/', () => {
    // `storage.transaction(async (tx) => …)` is the unit of work; a handle's own `.transaction(`, `.exec(` with SQL or
    // `.pragma(` would bypass its serialisation and every provider but SQLite.
    const handleCalls = /(?<!storage)\.transaction\(|\.pragma\(|\.exec\(\s*[`'"]\s*(?:BEGIN|COMMIT|ROLLBACK|SAVEPOINT|CREATE|INSERT|UPDATE|DELETE|PRAGMA)/i;
    const leaks = ALL.filter((file) => !file.startsWith('server/storage/')).filter((file) => handleCalls.test(text(file)));
    expect(leaks).toEqual([]);
  });

  it('lets routes and services reach storage only through its interfaces, never a provider folder', () => {
    const leaks = SERVER.filter((file) => !file.startsWith('server/storage/')).filter((file) => imports(file).some((path) => path.startsWith('server/storage/sqlite/')));
    expect(leaks).toEqual([]);
  });

  it('makes storage depend on no capability: only the registry, geometry, text helpers, errors and the thread pool', () => {
    const allowed = (path: string) => !path.startsWith('server/') || ['server/storage/', 'server/collections/', 'server/geometry/', 'server/text/', 'server/errors.ts', 'server/threads/'].some((prefix) => path.startsWith(prefix));
    const leaks = SERVER.filter((file) => file.startsWith('server/storage/')).flatMap((file) => imports(file).filter((path) => !allowed(path)).map((path) => `${file} → ${path}`));
    expect(leaks).toEqual([]);
  });

  it('keeps scripts/ out of the server: only main.ts, the composition root, hands the demo seed in', () => {
    const leaks = SERVER.filter((file) => file !== 'server/main.ts').filter((file) => imports(file).some((path) => path.startsWith('scripts/')));
    expect(leaks).toEqual([]);
  });

});
