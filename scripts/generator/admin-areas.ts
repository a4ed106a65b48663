import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { districtName, type BaseData, type CommuneProps } from './base.ts';
import { roundLine } from './geo.ts';
import type { DemoProperties } from './types.ts';

/**
 * The communes are generalised to 100 m independently, so their union leaves slivers between neighbours
 * (holes of up to ~0.07 km²) and tiny islands. No district or the province has a real hole or island of this size.
 */
const MIN_RING_M2 = 1_000_000;

type AreaFeature = Feature<Polygon | MultiPolygon, DemoProperties>;

const ringArea = (ring: Position[]): number => turf.area(turf.polygon([ring]));

/** Drops union artefacts (holes and islands under 1 km²) and rounds to 6 dp. */
export function cleanPolygon(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons
    .filter((rings) => ringArea(rings[0]) >= MIN_RING_M2)
    .map((rings) => [rings[0], ...rings.slice(1).filter((ring) => ringArea(ring) >= MIN_RING_M2)].map(roundLine));
  if (kept.length === 0) throw new Error('geometry must have a part of at least 1 km²');
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

function unionOf(features: Feature<Polygon | MultiPolygon>[]): Polygon | MultiPolygon {
  const merged = turf.union(turf.featureCollection(features));
  if (!merged) throw new Error('features must not be empty');
  return cleanPolygon(merged.geometry);
}

/** English name without diacritics: "Đắk Glei" → "Dak Glei". */
export function asciiName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * The area (union of the communes; for Kon Tum code '62' of the former province), its former districts (communes
 * dissolved by former_district_code; for Kon Tum 10) and its communes and wards (40), in that order.
 */
export function buildAdminAreas(base: BaseData): AreaFeature[] {
  const communes = [...base.communes.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const byDistrict = new Map<string, Feature<Polygon | MultiPolygon, CommuneProps>[]>();
  for (const commune of communes) {
    const code = commune.properties.former_district_code;
    byDistrict.set(code, [...(byDistrict.get(code) ?? []), commune]);
  }
  const districts: AreaFeature[] = [...byDistrict.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, members]) => {
      const name = districtName(members[0].properties.former_district_vi);
      const isCity = name.startsWith('Thành phố');
      const properties: DemoProperties = {
        level: 'district', code, name,
        name_en: isCity ? `${asciiName(name.replace('Thành phố ', ''))} City` : asciiName(name),
        unit_type: isCity ? 'city' : 'district', district_code: code, district_name: name,
      };
      return { type: 'Feature', properties, geometry: unionOf(members) };
    });
  const province: AreaFeature = {
    type: 'Feature',
    properties: { level: 'province', code: base.area.code, name: base.area.name, name_en: base.area.nameEn, unit_type: 'province', district_code: null, district_name: null },
    geometry: unionOf(districts),
  };
  const communeAreas: AreaFeature[] = communes.map((commune) => {
    const props = commune.properties;
    const properties: DemoProperties = {
      level: 'commune', code: props.code, name: props.name_vi.normalize('NFC'), name_en: props.name_en,
      unit_type: props.type, district_code: props.former_district_code, district_name: districtName(props.former_district_vi),
    };
    return { type: 'Feature', properties, geometry: cleanPolygon(commune.geometry) };
  });
  return [province, ...districts, ...communeAreas];
}
