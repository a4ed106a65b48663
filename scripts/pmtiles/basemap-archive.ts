import type { FeatureCollection } from 'geojson';
import { ADMIN_ATTRIBUTION, OSM_ATTRIBUTION } from '../../server/collections/attribution.ts';
import { areaBounds } from '../../server/deployment/area-bounds.ts';
import { vectorTiles } from './vector-tiles.ts';
import { writeArchive } from './write-archive.ts';

/** Zooms of the offline basemap: the province whole at 7, streets at 14; MapLibre overzooms past it. */
export const BASEMAP_ZOOMS = { min: 5, max: 14 } as const;

/**
 * The province basemap as one PMTiles archive for the field app to keep on the phone: the admin areas and national
 * roads, one vector layer each named after its collection (the same names as the app's GeoJSON sources).
 */
export function basemapArchive(layers: { admin_areas: FeatureCollection; roads: FeatureCollection }): Uint8Array {
  // The area's own extent (whichever area the build serves), as the app's maps start on it.
  const bounds = areaBounds(layers.admin_areas);
  const [west, south, east, north] = bounds;
  const tiles = vectorTiles(layers, bounds, BASEMAP_ZOOMS.min, BASEMAP_ZOOMS.max);
  return writeArchive(tiles, {
    bounds: [west, south, east, north], center: [(west + east) / 2, (south + north) / 2, 8],
    metadata: {
      name: 'NetGuard Kon Tum basemap', attribution: `${ADMIN_ATTRIBUTION}; ${OSM_ATTRIBUTION}`,
      vector_layers: Object.keys(layers).map((id) => ({ id, minzoom: BASEMAP_ZOOMS.min, maxzoom: BASEMAP_ZOOMS.max, fields: {} })),
    },
  });
}
