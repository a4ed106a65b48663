/** Attribution strings required by the licences in data/kontum/SOURCES.md. */
export const ADMIN_ATTRIBUTION =
  'Vietnamese Provinces Database, © 2021 Thang Le Quoc (MIT); vnmap, © 2026 Yuki Matsuura (MIT)';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL 1.0)';
export const SYNTHETIC_ATTRIBUTION = 'NetGuard synthetic demo data (not real carrier or police records)';
