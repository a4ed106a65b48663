import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { districtName, type BaseData } from './base.ts';
import type { RoadChain } from './road-chains.ts';
import type { Town } from './types.ts';

/** Towns sit on the highways, so a town's centre is snapped to a road when one passes this close to the commune's centre. */
const SNAP_TO_ROAD_KM = 8;

function anchor(centre: Position, chains: RoadChain[], inside: (position: Position) => boolean): Position {
  let best: { position: Position; km: number } | undefined;
  for (const chain of chains) {
    const nearest = turf.nearestPointOnLine(turf.lineString(chain.coordinates), centre, { units: 'kilometers' });
    const km = nearest.properties.dist;
    if (km <= SNAP_TO_ROAD_KM && (!best || km < best.km) && inside(nearest.geometry.coordinates)) {
      best = { position: nearest.geometry.coordinates, km };
    }
  }
  return best?.position ?? centre;
}

/**
 * The capital and the former district towns (communes whose code_was_commune_vi starts with "Thị trấn"), plus the
 * seats without town status the area names (area.json `towns`: for Kon Tum, Tu Mơ Rông sat in xã Đắk Hà and
 * Ia H' Drai in xã Ia Tơi). One town per former district except the capital, which is one town centred on its core
 * ward. An area that names no capital takes its first ward, else its first town, else its first commune.
 */
export function findTowns(base: BaseData, chains: RoadChain[]): Town[] {
  const towns: Town[] = [];
  const { capital: namedCapital, capitalName, seats } = base.area.towns;
  const byCode = [...base.centres.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const isTownCommune = (code_was: string | undefined) => /^Thị trấn/u.test(code_was ?? '');
  const capital = namedCapital
    ?? (byCode.find((centre) => centre.properties.type === 'ward') ?? byCode.find((centre) => isTownCommune(centre.properties.code_was_commune_vi)) ?? byCode[0])?.properties.code;
  for (const centre of base.centres.features) {
    const props = centre.properties;
    const isTown = isTownCommune(props.code_was_commune_vi);
    const isSeat = seats.includes(props.code);
    if (!(isTown || isSeat || props.code === capital)) continue;
    const polygon = base.communes.features.find((commune) => commune.properties.code === props.code);
    if (!polygon) continue;
    const inside = (position: Position): boolean => turf.booleanPointInPolygon(position, polygon);
    const rank = props.code === capital ? 'city' : isTown ? 'town' : 'seat';
    towns.push({
      name: rank === 'city' ? (capitalName ?? props.name_vi.normalize('NFC')) : districtName(props.former_district_vi),
      communeCode: props.code,
      districtCode: props.former_district_code,
      rank,
      centre: rank === 'city' ? centre.geometry.coordinates : anchor(centre.geometry.coordinates, chains, inside),
    });
  }
  return towns;
}
