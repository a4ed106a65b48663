import { createHash } from 'node:crypto';
import type { Feature } from 'geojson';

/** JSON with object keys sorted, so two providers that return the same feature in another key order agree. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A stored feature's version as a strong entity tag: a digest of its geometry and properties. Any change to the
 * stored feature changes it; it needs no column, so every provider computes the same tag for the same feature, and a
 * feature restored exactly as it was has its old tag again (a client holding it has seen exactly that state).
 */
export function featureTag(feature: Pick<Feature, 'geometry' | 'properties'>): string {
  return contentTag({ geometry: feature.geometry, properties: feature.properties });
}

/** A strong entity tag of a JSON value's content (key order aside): the version of a record without a version column. */
export function contentTag(value: unknown): string {
  return `"${createHash('sha256').update(canonical(value)).digest('base64url').slice(0, 27)}"`;
}

/**
 * The entity tags of an `If-Match` or `If-None-Match` field (RFC 9110 §13.1), `'*'` for any; undefined when absent.
 * Our weak tags (`W/"…"`) come only from compression (`compression.ts`) of the same bytes, so they are read as the tag
 * they wrap.
 */
export function conditionTags(field: string | undefined): '*' | string[] | undefined {
  if (field === undefined || field.trim() === '') return undefined;
  if (field.trim() === '*') return '*';
  return [...field.matchAll(/(?:W\/)?("[^"]*")/g)].map(([, tag]) => tag);
}

/** Whether a condition's tags name the current tag (`*` names any existing representation). */
export const tagMatches = (tags: '*' | string[], current: string) => tags === '*' || tags.includes(current);
