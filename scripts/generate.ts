import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as turf from '@turf/turf';
import { DEFAULT_SEED, generateDemoWithClusters } from './generator/index.ts';
import { serializeCollection } from './generator/serialize.ts';

/** `npm run generate -- --seed 20250701 --out data/demo`: writes the demo dataset as one GeoJSON file per collection. */
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    scale: { type: 'string', default: 'province' },
    out: { type: 'string', default: 'data/demo' },
  },
});
if (values.scale !== 'province') throw new Error(`scale must be 'province' (got '${values.scale}')`);
const seed = Number(values.seed);
const started = performance.now();
const { dataset, clusters } = generateDemoWithClusters({ seed });
const elapsedMs = performance.now() - started;
mkdirSync(values.out, { recursive: true });
const rows = Object.entries(dataset).map(([id, collection]) => {
  writeFileSync(join(values.out, `${id}.geojson`), serializeCollection(collection));
  return { collection: id, features: collection.features.length };
});
const cableKm = dataset.cable_routes.features.reduce((sum, feature) => sum + turf.length(feature), 0);
console.table(rows);
console.log(`cable routes: ${cableKm.toFixed(0)} km; planted clusters: ${clusters.map((c) => c.id + '@' + c.centre.join(',')).join(' ')}`);
console.log(`seed ${seed}: generated in ${elapsedMs.toFixed(0)} ms, written to ${values.out}/`);
