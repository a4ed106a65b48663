import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';

/** One fixture: its file name and the parsed input, whose top-level `properties` carry the options. */
export type FixtureCase = { name: string; input: FeatureCollection & { properties?: Record<string, unknown> } };

/** Reads `<folder>/fixtures/in/*.geojson`, sorted by name. */
export function fixtureCases(folder: string): FixtureCase[] {
  const inDir = join(folder, 'fixtures', 'in');
  return readdirSync(inDir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((name) => ({ name, input: JSON.parse(readFileSync(join(inDir, name), 'utf8')) }));
}

/** Rounds every number to 6 decimals (turf `truncate` precision), recursively. */
export function roundTo6dp<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
}

/**
 * Compares `actual` (rounded to 6 dp) with `<folder>/fixtures/out/<name>`; with `UPDATE=1` writes
 * it first. Returns the expected and actual values to compare; throws when the output is missing.
 */
export function fixtureOutput(folder: string, name: string, actual: unknown): { expected: unknown; actual: unknown } {
  const outPath = join(folder, 'fixtures', 'out', name);
  const rounded = roundTo6dp(actual);
  if (process.env.UPDATE === '1') writeFileSync(outPath, `${JSON.stringify(rounded, null, 2)}\n`);
  if (!existsSync(outPath)) throw new Error(`${outPath} is missing: run the tests with UPDATE=1`);
  return { expected: JSON.parse(readFileSync(outPath, 'utf8')), actual: rounded };
}
