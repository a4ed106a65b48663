import type { Feature, FeatureCollection } from 'geojson';
import { vocabularyLabel } from '../../web/src/i18n/vocabulary-labels.ts';
import { csvField } from '../exports/patrol-plan.ts';
import { centroid } from '@turf/turf';
import type { InventoriedAsset } from './tally.ts';

/** The assets inside the area as GeoJSON features (RFC 7946), each with what the reader may know of it. */
export function inventoryGeoJson(assets: readonly InventoriedAsset[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: assets.map(({ geometry, id, ...properties }): Feature => ({ type: 'Feature', id: id as number, geometry, properties: { id, ...properties } })),
  };
}

const COLUMNS: { vi: string; en: string; value: (asset: InventoriedAsset, language: 'vi' | 'en') => unknown }[] = [
  { vi: 'Lớp', en: 'Layer', value: (asset, l) => vocabularyLabel(asset.collection, l) },
  { vi: 'Mã', en: 'Id', value: (asset) => asset.id },
  { vi: 'Doanh nghiệp', en: 'Owner', value: (asset, l) => vocabularyLabel(asset.owner, l) },
  { vi: 'Tên / mã trạm', en: 'Name / site code', value: (asset) => asset.label },
  { vi: 'Loại / cấp', en: 'Kind / tier', value: (asset, l) => (asset.kind ? vocabularyLabel(asset.kind, l) : null) },
  { vi: 'Chiều dài trong vùng (m)', en: 'Length inside (m)', value: (asset) => asset.metersInside },
  { vi: 'Kinh độ', en: 'Longitude', value: (asset) => Math.round(centroid(asset.geometry).geometry.coordinates[0] * 1e6) / 1e6 },
  { vi: 'Vĩ độ', en: 'Latitude', value: (asset) => Math.round(centroid(asset.geometry).geometry.coordinates[1] * 1e6) / 1e6 },
];

/** The assets inside the area as CSV for spreadsheets: a BOM for Vietnamese, headers in the reader's language. */
export function inventoryCsv(assets: readonly InventoriedAsset[], language: 'vi' | 'en'): string {
  const lines = [COLUMNS.map((column) => csvField(column[language])).join(','), ...assets.map((asset) => COLUMNS.map((column) => csvField(column.value(asset, language))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
