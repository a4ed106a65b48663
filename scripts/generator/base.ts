import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

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
  communes: FeatureCollection<Polygon | MultiPolygon, CommuneProps>;
  centres: FeatureCollection<Point, CommuneProps>;
  roads: FeatureCollection<LineString | MultiLineString, RoadProps>;
};

const dataDirectory = new URL('../../data/kontum/', import.meta.url);
let cached: BaseData | undefined;

function readGeoJson<T>(fileName: string): T {
  return JSON.parse(readFileSync(new URL(fileName, dataDirectory), 'utf8')) as T;
}

/** Reads the real Kon Tum geography copied into data/kontum (see data/kontum/SOURCES.md); read once per process. */
export function loadBase(): BaseData {
  cached ??= {
    communes: readGeoJson('communes-2025.geojson'),
    centres: readGeoJson('commune-centres-2025.geojson'),
    roads: readGeoJson('roads-national-osm.geojson'),
  };
  return cached;
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
