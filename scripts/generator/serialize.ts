import type { DemoCollection } from './types.ts';

/**
 * One collection as RFC 7946 GeoJSON text. Features are built with a fixed key order, so the same dataset always
 * gives the same bytes.
 */
export function serializeCollection(collection: DemoCollection): string {
  return `${JSON.stringify(collection)}\n`;
}
