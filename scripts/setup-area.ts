/**
 * `npm run setup-area -- --boundaries communes.gpkg --name "Quảng Ngãi" [--roads roads.gpkg] [--columns code=ma_xa,name=ten_xa,…]`
 * prepares a deployment for another area from its official boundary files (GeoPackage, GeoJSON, Shapefile or any
 * file GDAL reads): data/areas/<name>/ with area.json, communes.geojson and roads.geojson, and the static basemap
 * rebuilt for it. Then `NETGUARD_AREA=data/areas/<name> NETGUARD_DB=data/<name>.sqlite npm start` serves it, seeded
 * with a synthetic network generated on that area.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBasemap } from './basemap.ts';
import { AreaInputError, areaSlug, prepareArea, type ColumnMapping } from './setup-area/prepare.ts';
import { readVectorFile } from './setup-area/read-vector.ts';

const COLUMN_KEYS: readonly (keyof ColumnMapping)[] = ['code', 'name', 'type', 'districtCode', 'district'];

function parseColumns(value: string | undefined): Partial<ColumnMapping> {
  if (!value) return {};
  return Object.fromEntries(value.split(',').map((pair) => {
    const [key, column] = pair.split('=').map((part) => part.trim());
    if (!COLUMN_KEYS.includes(key as keyof ColumnMapping) || !column) {
      throw new Error(`--columns: "${pair}" should be key=column with key one of ${COLUMN_KEYS.join(', ')}`);
    }
    return [key, column];
  }));
}

const { values } = parseArgs({
  options: {
    boundaries: { type: 'string' }, layer: { type: 'string' }, roads: { type: 'string' },
    name: { type: 'string' }, province: { type: 'string' }, code: { type: 'string' }, capital: { type: 'string' },
    columns: { type: 'string' }, out: { type: 'string' }, 'basemap-out': { type: 'string' },
    attribution: { type: 'string' }, 'roads-attribution': { type: 'string' },
  },
});

try {
  if (!values.boundaries || !values.name) throw new Error('give --boundaries <file> and --name "<area name>"');
  const out = values.out ?? join('data', 'areas', areaSlug(values.name));
  if (existsSync(join(out, 'area.json'))) throw new Error(`${out} already holds an area: remove it or give another --out`);
  const prepared = prepareArea(readVectorFile(values.boundaries, values.layer), values.roads ? readVectorFile(values.roads) : undefined, {
    name: values.name, province: values.province, code: values.code, capital: values.capital, columns: parseColumns(values.columns),
    boundariesAttribution: values.attribution ?? `Administrative boundaries from ${values.boundaries}`,
    roadsAttribution: values.roads ? values['roads-attribution'] ?? '© OpenStreetMap contributors (ODbL 1.0)' : undefined,
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'communes.geojson'), `${JSON.stringify(prepared.communes)}\n`);
  writeFileSync(join(out, 'roads.geojson'), `${JSON.stringify(prepared.roads)}\n`);
  writeFileSync(join(out, 'area.json'), `${JSON.stringify(prepared.area, null, 2)}\n`);
  const districts = new Set(prepared.communes.features.map((commune) => commune.properties.former_district_code)).size;
  console.log(`${out}: ${prepared.communes.features.length} communes and wards in ${districts} former district group(s), ${prepared.roads.features.length} roads`);
  // The glyphs cover every Vietnamese letter whatever the area, so only the basemap depends on it.
  console.log(writeBasemap(out, values['basemap-out'] ?? 'web/public/basemap', true));
  console.log(`serve it with: NETGUARD_AREA=${out} NETGUARD_DB=data/${areaSlug(values.name)}.sqlite npm start`);
} catch (error) {
  console.error(error instanceof AreaInputError || error instanceof Error ? error.message : String(error));
  process.exit(1);
}
