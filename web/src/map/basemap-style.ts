import type { StyleSpecification } from 'maplibre-gl';
import { baseLayers, labelLayers } from './base-layers.ts';
import { SOURCE_IDS } from './layer-ids.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The basemap alone (admin areas and national roads, labelled), for the public hotline: the same layers as the
 * app's basemap, with empty GeoJSON sources the page fills from its static basemap files.
 * @param origin page origin; glyphs are served by the app itself
 */
export function buildBasemapStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'NetGuard basemap',
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: { [SOURCE_IDS.adminAreas]: { type: 'geojson', data: EMPTY }, [SOURCE_IDS.roads]: { type: 'geojson', data: EMPTY } },
    layers: [...baseLayers(), ...labelLayers()],
  };
}
