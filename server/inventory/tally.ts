import { booleanPointInPolygon, length, lineSplit, along, polygonToLine, bbox as turfBbox, booleanIntersects } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

type Area = Feature<Polygon | MultiPolygon>;
type Props = Record<string, unknown>;
/** Whether each feature's detailed attributes (tier, technology, backup power, kind) may be shown. */
export type Disclosure = (feature: Feature<never, Props>) => boolean;
export type AreaAssets = { cables: Feature<LineString | MultiLineString, Props>[]; sites: Feature<Point, Props>[]; facilities: Feature<Point, Props>[] };

export const UNDISCLOSED = 'undisclosed';

/** Metres of a line inside an area: split at the boundary, keep the pieces whose middle lies inside. */
export function metersInside(line: Feature<LineString | MultiLineString>, area: Area): number {
  const parts: Feature<LineString>[] = line.geometry.type === 'LineString'
    ? [line as Feature<LineString>]
    : line.geometry.coordinates.map((coordinates) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} }));
  let meters = 0;
  const boundary = polygonToLine(area);
  for (const part of parts) {
    if (!booleanIntersects(part, area)) continue;
    const pieces = lineSplit(part, boundary as Feature<LineString | MultiLineString>).features;
    for (const piece of pieces.length ? pieces : [part]) {
      const pieceMeters = length(piece, { units: 'meters' });
      if (booleanPointInPolygon(along(piece, pieceMeters / 2, { units: 'meters' }), area)) meters += pieceMeters;
    }
  }
  return meters;
}

const bump = (table: Record<string, Record<string, number>>, owner: string, key: string, by = 1) => {
  table[owner] ??= {};
  table[owner][key] = (table[owner][key] ?? 0) + by;
};

/** One asset inside the area: what it is (when the reader may see it), how much of a cable lies inside, where it is. */
export type InventoriedAsset = {
  collection: string; id: unknown; owner: string; label: string | null; kind: string | null; metersInside: number | null;
  geometry: Geometry;
};

/**
 * What an area holds, for emergency mobilisation (directive item 2d): cable kilometres inside by owner and tier,
 * sites by owner and technology and by backup power, facilities by owner and kind, and the list of assets.
 * Attributes the reader may not see are counted under `undisclosed`.
 */
export function tallyArea(area: Area, assets: AreaAssets, disclosed: Disclosure) {
  const [w, s, e, n] = turfBbox(area);
  const inBox = ([x, y]: number[]) => x >= w && x <= e && y >= s && y <= n;
  const cableKm: Record<string, Record<string, number>> = {};
  const sitesByTechnology: Record<string, Record<string, number>> = {};
  const sitesByBackupPower: Record<string, Record<string, number>> = {};
  const facilitiesByKind: Record<string, Record<string, number>> = {};
  const sitesByOwner: Record<string, number> = {};
  const listed: InventoriedAsset[] = [];
  for (const cable of assets.cables) {
    const meters = metersInside(cable, area);
    if (meters <= 0) continue;
    const owner = String(cable.properties.owner);
    bump(cableKm, owner, disclosed(cable as never) ? String(cable.properties.tier) : UNDISCLOSED, meters / 1000);
    listed.push({ collection: 'cable_routes', id: cable.id, owner, label: disclosed(cable as never) ? (cable.properties.name as string) : null, kind: disclosed(cable as never) ? String(cable.properties.tier) : null, metersInside: Math.round(meters), geometry: cable.geometry });
  }
  for (const site of assets.sites) {
    if (!inBox(site.geometry.coordinates) || !booleanPointInPolygon(site, area)) continue;
    const owner = String(site.properties.owner);
    sitesByOwner[owner] = (sitesByOwner[owner] ?? 0) + 1;
    const open = disclosed(site as never);
    for (const technology of open ? ((site.properties.technologies as string[] | null) ?? []) : [UNDISCLOSED]) bump(sitesByTechnology, owner, technology);
    bump(sitesByBackupPower, owner, open ? String(site.properties.backup_power ?? 'unknown') : UNDISCLOSED);
    listed.push({ collection: 'bts_sites', id: site.id, owner, label: open ? (site.properties.site_code as string) : null, kind: null, metersInside: null, geometry: site.geometry });
  }
  for (const facility of assets.facilities) {
    if (!inBox(facility.geometry.coordinates) || !booleanPointInPolygon(facility, area)) continue;
    const owner = String(facility.properties.owner);
    bump(facilitiesByKind, owner, disclosed(facility as never) ? String(facility.properties.kind) : UNDISCLOSED);
    listed.push({ collection: 'facilities', id: facility.id, owner, label: disclosed(facility as never) ? (facility.properties.name as string) : null, kind: disclosed(facility as never) ? String(facility.properties.kind) : null, metersInside: null, geometry: facility.geometry });
  }
  for (const owner of Object.keys(cableKm)) for (const tier of Object.keys(cableKm[owner])) cableKm[owner][tier] = Math.round(cableKm[owner][tier] * 1000) / 1000;
  return { cableKm, sitesByOwner, sitesByTechnology, sitesByBackupPower, facilitiesByKind, assets: listed };
}

/**
 * `tallyArea` for a reader: everything disclosed, or for a carrier (`carrier` set) only its own assets' details.
 * The form the work pool runs, since a closure cannot cross to a worker thread.
 */
export function tallyAreaFor(input: { area: Area; assets: AreaAssets; carrier: string | null }) {
  const { carrier } = input;
  return tallyArea(input.area, input.assets, (feature) => carrier === null || (feature as unknown as { properties: Props }).properties.owner === carrier);
}
