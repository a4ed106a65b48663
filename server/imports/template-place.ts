import { pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaConfig } from '../deployment/area.ts';
import { provinceOutline } from '../geometry/province.ts';
import type { FeatureStore } from '../storage/features.ts';

/** Where the templates' example feature lies and the address it gives. */
export type TemplatePlace = { point: [number, number]; address: string | null };

/** How a commune's kind (`unit_type` of admin_areas) is written before its name in an address. */
const UNIT_PREFIX: Record<string, string> = { ward: 'Phường', commune: 'Xã', special: 'Đặc khu' };

/**
 * The example place of the import templates, from the served area: a point inside its capital (area.json
 * `towns.capital`, else its first commune) and that commune's address as written since 2025 — commune, then the
 * province, with no district ("Phường Kon Tum, tỉnh Quảng Ngãi"). A store without communes (a small test dataset)
 * gives a point inside the area's outline and no address; one without an outline, the origin.
 */
export async function templatePlace(features: FeatureStore, area: AreaConfig): Promise<TemplatePlace> {
  const communes = (await features.query('admin_areas', { filters: [{ property: 'level', value: 'commune' }], limit: 10_000, offset: 0 })).features;
  const commune = communes.find((candidate) => String(candidate.properties.code) === area.towns.capital) ?? communes[0];
  if (commune) {
    const prefix = UNIT_PREFIX[String(commune.properties.unit_type)];
    const name = String(commune.properties.name).normalize('NFC');
    return { point: inside(commune as Feature<Polygon | MultiPolygon>), address: `${prefix ? `${prefix} ${name}` : name}, tỉnh ${area.province.name.normalize('NFC')}` };
  }
  const outline = await provinceOutline(features);
  return { point: outline ? inside(outline) : [0, 0], address: null };
}

const inside = (area: Feature<Polygon | MultiPolygon>): [number, number] => {
  const [lon, lat] = pointOnFeature(area).geometry.coordinates;
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
};
