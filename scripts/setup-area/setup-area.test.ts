import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../generator/index.ts';
import { PROVINCE_SCALE } from '../generator/options.ts';

/**
 * A second area made from the shared real geodata: the communes of the former districts Ngọc Hồi (611) and Đắk Tô
 * (612) as if they were a province, written by GDAL as a GeoPackage in UTM zone 48N with Vietnamese column names —
 * the shape official boundary files come in.
 */
// The repository's copy of the shared real geodata (data/kontum, see its SOURCES.md).
const SHARED = fileURLToPath(new URL('../../data/kontum', import.meta.url));
const sharedCommunes = JSON.parse(readFileSync(join(SHARED, 'communes-2025.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const sharedRoads = JSON.parse(readFileSync(join(SHARED, 'roads-national-osm.geojson'), 'utf8')) as FeatureCollection;
const chosen = sharedCommunes.features.filter((commune) => ['611', '612'].includes(String(commune.properties!.former_district_code)));
const outline = turf.union(turf.featureCollection(chosen))!;

let work: string;
const run = (args: string[]) => spawnSync('npx', ['tsx', 'scripts/setup-area.ts', ...args], { encoding: 'utf8' });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'netguard-area-'));
  execFileSync('ogr2ogr', [
    '-f', 'GPKG', '-t_srs', 'EPSG:32648', '-nln', 'xa_phuong',
    '-sql', "SELECT code AS ma_xa, name_vi AS ten_xa, type AS loai, former_district_code AS ma_huyen_cu, former_district_vi AS ten_huyen_cu FROM \"communes-2025\" WHERE former_district_code IN ('611', '612')",
    join(work, 'bac-kon-tum.gpkg'), join(SHARED, 'communes-2025.geojson'),
  ]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run setup-area', () => {
  it('prepares a second area from a GeoPackage in UTM with mapped columns, and the demo generates inside it', () => {
    const out = join(work, 'area');
    const result = run([
      '--boundaries', join(work, 'bac-kon-tum.gpkg'), '--name', 'Bắc Kon Tum', '--province', 'Quảng Ngãi',
      '--columns', 'code=ma_xa,name=ten_xa,type=loai,districtCode=ma_huyen_cu,district=ten_huyen_cu',
      '--roads', join(SHARED, 'roads-national-osm.geojson'), '--out', out, '--basemap-out', join(work, 'basemap'),
      '--attribution', 'Vietnamese Provinces Database (MIT); vnmap (MIT)',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('6 communes and wards in 2 former district group(s)');

    // The communes are the shared ones, back in lon/lat: same codes, same names, same areas within 0.1 %.
    const communes = JSON.parse(readFileSync(join(out, 'communes.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    expect(communes.features.map((commune) => commune.properties!.code).sort()).toEqual(chosen.map((commune) => commune.properties!.code).sort());
    for (const commune of communes.features) {
      const original = chosen.find((candidate) => candidate.properties!.code === commune.properties!.code)!;
      expect(commune.properties!.name_vi).toBe(original.properties!.name_vi);
      expect(commune.properties!.type).toBe(original.properties!.type);
      expect(Math.abs(turf.area(commune) / turf.area(original) - 1)).toBeLessThan(0.001);
    }
    // Roads: exactly those of the national set that cross the two districts (brute force over the shared file).
    const roads = JSON.parse(readFileSync(join(out, 'roads.geojson'), 'utf8')) as FeatureCollection;
    const crossing = sharedRoads.features.filter((road) => chosen.some((commune) => turf.booleanIntersects(road, commune)));
    expect(roads.features.map((road) => road.properties!.osm_id).sort()).toEqual(crossing.map((road) => road.properties!.osm_id).sort());
    expect(crossing.length).toBeGreaterThan(5);

    // Today's organisations of the province it names.
    const area = JSON.parse(readFileSync(join(out, 'area.json'), 'utf8'));
    expect(area.organisations.department.name).toBe('Sở Khoa học và Công nghệ tỉnh Quảng Ngãi');
    expect(area.organisations.police.name).toBe('Công an tỉnh Quảng Ngãi');

    // The basemap is rebuilt for it: the area outline, 2 former districts and 6 communes.
    const basemap = JSON.parse(readFileSync(join(work, 'basemap', 'admin_areas.geojson'), 'utf8')) as FeatureCollection;
    expect(basemap.features.map((feature) => feature.properties!.level)).toEqual(['province', 'district', 'district', ...Array(6).fill('commune')]);
    expect(basemap.features[0].properties!.name).toBe('Bắc Kon Tum');

    // The demo generator runs on it: every point inside the two districts, sizes by land area.
    const dataset = generateDemo({ area: out });
    const ratio = turf.area(outline) / 1e6 / 9677;
    expect(dataset.bts_sites.features.length).toBeGreaterThan(PROVINCE_SCALE.btsSites * ratio * 0.9);
    expect(dataset.bts_sites.features.length).toBeLessThanOrEqual(Math.round(PROVINCE_SCALE.btsSites * ratio));
    for (const id of ['bts_sites', 'facilities', 'scrap_dealers', 'service_agents', 'police_stations', 'incidents'] as const) {
      const points = dataset[id].features as Feature<Point>[];
      expect(points.length, id).toBeGreaterThan(0);
      const outside = points.filter((point) => !turf.booleanPointInPolygon(point, outline));
      expect(outside.length, `${id} outside the area`).toBe(0);
    }
    expect(dataset.key_targets.features[0].properties.proposed_by).toBe('Công an tỉnh Quảng Ngãi');
  });

  it('refuses a boundary file without the mapped code column, naming it, and writes nothing', () => {
    const out = join(work, 'refused');
    const result = run(['--boundaries', join(work, 'bac-kon-tum.gpkg'), '--name', 'Thử', '--columns', 'code=ma_dvhc,name=ten_xa', '--out', out, '--basemap-out', join(work, 'refused-basemap')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('features[0].properties.ma_dvhc: missing (the commune code)');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(work, 'refused-basemap'))).toBe(false);
  });
});
