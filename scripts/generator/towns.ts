import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { districtName, type BaseData } from './base.ts';
import type { RoadChain } from './road-chains.ts';
import type { Town } from './types.ts';

/** District seats that never had town status: Tu Mơ Rông sat in xã Đắk Hà, Ia H' Drai in xã Ia Tơi. */
const SEAT_COMMUNES = ['23425', '23538'];
/** The core ward of the city, where the provincial offices and main exchanges are. */
const CITY_CORE_COMMUNE = '23293';
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
 * The city and the former district towns (communes whose code_was_commune_vi starts with "Thị trấn" or "Phường"),
 * plus the two district seats without town status. One town per former district except the city, which is one
 * town centred on its core ward.
 */
export function findTowns(base: BaseData, chains: RoadChain[]): Town[] {
  const towns: Town[] = [];
  for (const centre of base.centres.features) {
    const props = centre.properties;
    const isTown = /^Thị trấn/u.test(props.code_was_commune_vi);
    const isSeat = SEAT_COMMUNES.includes(props.code);
    if (!(isTown || isSeat || props.code === CITY_CORE_COMMUNE)) continue;
    const polygon = base.communes.features.find((commune) => commune.properties.code === props.code);
    if (!polygon) continue;
    const inside = (position: Position): boolean => turf.booleanPointInPolygon(position, polygon);
    const rank = props.code === CITY_CORE_COMMUNE ? 'city' : isTown ? 'town' : 'seat';
    towns.push({
      name: rank === 'city' ? 'Kon Tum' : districtName(props.former_district_vi),
      communeCode: props.code,
      districtCode: props.former_district_code,
      rank,
      centre: rank === 'city' ? centre.geometry.coordinates : anchor(centre.geometry.coordinates, chains, inside),
    });
  }
  return towns;
}
