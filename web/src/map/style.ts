import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { SOURCE_IDS } from './layer-ids.ts';
import { baseLayers, labelLayers } from './base-layers.ts';
import { thematicLayers } from './thematic-layers.ts';
import { analysisLayers } from './analysis-layers.ts';
import { fibreBreakLayers, impactLayer, liveAlarmLayer } from './live-layers.ts';
import { evidenceLayers, registerLayers, selectionLayers } from './overlay-layers.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function geojson(cluster = false): SourceSpecification {
  return {
    type: 'geojson', data: EMPTY,
    ...(cluster ? { cluster: true, clusterMaxZoom: 11, clusterRadius: 45 } : {}),
  };
}

/**
 * The whole map style: offline basemap, thematic layers and labels, all with empty sources that the map
 * component fills with `setData`.
 * @param origin page origin, e.g. `http://127.0.0.1:8787`; glyphs are served by the app itself
 */
export function buildStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'NetGuard',
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    // Built from Maki (CC0) by scripts/build-sprite.ts; MapLibre picks sprite@2x on high-density screens.
    sprite: `${origin}/sprite/sprite`,
    sources: {
      [SOURCE_IDS.adminAreas]: geojson(),
      [SOURCE_IDS.roads]: geojson(),
      [SOURCE_IDS.keyTargets]: geojson(),
      [SOURCE_IDS.cableRoutes]: geojson(),
      [SOURCE_IDS.facilities]: geojson(),
      [SOURCE_IDS.btsSites]: geojson(true),
      [SOURCE_IDS.scrapDealers]: geojson(),
      [SOURCE_IDS.serviceAgents]: geojson(),
      [SOURCE_IDS.incidents]: geojson(),
      [SOURCE_IDS.policeStations]: geojson(),
      [SOURCE_IDS.analysisCells]: geojson(),
      [SOURCE_IDS.analysisClusters]: geojson(),
      [SOURCE_IDS.analysisStretches]: geojson(),
      [SOURCE_IDS.analysisTrends]: geojson(),
      [SOURCE_IDS.analysisForecast]: geojson(),
      [SOURCE_IDS.planRoutes]: geojson(),
      [SOURCE_IDS.planStops]: geojson(),
      [SOURCE_IDS.liveAlarms]: geojson(),
      [SOURCE_IDS.impact]: geojson(),
      [SOURCE_IDS.fibreBreak]: geojson(),
      [SOURCE_IDS.register]: geojson(),
      [SOURCE_IDS.selection]: geojson(),
      [SOURCE_IDS.evidence]: geojson(),
    },
    layers: [
      ...baseLayers(), ...analysisLayers('below'), ...selectionLayers(), ...evidenceLayers(), ...thematicLayers(), ...analysisLayers('above'),
      impactLayer(), ...fibreBreakLayers(), ...registerLayers(), liveAlarmLayer(), ...labelLayers(),
    ],
  };
}
