import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { DEFAULT_AREA_DIRECTORY, readAreaConfig, type AreaConfig } from '../../server/deployment/area.ts';

export type CommuneProps = {
  code: string;
  name_vi: string;
  name_en: string;
  type: 'ward' | 'commune';
  former_district_code: string;
  former_district_vi: string;
  code_was_commune_vi: string;
};
export type RoadProps = { osm_id: string; ref: string | null; name_vi: string | null; road_class: string | null };

export type BaseData = {
  area: AreaConfig;
  communes: FeatureCollection<Polygon | MultiPolygon, CommuneProps>;
  centres: FeatureCollection<Point, CommuneProps>;
  roads: FeatureCollection<LineString | MultiLineString, RoadProps>;
};

const cached = new Map<string, BaseData>();

function readGeoJson<T>(directory: string, fileName: string): T {
  return JSON.parse(readFileSync(join(directory, fileName), 'utf8')) as T;
}

/** A point inside each commune, for areas whose files carry no centres. */
function centresOf(communes: BaseData['communes']): BaseData['centres'] {
  return { type: 'FeatureCollection', features: communes.features.map((commune) => ({ ...pointOnFeature(commune), properties: commune.properties })) };
}

/**
 * Reads an area's real geography (its area.json names the files): by default the former Kon Tum province copied into
 * data/kontum (see data/kontum/SOURCES.md), else a directory made by `npm run setup-area`. Read once per process.
 */
export function loadBase(directory: string = DEFAULT_AREA_DIRECTORY): BaseData {
  const key = resolve(directory);
  let base = cached.get(key);
  if (!base) {
    const area = readAreaConfig(key);
    const communes = readGeoJson<BaseData['communes']>(key, area.files.communes);
    base = {
      area,
      communes,
      centres: area.files.centres ? readGeoJson(key, area.files.centres) : centresOf(communes),
      roads: area.files.roads ? readGeoJson(key, area.files.roads) : { type: 'FeatureCollection', features: [] },
    };
    cached.set(key, base);
  }
  return base;
}

/** "Huyện Đắk Glei" → "Đắk Glei"; the city keeps its "Thành phố" (that is how people name it). */
export function districtName(formerDistrictVi: string): string {
  return formerDistrictVi.replace(/^Huyện\s+/u, '').normalize('NFC');
}

/** The main national-road number of an OSM ref: "QL.14;HCM;CT.02" → "QL14", "QL.24 cũ" → "QL24". */
export function mainRef(ref: string | null): string {
  const first = (ref ?? '').split(';')[0].replace(/\s+cũ$/u, '');
  return first.replace('.', '') || 'road';
}

/** Each road as a list of simple polylines (MultiLineStrings split into their parts). */
export function roadParts(base: BaseData): { ref: string; coordinates: Position[] }[] {
  return base.roads.features.flatMap((road) => {
    const ref = mainRef(road.properties.ref);
    const lines = road.geometry.type === 'LineString' ? [road.geometry.coordinates] : road.geometry.coordinates;
    return lines.filter((line) => line.length >= 2).map((coordinates) => ({ ref, coordinates }));
  });
}
