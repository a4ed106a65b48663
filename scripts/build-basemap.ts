/**
 * Writes the real base geography (admin areas, national roads; see data/kontum/SOURCES.md) of the deployment's area
 * (NETGUARD_AREA, default data/kontum) as static GeoJSON into web/public/basemap/, so every page — the public hotline
 * page included — draws the area offline without reading any API collection, and as one PMTiles archive of vector
 * tiles that the field app keeps on the phone. Skips the work when the outputs are newer than the sources and were
 * built from the same area; `--force` rebuilds.
 */
import { areaDirectory } from '../server/deployment/area.ts';
import { writeBasemap } from './basemap.ts';

console.log(writeBasemap(areaDirectory(), 'web/public/basemap', process.argv.includes('--force')));
