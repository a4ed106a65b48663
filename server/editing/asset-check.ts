import { length } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { formatSlackPoints, parseSlackPoints } from '../alarms/slack-points.ts';
import { mayEditAsset } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { GEOMETRY_TYPES } from '../collections/feature-problems.ts';
import { propertyProblems, type Problem } from '../collections/property-problems.ts';
import { COMPUTED_PROPERTIES, RECORDED_PROPERTIES } from '../collections/filled-by-server.ts';
import type { CollectionDef } from '../collections/types.ts';
import { ASSET_FEATURE_LIMIT, geometryOverLimit } from '../geometry/limits.ts';
import { positionOutsideProvince } from '../geometry/province.ts';
import { geometryProblems } from '../geometry/validate.ts';
import type { FeatureStore } from '../storage/features.ts';


export type AssetCheck = {
  problems: Problem[];
  /** The feature as it will be stored (text NFC, computed properties filled), when there are no problems. */
  feature?: Feature;
  /** The owner is not the caller's own carrier: a 403 for single writes, a listed problem for imports. */
  foreignOwner: boolean;
};

/**
 * Checks one asset feature in full and prepares it for storage: GeoJSON shape, RFC 7946 geometry validity, the
 * collection's geometry kind, inside the province, every property (with paths), and whether the caller may own it.
 * @param at path prefix for problems, e.g. `features[3].`
 * @param stored the feature's stored properties when it is an edit, whose inspection records it keeps
 */
export function checkAsset(collection: CollectionDef, input: unknown, principal: Principal, province: Feature<Polygon | MultiPolygon> | undefined, at = '', stored?: Record<string, unknown>): AssetCheck {
  if (typeof input !== 'object' || input === null || (input as { type?: unknown }).type !== 'Feature') {
    return { problems: [{ path: at || '(body)', message: 'a GeoJSON Feature is required' }], foreignOwner: false };
  }
  const { geometry, properties } = input as { geometry?: unknown; properties?: unknown };
  // Counted before the geometry is validated or measured: both walk every position.
  const tooBig = geometryOverLimit(geometry, ASSET_FEATURE_LIMIT);
  const problems: Problem[] = tooBig ? [{ path: `${at}geometry`, message: `the geometry has ${tooBig}; simplify it or split the feature` }] : geometryProblems(geometry, `${at}geometry`);
  const kind = (geometry as { type?: string } | null)?.type;
  if (problems.length === 0 && !GEOMETRY_TYPES[collection.geometry].includes(kind ?? '')) {
    problems.push({ path: `${at}geometry.type`, message: `${GEOMETRY_TYPES[collection.geometry].join(' or ')} expected for ${collection.id}` });
  }
  if (problems.length === 0) {
    const outside = positionOutsideProvince(geometry as Geometry, province);
    if (outside) problems.push({ path: `${at}geometry`, message: `position [${outside.join(', ')}] is outside the province` });
  }
  const props = typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? (properties as Record<string, unknown>) : null;
  if (!props) problems.push({ path: `${at}properties`, message: 'an object of properties is required' });
  else problems.push(...propertyProblems(collection, props, `${at}properties`, COMPUTED_PROPERTIES[collection.id] ?? []));
  const foreignOwner = props !== null && !mayEditAsset(principal, props.owner);
  if (problems.length > 0 || !props) return { problems, foreignOwner };
  const normalised = Object.fromEntries(Object.entries(props).map(([name, value]) => [name, typeof value === 'string' ? value.normalize('NFC') : value]));
  for (const [name, initial] of Object.entries(RECORDED_PROPERTIES[collection.id] ?? {})) normalised[name] = stored ? stored[name] ?? initial : initial;
  if (collection.id === 'cable_routes') {
    normalised.length_m = Math.round(length({ type: 'Feature', geometry: geometry as Geometry, properties: {} }, { units: 'meters' }) * 10) / 10;
    const coils = parseSlackPoints(normalised.slack_points, normalised.length_m as number);
    if ('problem' in coils) problems.push({ path: `${at}properties.slack_points`, message: coils.problem });
    else if (coils.points.length > 0) normalised.slack_points = formatSlackPoints(coils.points);
    const twist = normalised.twist_factor;
    if (twist !== null && twist !== undefined && !(typeof twist === 'number' && twist >= 1 && twist <= 1.1)) {
      problems.push({ path: `${at}properties.twist_factor`, message: 'a twist factor lies between 1 and 1.1 (data sheets give 1.00–1.02)' });
    }
    if (problems.length > 0) return { problems, foreignOwner };
  }
  return { problems, foreignOwner, feature: { type: 'Feature', geometry: geometry as Geometry, properties: normalised } };
}

/** Site codes among `codes` already used by another BTS site than `exceptId` (read inside the write's transaction). */
export async function siteCodesInUse(features: FeatureStore, codes: readonly string[], exceptId?: number): Promise<string[]> {
  const taken: string[] = [];
  for (const code of codes) {
    const { features: sites } = await features.query('bts_sites', { filters: [{ property: 'site_code', value: code }], limit: 2, offset: 0 });
    if (sites.some((site) => site.id !== exceptId)) taken.push(code);
  }
  return taken;
}
