import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Principal } from '../auth/principal.ts';
import { findCollection } from '../collections/registry.ts';
import { checkAsset } from '../editing/asset-check.ts';
import { parseImport, type ImportFormat, type Parsed } from './parse.ts';

export const MAX_FEATURES = 50_000;

export type Listed = Parsed['problems'][number];
export type CheckedImport = {
  problems: Listed[];
  ready: Feature[];
  /** Site codes in the file with the index of the feature carrying each (bts_sites only). */
  codes: [string, number][];
  /** Where each candidate came from, for problems found later against the store. */
  places: { index: number; row?: number; at: string }[];
};

/**
 * Parses an import file and checks every feature against its collection, the caller's ownership and the province,
 * listing every problem with its feature index or CSV row. Pure and slow for big files (up to 50,000 features), so it
 * runs in the work pool; what needs the store (site codes already in use) is checked by the caller afterwards.
 */
export function checkImport(input: { format: ImportFormat; bytes: Uint8Array; collectionId: string; principal: Principal; province: Feature<Polygon | MultiPolygon> | undefined }): CheckedImport {
  const collection = findCollection(input.collectionId)!;
  const parsed = parseImport(input.format, input.bytes, collection);
  const problems: Listed[] = [...parsed.problems];
  if (parsed.candidates.length > MAX_FEATURES) problems.push({ path: '(file)', message: `at most ${MAX_FEATURES} features per import` });
  if (parsed.candidates.length === 0 && problems.length === 0) problems.push({ path: '(file)', message: 'the file holds no features' });
  const ready: Feature[] = [];
  const codes = new Map<string, number>();
  for (const candidate of problems.length ? [] : parsed.candidates) {
    const where = { index: candidate.index, ...(candidate.row ? { row: candidate.row } : {}) };
    const check = checkAsset(collection, candidate.feature, input.principal, input.province, candidate.at);
    problems.push(...check.problems.map((problem) => ({ ...where, ...problem })));
    if (check.problems.length === 0 && check.foreignOwner) problems.push({ ...where, path: `${candidate.at}properties.owner`, message: 'a carrier imports only its own assets' });
    const code = check.feature?.properties?.site_code;
    if (collection.id === 'bts_sites' && typeof code === 'string') {
      if (codes.has(code)) problems.push({ ...where, path: `${candidate.at}properties.site_code`, message: `duplicate of feature ${codes.get(code)! + 1} in this file` });
      codes.set(code, candidate.index);
    }
    if (check.feature) ready.push(check.feature);
  }
  const places = parsed.candidates.map((candidate) => ({ index: candidate.index, ...(candidate.row ? { row: candidate.row } : {}), at: candidate.at }));
  return { problems, ready, codes: [...codes], places };
}
