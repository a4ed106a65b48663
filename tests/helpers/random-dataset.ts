import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { COLLECTIONS } from '../../server/collections/registry.ts';
import type { CollectionDef, PropertyDef } from '../../server/collections/types.ts';
import { createRng } from '../../server/analysis/prng/index.ts';

/** A seeded uniform [0, 1) stream from the project's PRNG, so tests and benchmarks see the same data on every run. */
export const createPrng = (seed: number): (() => number) => createRng(seed).next;

/** Kon Tum's rough bounding box, so random data looks like the real thing. */
export const AREA = { minx: 107.3, miny: 13.9, maxx: 108.6, maxy: 15.4 };
const NAMES = ['Đắk Glei', 'Đăk Pék', 'Ia H’ Drai', 'Kon Plông', 'Sa Thầy', 'Ngọc Hồi', 'Đắk Tô', 'Bờ Y'];

function randomValue(random: () => number, def: PropertyDef, index: number): unknown {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  if (def.values && def.type === 'text') return pick(def.values);
  switch (def.type) {
    case 'text':
      return `${pick(NAMES)} ${index}`;
    case 'integer':
      return Math.floor(random() * 1000);
    case 'real':
      return Math.round(random() * 100_000) / 100;
    case 'boolean':
      return random() < 0.5;
    case 'date':
      return new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000 * 86_400) * 1000).toISOString();
    case 'text[]': {
      const values = def.values ?? ['a'];
      const chosen = values.filter(() => random() < 0.5);
      // A required list holds at least one value, as the registry's check asks.
      return def.required && chosen.length === 0 ? [pick(values)] : chosen;
    }
  }
}

function randomGeometry(random: () => number, kind: CollectionDef['geometry']): Geometry {
  const point = (): Position => [AREA.minx + random() * (AREA.maxx - AREA.minx), AREA.miny + random() * (AREA.maxy - AREA.miny)];
  if (kind === 'Point') return { type: 'Point', coordinates: point() };
  const [x, y] = point();
  const step = (): number => (random() - 0.5) * 0.2;
  if (kind === 'Line') return { type: 'LineString', coordinates: [[x, y], [x + step(), y + step()], [x + step(), y + step()]] };
  const width = random() * 0.1;
  const height = random() * 0.1;
  return { type: 'Polygon', coordinates: [[[x, y], [x + width, y], [x + width, y + height], [x, y + height], [x, y]]] };
}

/** A random, registry-valid feature of `collection` with id `id`. */
export function randomFeature(random: () => number, collection: CollectionDef, id: number): Feature {
  const properties = Object.fromEntries(collection.properties.map((def) => [def.name, randomValue(random, def, id)]));
  return { type: 'Feature', id, geometry: randomGeometry(random, collection.geometry), properties };
}

/** A dataset with `count` random features in every registry collection (or only those in `only`), ids 1..count. */
export function randomDataset(seed: number, count: number, only?: readonly string[]): Record<string, FeatureCollection> {
  const random = createPrng(seed);
  return Object.fromEntries(
    COLLECTIONS.filter((collection) => !only || only.includes(collection.id)).map((collection) => [
      collection.id,
      { type: 'FeatureCollection', features: Array.from({ length: count }, (_, index) => randomFeature(random, collection, index + 1)) },
    ]),
  );
}
