import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FeatureStore } from '../storage/features.ts';

type Area = { code: string; name: string; bbox: number[]; feature: Feature<Polygon | MultiPolygon> };

/**
 * The province's communes and former districts, read once per request: which commune holds a point (for register
 * rows and exports), the district names, and the incidents inside one commune (for the commune filter).
 */
export async function placeIndex(features: FeatureStore) {
  const areas = async (level: string): Promise<Area[]> => (await features.query('admin_areas', { filters: [{ property: 'level', value: level }], limit: 10_000, offset: 0 })).features
    .map((area) => ({ code: String(area.properties.code), name: String(area.properties.name), bbox: turfBbox(area), feature: area as Feature<Polygon | MultiPolygon> }));
  const communes = await areas('commune');
  const districts = new Map((await areas('district')).map((area) => [area.code, area.name]));
  return {
    communes,
    districtName: (code: string | null): string | null => (code === null ? null : districts.get(code) ?? code),
    communeAt(lon: number, lat: number): Area | undefined {
      return communes.find((area) => lon >= area.bbox[0] && lon <= area.bbox[2] && lat >= area.bbox[1] && lat <= area.bbox[3] && booleanPointInPolygon([lon, lat], area.feature));
    },
    /** Ids of the incidents inside the commune: R*Tree candidates under its bbox, then the exact polygon test. */
    async incidentsIn(code: string): Promise<number[] | undefined> {
      const commune = communes.find((area) => area.code === code);
      if (!commune) return undefined;
      const [minx, miny, maxx, maxy] = commune.bbox;
      return (await features.query('incidents', { bbox: [minx, miny, maxx, maxy], filters: [], limit: 1_000_000, offset: 0 })).features
        .filter((incident) => booleanPointInPolygon(incident.geometry as { type: 'Point'; coordinates: number[] }, commune.feature))
        .map((incident) => incident.id);
    },
  };
}

export type PlaceIndex = Awaited<ReturnType<typeof placeIndex>>;
