import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { checkAreaConfig, type AreaConfig } from '../../server/deployment/area.ts';
import type { CommuneProps, RoadProps } from '../generator/base.ts';
import { asciiName } from '../generator/admin-areas.ts';
import { areaBounds } from '../../server/deployment/area-bounds.ts';

/** Which column of the boundary file holds each commune property; absent district columns make one group. */
export type ColumnMapping = { code: string; name: string; type?: string; districtCode?: string; district?: string };
export const DEFAULT_COLUMNS: ColumnMapping = { code: 'code', name: 'name_vi', type: 'type', districtCode: 'former_district_code', district: 'former_district_vi' };

export type SetupOptions = {
  /** The area's name ("Bắc Kon Tum"); the province today defaults to it. */
  name: string;
  province?: string;
  /** Code of the area's outline in admin_areas; default "area". */
  code?: string;
  columns?: Partial<ColumnMapping>;
  /** Commune code of the capital's core ward; default the first ward. */
  capital?: string;
  boundariesAttribution: string;
  roadsAttribution?: string;
};

export type PreparedArea = {
  area: AreaConfig;
  communes: FeatureCollection<Polygon | MultiPolygon, CommuneProps>;
  roads: FeatureCollection<LineString | MultiLineString, RoadProps>;
};

/** A problem with one input feature, e.g. `features[3].properties.ma_xa: missing`. */
export class AreaInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`the boundary file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).normalize('NFC').trim());
/** A ward by its type column, else by its name ("Phường …"). */
const isWard = (type: string, name: string): boolean => /^(ward|phường|phuong)$/iu.test(type) || /^Phường\s/u.test(name);
/** "Phường Duy Tân" → "Duy Tân": the generator adds the unit word itself. */
const bareName = (name: string): string => name.replace(/^(Phường|Xã|Thị trấn|Đặc khu)\s+/u, '');

function communesOf(input: FeatureCollection, columns: ColumnMapping, areaName: string): FeatureCollection<Polygon | MultiPolygon, CommuneProps> {
  const problems: string[] = [];
  const seen = new Set<string>();
  const features = input.features.flatMap((feature, index): Feature<Polygon | MultiPolygon, CommuneProps>[] => {
    const where = `features[${index}]`;
    const properties = feature.properties ?? {};
    if (feature.geometry?.type !== 'Polygon' && feature.geometry?.type !== 'MultiPolygon') {
      problems.push(`${where}.geometry: Polygon or MultiPolygon expected, got ${feature.geometry?.type ?? 'none'}`);
      return [];
    }
    const code = text(properties[columns.code]);
    const rawName = text(properties[columns.name]);
    if (!code) problems.push(`${where}.properties.${columns.code}: missing (the commune code)`);
    else if (seen.has(code)) problems.push(`${where}.properties.${columns.code}: code ${code} appears twice`);
    if (!rawName) problems.push(`${where}.properties.${columns.name}: missing (the commune name)`);
    if (!code || !rawName || seen.has(code)) return [];
    seen.add(code);
    const type = isWard(text(columns.type ? properties[columns.type] : ''), rawName) ? 'ward' : 'commune';
    const name = bareName(rawName);
    const districtCode = text(columns.districtCode ? properties[columns.districtCode] : '') || 'area';
    const district = text(columns.district ? properties[columns.district] : '') || areaName;
    return [{
      type: 'Feature',
      properties: {
        code, name_vi: name, name_en: asciiName(name), type,
        // The pre-2025 unit the code came from is not in official 2025 files: no commune is taken for a former town.
        former_district_code: districtCode, former_district_vi: district, code_was_commune_vi: '',
      },
      geometry: feature.geometry,
    }];
  });
  if (problems.length > 0) throw new AreaInputError(problems);
  return { type: 'FeatureCollection', features: features.sort((a, b) => a.properties.code.localeCompare(b.properties.code)) };
}

/** The roads that cross the area (bbox first, then the communes themselves), with the generator's properties. */
function roadsIn(input: FeatureCollection | undefined, communes: PreparedArea['communes']): PreparedArea['roads'] {
  if (!input) return { type: 'FeatureCollection', features: [] };
  const [west, south, east, north] = turf.bbox(communes);
  const boxes = communes.features.map((commune) => ({ commune, box: turf.bbox(commune) }));
  const features = input.features.flatMap((road, index): Feature<LineString | MultiLineString, RoadProps>[] => {
    if (road.geometry?.type !== 'LineString' && road.geometry?.type !== 'MultiLineString') return [];
    const [w, s, e, n] = turf.bbox(road);
    if (e < west || w > east || n < south || s > north) return [];
    const crosses = boxes.some(({ commune, box }) => !(e < box[0] || w > box[2] || n < box[1] || s > box[3]) && turf.booleanIntersects(road, commune));
    if (!crosses) return [];
    const properties = road.properties ?? {};
    return [{
      type: 'Feature',
      properties: {
        osm_id: text(properties.osm_id ?? properties.id) || `road-${index}`, ref: text(properties.ref) || null,
        name_vi: text(properties.name_vi ?? properties.name) || null, road_class: text(properties.road_class ?? properties.highway) || null,
      },
      geometry: road.geometry,
    }];
  });
  return { type: 'FeatureCollection', features };
}

const slug = (name: string) => asciiName(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Turns official boundary files (and optionally roads) into an area the generator and the server run on: communes
 * with the generator's properties (columns mapped, names NFC, wards told from communes), the roads crossing it, and
 * an area.json naming today's organisations of the province (Sở Khoa học và Công nghệ, Công an tỉnh, UBND tỉnh).
 * @throws AreaInputError listing every bad feature (missing or repeated code, missing name, not a polygon)
 */
export function prepareArea(boundaries: FeatureCollection, roads: FeatureCollection | undefined, options: SetupOptions): PreparedArea {
  const columns = { ...DEFAULT_COLUMNS, ...options.columns };
  const name = options.name.normalize('NFC').trim();
  const province = (options.province ?? name).normalize('NFC').trim();
  const communes = communesOf(boundaries, columns, name);
  const area = checkAreaConfig({
    name, nameEn: asciiName(name), code: options.code ?? slug(name),
    province: { name: province, nameEn: asciiName(province) },
    place: province,
    organisations: {
      department: { name: `Sở Khoa học và Công nghệ tỉnh ${province}`, nameEn: `${asciiName(province)} Department of Science and Technology`, symbol: 'SKHCN' },
      police: { name: `Công an tỉnh ${province}`, nameEn: `${asciiName(province)} Provincial Police`, symbol: 'CAT' },
      committee: { name: `Ủy ban nhân dân tỉnh ${province}`, nameEn: `${asciiName(province)} Provincial People's Committee`, symbol: 'UBND' },
    },
    files: { communes: 'communes.geojson', roads: 'roads.geojson' },
    towns: { ...(options.capital ? { capital: options.capital } : {}), seats: [] },
    attribution: { boundaries: options.boundariesAttribution, ...(options.roadsAttribution ? { roads: options.roadsAttribution } : {}) },
    bounds: areaBounds(communes),
  });
  if (options.capital && !communes.features.some((commune) => commune.properties.code === options.capital)) {
    throw new AreaInputError([`--capital ${options.capital}: no commune has this code`]);
  }
  return { area, communes, roads: roadsIn(roads, communes) };
}

export { slug as areaSlug };
