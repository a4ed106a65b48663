import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { PointDraft } from './sites.ts';
import type { DemoProperties } from './types.ts';
import { roundLine } from './geo.ts';

export type PolygonDraft = { geometry: Polygon; properties: DemoProperties };

const CATEGORY: Record<string, string> = {
  exchange: 'exchange', data_centre: 'data_centre', post_office: 'post_office', radio_station: 'radio_station',
};
const PRIORITY = ['data_centre', 'radio_station', 'exchange', 'post_office'];
/** Most zones are designated; the rest show every other state of the review workflow. */
const STATUSES = ['designated', 'designated', 'designated', 'designated', 'designated', 'proposed', 'rejected', 'revoked'];

/**
 * Protection zones (200–800 m circles) around the most critical facilities, most critical first, proposed by the
 * area's police and reviewed by its department (named as they are today, area.json `organisations`).
 */
export function buildKeyTargets(rng: Rng, facilities: PointDraft[], count: number, organisations: { police: string; department: string }): PolygonDraft[] {
  const critical = facilities
    .filter((facility) => PRIORITY.includes(String(facility.properties.kind)))
    .sort((a, b) => PRIORITY.indexOf(String(a.properties.kind)) - PRIORITY.indexOf(String(b.properties.kind)));
  return critical.slice(0, count).map((facility, index) => {
    const kind = String(facility.properties.kind);
    const status = STATUSES[index % STATUSES.length];
    const radiusM = kind === 'data_centre' ? rng.range(300, 800) : rng.range(200, 500);
    const circle = turf.circle(facility.position, radiusM, { units: 'meters', steps: 32 });
    const effective = status === 'designated' || status === 'revoked';
    return {
      geometry: { type: 'Polygon', coordinates: [roundLine(circle.geometry.coordinates[0])] },
      properties: {
        name: `Khu vực bảo vệ ${facility.properties.name}`,
        category: CATEGORY[kind],
        status,
        protection_level: kind === 'data_centre' || kind === 'radio_station' ? 1 : kind === 'exchange' ? 2 : 3,
        effective_date: effective ? `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : null,
        legal_basis: 'Nghị định 126/2008/NĐ-CP',
        proposed_by: organisations.police,
        reviewed_by: status === 'proposed' ? null : organisations.department,
      },
    };
  });
}
